import { describe, expect, it } from 'vitest';
import {
  isClosed,
  moveTo,
  removeAt,
  setCapacity,
  setHours,
  setShift,
  shiftOf,
  toggleClose,
  undoUnit,
} from './changes.js';

describe('working changes', () => {
  it('closes and reopens a unit', () => {
    const closed = toggleClose([], 'U1');
    expect(closed).toEqual([{ kind: 'close', unitCode: 'U1' }]);
    expect(isClosed(closed, 'U1')).toBe(true);
    expect(toggleClose(closed, 'U1')).toEqual([]);
  });

  it('keeps one capacity, move and shift per unit or class, and undoes a unit', () => {
    let changes = setCapacity([], 'U1', 100);
    changes = setCapacity(changes, 'U1', 200);
    changes = moveTo(changes, 'U1', { x: 400_000.4, y: 6_700_000.6 });
    changes = setShift(changes, 'HC', 0.2);
    changes = setShift(changes, 'HC', 0.3);
    expect(changes).toEqual([
      { kind: 'capacity', unitCode: 'U1', capacityPerYear: 200 },
      { kind: 'move', unitCode: 'U1', x: 400_000, y: 6_700_001 },
      { kind: 'shiftChannel', serviceClass: 'HC', channel: 'remote', share: 0.3 },
    ]);
    expect(shiftOf(changes, 'HC')).toBe(0.3);
    expect(setShift(changes, 'HC', 0)).toHaveLength(2);
    expect(undoUnit(changes, 'U1')).toHaveLength(1);
    expect(removeAt(changes, 0)).toHaveLength(2);
    expect(setHours(setHours([], 'U2', 20), 'U2', 30)).toEqual([
      { kind: 'hours', unitCode: 'U2', hoursPerWeek: 30, baseHoursPerWeek: 40 },
    ]);
  });
});

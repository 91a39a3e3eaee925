import { describe, expect, it } from 'vitest';
import type { MonitoringSet } from '../../../../src/model/index.js';
import { type DraftSet, droppedTargetIds, move, parseDecimal, updateOf } from './editing.js';

describe('parseDecimal', () => {
  it('reads Finnish and English decimals and refuses what is not a number', () => {
    expect(parseDecimal('1\u00a0234,5')).toBe(1234.5);
    expect(parseDecimal('1234.5')).toBe(1234.5);
    expect(parseDecimal('−2,5')).toBe(-2.5);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('12abc')).toBeUndefined();
  });
});

describe('move', () => {
  it('moves one item and leaves the list as it was when the move is out of range', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('updateOf', () => {
  const draft: DraftSet = {
    name: ' Johdon mittaristo ',
    description: '',
    items: [
      { indicatorId: 'visits', scope: { level: 'county', code: null }, target: null },
      {
        indicatorId: 'remote',
        scope: { level: 'county', code: null },
        target: { targetValue: '25,5', tolerance: '2', period: '2026', direction: 'higherIsBetter' },
      },
    ],
  };

  it('turns the typed figures into numbers for the API, with the version edited', () => {
    expect(updateOf(draft, 3)).toEqual({
      name: 'Johdon mittaristo',
      description: '',
      version: 3,
      items: [
        { indicatorId: 'visits', scope: { level: 'county', code: null } },
        {
          indicatorId: 'remote',
          scope: { level: 'county', code: null },
          target: { targetValue: 25.5, tolerance: 2, period: '2026', direction: 'higherIsBetter' },
        },
      ],
    });
  });

  it('names the indicators whose target is not a number', () => {
    const bad = structuredClone(draft);
    if (bad.items[1]?.target) bad.items[1].target.targetValue = 'paljon';
    expect(updateOf(bad, 3)).toEqual({ invalid: ['remote'] });
  });
});

describe('droppedTargetIds', () => {
  const target = (id: number, indicatorId: string) => ({
    id,
    indicatorId,
    scope: { level: 'county' as const, code: null },
    period: '2026',
    targetValue: 1,
    direction: 'higherIsBetter' as const,
    tolerance: 0,
    updatedAt: '2026-01-01T00:00:00Z',
  });
  const set = {
    id: 1,
    name: 'x',
    description: '',
    version: 1,
    updatedAt: '',
    indicatorCount: 3,
    items: [
      { position: 0, indicatorId: 'a', scope: { level: 'county', code: null }, target: target(11, 'a') },
      { position: 1, indicatorId: 'b', scope: { level: 'county', code: null }, target: target(12, 'b') },
      { position: 2, indicatorId: 'c', scope: { level: 'county', code: null }, target: target(13, 'c') },
    ],
  } as MonitoringSet;

  it('names the targets of removed items and of unticked targets, and keeps the rest', () => {
    const keep = { targetValue: '1', tolerance: '0', period: '2026', direction: 'higherIsBetter' as const };
    const draft: DraftSet = {
      name: 'x',
      description: '',
      items: [
        { indicatorId: 'a', scope: { level: 'county', code: null }, target: keep },
        { indicatorId: 'b', scope: { level: 'county', code: null }, target: null },
      ],
    };
    expect(droppedTargetIds(set, draft)).toEqual([12, 13]);
  });
});

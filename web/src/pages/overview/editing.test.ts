import { describe, expect, it } from 'vitest';
import { type DraftSet, move, parseDecimal, updateOf } from './editing.js';

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

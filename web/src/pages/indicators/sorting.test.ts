import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRows } from './sorting.js';

const collator = new Intl.Collator('fi-FI');
const id = (value: number | string | null) => value;

describe('sortRows', () => {
  it('puts missing values last in both directions', () => {
    expect(sortRows([3, null, 1, 2], id, 'ascending', collator)).toEqual([1, 2, 3, null]);
    expect(sortRows([3, null, 1, 2], id, 'descending', collator)).toEqual([3, 2, 1, null]);
  });

  it('sorts names in Finnish alphabetical order (å, ä, ö after z)', () => {
    expect(sortRows(['Äänekoski', 'Vaasa', 'Aura', 'Öja'], id, 'ascending', collator)).toEqual([
      'Aura',
      'Vaasa',
      'Äänekoski',
      'Öja',
    ]);
  });

  it('gives a permutation in order, ties kept as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null })), (values) => {
        const sorted = sortRows(values, id, 'ascending', collator);
        expect([...sorted].sort()).toEqual([...values].sort());
        const known = sorted.filter((v) => v !== null) as number[];
        for (let i = 1; i < known.length; i++) expect(known[i]).toBeGreaterThanOrEqual(known[i - 1] ?? 0);
        expect(sorted.slice(known.length).every((v) => v === null)).toBe(true);
      }),
    );
  });
});

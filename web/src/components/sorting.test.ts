import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextOrder, sortRows } from './sorting.js';

interface Row {
  name: string;
  gap: number | null;
}

const rows: Row[] = [
  { name: 'b', gap: 5 },
  { name: 'a', gap: null },
  { name: 'c', gap: -2 },
];
const sortValue = (row: Row, key: 'name' | 'gap') => row[key];

describe('sortRows', () => {
  it('orders by a figure either way with unknown figures last', () => {
    expect(
      sortRows(rows, { key: 'gap', direction: 'descending' }, { sortValue }).map((row) => row.name),
    ).toEqual(['b', 'c', 'a']);
    expect(
      sortRows(rows, { key: 'gap', direction: 'ascending' }, { sortValue }).map((row) => row.name),
    ).toEqual(['c', 'b', 'a']);
  });

  it('orders by name', () => {
    expect(
      sortRows(rows, { key: 'name', direction: 'ascending' }, { sortValue }).map((row) => row.name),
    ).toEqual(['a', 'b', 'c']);
  });

  it('keeps every row and leaves the input as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer(), { nil: null })), (gaps) => {
        const input = gaps.map((gap, i) => ({ name: String(i), gap }));
        const copy = structuredClone(input);
        const sorted = sortRows(input, { key: 'gap', direction: 'ascending' }, { sortValue });
        expect(input).toEqual(copy);
        expect([...sorted].sort((a, b) => Number(a.name) - Number(b.name))).toEqual(input);
        const known = sorted.filter((row) => row.gap !== null).map((row) => row.gap as number);
        expect(known).toEqual([...known].sort((a, b) => a - b));
        expect(sorted.slice(known.length).every((row) => row.gap === null)).toBe(true);
      }),
    );
  });
});

describe('sortRows by name', () => {
  it("follows the reader's alphabet: å, ä and ö after z in Finnish", () => {
    const names = ['Äänekoski', 'Vaasa', 'Aura', 'Öja'].map((name) => ({ name, gap: null }));
    const sorted = sortRows(
      names,
      { key: 'name', direction: 'ascending' },
      { sortValue, compareText: new Intl.Collator('fi-FI').compare },
    );
    expect(sorted.map((row) => row.name)).toEqual(['Aura', 'Vaasa', 'Äänekoski', 'Öja']);
  });
});

describe('nextOrder', () => {
  it('turns the direction of the sorted column and starts another column in its first direction', () => {
    expect(nextOrder({ key: 'gap', direction: 'descending' }, 'gap', 'descending')).toEqual({
      key: 'gap',
      direction: 'ascending',
    });
    expect(nextOrder({ key: 'gap', direction: 'ascending' }, 'name', 'ascending')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
    expect(nextOrder(undefined, 'gap', 'descending')).toEqual({ key: 'gap', direction: 'descending' });
  });
});

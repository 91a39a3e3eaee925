import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackTable } from '../indicators/recovery-attack.js';
import { complementarySuppression, determinedCells, type LinearGroup } from './disclosure.js';

/**
 * A rows × columns table with row totals, column totals and the grand total, cells numbered row by
 * row, then the row totals, the column totals and the grand total.
 */
const twoWay = (table: number[][]) => {
  const rows = table.length;
  const columns = table[0]?.length ?? 0;
  const values = table.flat();
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  for (let r = 0; r < rows; r++) values.push((table[r] ?? []).reduce((a, b) => a + b, 0));
  for (let c = 0; c < columns; c++) values.push(table.reduce((a, row) => a + (row[c] ?? 0), 0));
  values.push(values.slice(0, rows * columns).reduce((a, b) => a + b, 0));
  const groups: LinearGroup[] = [];
  for (let r = 0; r < rows; r++)
    groups.push({ total: rowTotal(r), parts: Array.from({ length: columns }, (_, c) => r * columns + c) });
  for (let c = 0; c < columns; c++)
    groups.push({ total: columnTotal(c), parts: Array.from({ length: rows }, (_, r) => r * columns + c) });
  groups.push({ total: grand, parts: Array.from({ length: rows }, (_, r) => rowTotal(r)) });
  groups.push({ total: grand, parts: Array.from({ length: columns }, (_, c) => columnTotal(c)) });
  return { values, groups };
};

describe('complementarySuppression', () => {
  it('withholds a partner in every row and column that has one small cell (worked by hand)', () => {
    // 3 is small: its row gets 10 withheld, its column 8, and 8's row then 9.
    const { values, groups } = twoWay([
      [3, 10, 12],
      [8, 9, 20],
    ]);
    const mask = complementarySuppression({ values, groups });
    expect(mask.slice(0, 6)).toEqual([true, true, false, true, true, false]);
    expect(mask.slice(6).every((m) => !m)).toBe(true);
  });

  it('leaves a table without small counts as it is', () => {
    const { values, groups } = twoWay([
      [5, 0, 12],
      [8, 9, 20],
    ]);
    expect(complementarySuppression({ values, groups }).some((m) => m)).toBe(false);
  });

  it('protects a cell that the one-withheld-per-group rule leaves solvable from two groups together', () => {
    // a + b + d = 53 and a + b + c + e = 66 with a, b, c small: every group has two or more withheld
    // cells, yet c = (66 − 60) − (53 − 50) = 3. Elimination finds c and withholds e as well.
    const values = [1, 2, 3, 50, 60, 53, 66];
    const groups: LinearGroup[] = [
      { total: 5, parts: [0, 1, 3] },
      { total: 6, parts: [0, 1, 2, 4] },
    ];
    const fixed = values.map((_, i) => i >= 5);
    expect(determinedCells([true, true, true, false, false, false, false], groups)).toEqual([2]);
    const mask = complementarySuppression({ values, groups, fixed });
    expect(mask).toEqual([true, true, true, false, true, false, false]);
    expect(determinedCells(mask, groups)).toEqual([]);
  });

  it('never chooses a fixed cell as a partner', () => {
    const values = [2, 7, 9, 18];
    const groups: LinearGroup[] = [{ total: 3, parts: [0, 1, 2] }];
    const mask = complementarySuppression({ values, groups, fixed: [false, false, false, true] });
    expect(mask).toEqual([true, true, false, false]);
  });

  it('on random tables: every small count withheld, no group with one withheld cell, nothing solvable', async () => {
    const cell = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
    const table = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([r, c]) =>
        fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const { values, groups } = twoWay(rows);
        const mask = complementarySuppression({ values, groups });
        values.forEach((v, i) => {
          if (v >= 1 && v <= 4) expect(mask[i]).toBe(true);
        });
        for (const g of groups) expect([...g.parts, g.total].filter((c) => mask[c]).length).not.toBe(1);
        expect(determinedCells(mask, groups)).toEqual([]);
        const published = values.map((v, i) => (mask[i] ? null : v));
        const { pinned } = await attackTable(published, groups);
        expect(pinned).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

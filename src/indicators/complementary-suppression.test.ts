import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallCount } from '../model/index.js';
import {
  complementarySuppression,
  determinedCells,
  feasibleIntervals,
  isProtectedInterval,
  type LinearGroup,
  underProtected,
} from './complementary-suppression.js';
import { attackerLowerBounds, attackTable } from './recovery-attack.js';
import { auditedSuppression } from './suppression-audit.js';

/**
 * The recovery attack with a realistic reader: every withheld count is at least 1 (zeros are published),
 * and for every withheld cell a linear programme finds its smallest and largest value consistent with all
 * published figures. Returns the cells whose interval breaks the protection rule.
 */
const exposed = async (
  values: readonly number[],
  groups: readonly LinearGroup[],
  mask: readonly boolean[],
) => {
  const published = values.map((v, i) => (mask[i] ? null : v));
  const { ranges } = await attackTable(published, groups, attackerLowerBounds(values));
  return [...ranges]
    .filter(([cell, range]) => values[cell] !== 0 && !isProtectedInterval(range, isSmallCount(values[cell])))
    .map(([cell, range]) => ({ cell, value: values[cell], ...range }));
};

/**
 * A hierarchy: leaves under parents under one root, each leaf split by the same categories; every node
 * has a total over the categories, every category a total over each parent's leaves and the root.
 */
const hierarchical = (parents: number[][][]) => {
  const values: number[] = [];
  const groups: LinearGroup[] = [];
  const categories = parents[0]?.[0]?.length ?? 0;
  const node = (cells: number[]) => {
    const parts = cells.map((v) => values.push(v) - 1);
    const total = values.push(cells.reduce((a, b) => a + b, 0)) - 1;
    if (categories > 1) groups.push({ total, parts });
    return [...parts, total];
  };
  const sumUp = (children: number[][]) => {
    const own = node(
      Array.from({ length: categories }, (_, c) =>
        children.reduce((a, ch) => a + (values[ch[c] as number] ?? 0), 0),
      ),
    );
    for (let c = 0; c <= categories; c++)
      groups.push({ total: own[c] as number, parts: children.map((ch) => ch[c] as number) });
    return own;
  };
  const parentNodes = parents.map((leaves) => sumUp(leaves.map(node)));
  sumUp(parentNodes);
  return { values, groups };
};

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
    // Elimination finds c and withholds e; the bounds then leave a (1) and b (2) as "1 or 2" in the
    // first group (a + b = 3, each at least 1), so d is withheld too.
    const mask = complementarySuppression({ values, groups, fixed });
    expect(mask).toEqual([true, true, true, true, true, false, false]);
    expect(determinedCells(mask, groups)).toEqual([]);
  });

  it('does not let the bounds pin two withheld 1s under a published total (worked by hand)', () => {
    // Row (1, 1, 50) with total 52: the 1s are withheld and sum to 2; with each at least 1 both are 1.
    // The 50 is withheld as well, leaving 52 spread over three cells of at least 1 each.
    const values = [1, 1, 50, 52];
    const groups: LinearGroup[] = [{ total: 3, parts: [0, 1, 2] }];
    const fixed = [false, false, false, true];
    expect(determinedCells([true, true, false, false], groups)).toEqual([]);
    expect(feasibleIntervals(values, groups, [true, true, false, false]).max.slice(0, 2)).toEqual([1, 1]);
    const mask = complementarySuppression({ values, groups, fixed });
    expect(mask).toEqual([true, true, true, false]);
    const { min, max } = feasibleIntervals(values, groups, mask);
    expect([min[0], max[0]]).toEqual([1, 50]);
  });

  it('widens a small count left two-way ambiguous by the bounds (worked by hand)', async () => {
    // (2, 1, 40) over 43: withholding 2 and 1 leaves 3 = a + b with a, b ≥ 1, so 2 is "1 or 2".
    const values = [2, 1, 40, 43];
    const groups: LinearGroup[] = [{ total: 3, parts: [0, 1, 2] }];
    const mask = complementarySuppression({ values, groups, fixed: [false, false, false, true] });
    expect(mask).toEqual([true, true, true, false]);
    expect(await exposed(values, groups, mask)).toEqual([]);
  });

  it('never chooses a fixed cell as a partner', () => {
    const values = [2, 7, 9, 18];
    const groups: LinearGroup[] = [{ total: 3, parts: [0, 1, 2] }];
    const mask = complementarySuppression({ values, groups, fixed: [false, false, false, true] });
    expect(mask).toEqual([true, true, false, false]);
  });

  // Many small counts, so that bounds matter: most withheld cells are 1–4 among zeros.
  const cell = fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 3, arbitrary: fc.integer({ min: 5, max: 60 }) },
  );

  it('on random tables: every small count withheld, no group with one withheld cell, nothing solvable', async () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
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
        expect(underProtected(values, groups, { mask, primary: values.map((v) => isSmallCount(v)) })).toEqual(
          [],
        );
        // Propagated bounds are looser than exact ones; the exact audit closes the rest.
        const audited = await auditedSuppression({ values, groups });
        expect(audited.exposed).toEqual([]);
        expect(await exposed(values, groups, audited.mask)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('on random hierarchies with a breakdown: the attack with bounds pins or narrows nothing', async () => {
    const tree = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([parents, leaves, categories]) =>
        fc.array(
          fc.array(fc.array(cell, { minLength: categories, maxLength: categories }), {
            minLength: leaves,
            maxLength: leaves,
          }),
          { minLength: parents, maxLength: parents },
        ),
      );
    await fc.assert(
      fc.asyncProperty(tree, async (parents) => {
        const { values, groups } = hierarchical(parents);
        const mask = complementarySuppression({ values, groups });
        values.forEach((v, i) => {
          if (isSmallCount(v)) expect(mask[i]).toBe(true);
        });
        expect(underProtected(values, groups, { mask, primary: values.map((v) => isSmallCount(v)) })).toEqual(
          [],
        );
        const audited = await auditedSuppression({ values, groups });
        expect(audited.exposed).toEqual([]);
        expect(await exposed(values, groups, audited.mask)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

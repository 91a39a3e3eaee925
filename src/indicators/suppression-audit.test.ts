import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complementarySuppression, type LinearGroup } from './complementary-suppression.js';
import { suppressTable, type TableCell, totalCategory } from './suppression.js';
import { auditedSuppression, auditedSuppressTable } from './suppression-audit.js';

describe('auditedSuppression', () => {
  it('keeps a pattern the exact attack cannot break (worked by hand)', async () => {
    // (1, 1, 50) over a published 52: the 50 joins the 1s, and each withheld cell then spans 1…50.
    const values = [1, 1, 50, 52];
    const groups: LinearGroup[] = [{ total: 3, parts: [0, 1, 2] }];
    const result = await auditedSuppression({ values, groups, fixed: [false, false, false, true] });
    expect(result).toEqual({ mask: [true, true, true, false], audited: true, exposed: [] });
  });

  it('reports cells nothing in the table can protect', async () => {
    // Five 1s under a total of 5 that another request publishes: each is 1, whatever is withheld here.
    const values = [1, 1, 1, 1, 1, 5];
    const groups: LinearGroup[] = [{ total: 5, parts: [0, 1, 2, 3, 4] }];
    const result = await auditedSuppression({ values, groups, fixed: values.map((_, i) => i === 5) });
    expect(result.exposed).toEqual([0, 1, 2, 3, 4]);
  });

  it('on random two-way tables of small counts: passes the exact audit and only adds to the pattern', async () => {
    const cell = fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
      { weight: 3, arbitrary: fc.integer({ min: 5, max: 30 }) },
    );
    const table = fc
      .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }))
      .chain(([r, c]) =>
        fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const columns = rows[0]?.length ?? 0;
        const values = rows.flat();
        const groups: LinearGroup[] = [];
        rows.forEach((row, r) => {
          groups.push({
            total: values.push(row.reduce((a, b) => a + b, 0)) - 1,
            parts: row.map((_, c) => r * columns + c),
          });
        });
        for (let c = 0; c < columns; c++)
          groups.push({
            total: values.push(rows.reduce((a, row) => a + (row[c] ?? 0), 0)) - 1,
            parts: rows.map((_, r) => r * columns + c),
          });
        const base = complementarySuppression({ values, groups });
        const result = await auditedSuppression({ values, groups });
        expect(result.audited).toBe(true);
        expect(result.exposed).toEqual([]);
        base.forEach((m, i) => {
          if (m) expect(result.mask[i]).toBe(true);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('audits an indicator table and keeps what suppressTable withholds', async () => {
    // Three municipalities of one county by two categories for a year; 102 has a 1 and a 2.
    const cells: TableCell[] = [
      ['101', 'a', 30],
      ['101', 'b', 12],
      ['102', 'a', 1],
      ['102', 'b', 2],
      ['103', 'a', 9],
      ['103', 'b', 40],
    ].map(([areaCode, category, count]) => ({
      period: '2024',
      areaCode: String(areaCode),
      parentCode: '99',
      category: String(category),
      count: Number(count),
    }));
    for (const [areaCode, count] of [
      ['101', 42],
      ['102', 3],
      ['103', 49],
    ] as const)
      cells.push({ period: '2024', areaCode, parentCode: '99', category: totalCategory, count });
    const base = suppressTable(cells, 'year');
    const result = await auditedSuppressTable(cells, 'year');
    expect(result.exposed).toEqual([]);
    expect(result.audited).toBe(true);
    base.forEach((m, i) => {
      if (m) expect(result.mask[i]).toBe(true);
    });
    expect(result.mask.slice(2, 4)).toEqual([true, true]);
  });
});

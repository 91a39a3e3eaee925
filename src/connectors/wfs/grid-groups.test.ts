import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridGroupColumns, gridGroups } from './grid-groups.js';

const codeOf = (p: Record<string, unknown>) => String(p.grd_id);

describe('gridGroups', () => {
  it('reads the total, men, women and the three age groups of a cell', () => {
    const { rows, rejects } = gridGroups(
      [
        {
          properties: {
            grd_id: '1kmN6672E0385',
            vaesto: 120,
            miehet: 58,
            naiset: 62,
            ika_0_14: 20,
            ika_15_64: 70,
            ika_65_: 30,
          },
        },
      ],
      2024,
      codeOf,
    );
    expect(rejects).toEqual([]);
    expect(rows.map((r) => [r.sex, r.ageFrom, r.ageTo, r.count])).toEqual([
      ['total', 0, null, 120],
      ['male', 0, null, 58],
      ['female', 0, null, 62],
      ['total', 0, 14, 20],
      ['total', 15, 64, 70],
      ['total', 65, null, 30],
    ]);
  });

  it('keeps -1 as suppressed, never as a number, and rejects what is not a count with its reason', () => {
    const { rows, rejects } = gridGroups(
      [
        {
          properties: {
            grd_id: '1kmN6672E0386',
            vaesto: 6,
            miehet: -1,
            naiset: '-1',
            ika_0_14: -1,
            ika_15_64: 2.5,
            ika_65_: 'x',
          },
        },
        { properties: { grd_id: '1kmN6672E0387', vaesto: '14' } },
      ],
      2024,
      codeOf,
    );
    expect(rows.filter((r) => r.suppressed).map((r) => [r.line, r.sex, r.ageTo, r.count])).toEqual([
      [1, 'male', null, null],
      [1, 'female', null, null],
      [1, 'total', 14, null],
    ]);
    expect(rows.find((r) => r.line === 2)).toMatchObject({ sex: 'total', count: 14, suppressed: false });
    expect(rejects).toEqual([
      { line: 1, column: 'ika_15_64', value: '2.5', reason: 'notACount' },
      { line: 1, column: 'ika_65_', value: 'x', reason: 'notACount' },
      { line: 2, column: 'miehet', value: '', reason: 'missing' },
      { line: 2, column: 'naiset', value: '', reason: 'missing' },
      { line: 2, column: 'ika_0_14', value: '', reason: 'missing' },
      { line: 2, column: 'ika_15_64', value: '', reason: 'missing' },
      { line: 2, column: 'ika_65_', value: '', reason: 'missing' },
    ]);
  });

  it('gives each cell and column one row or one reject, and no negative or fractional count', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ noNaN: false }),
      fc.string({ maxLength: 4 }),
      fc.constant(null),
      fc.constant(undefined),
    );
    const properties = fc.record(
      Object.fromEntries(gridGroupColumns.map((g) => [g.column, value])) as Record<
        string,
        fc.Arbitrary<unknown>
      >,
    );
    fc.assert(
      fc.property(fc.array(properties, { maxLength: 8 }), (cells) => {
        const { rows, rejects } = gridGroups(
          cells.map((p, i) => ({ properties: { ...p, grd_id: `c${i}` } })),
          2024,
          codeOf,
        );
        expect(rows.length + rejects.length).toBe(cells.length * gridGroupColumns.length);
        for (const r of rows) {
          if (r.suppressed) expect(r.count).toBeNull();
          else expect(Number.isSafeInteger(r.count) && (r.count as number) >= 0).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

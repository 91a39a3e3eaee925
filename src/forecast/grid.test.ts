import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandCount, bandOf, distributeToCells } from './grid.js';
import { groupCount } from './layout.js';
import { apportionInto, roundTable } from './rounding.js';

describe('apportionInto', () => {
  it('gives whole numbers within one of the expected values that add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const expected = Float64Array.from(values);
          const total = Math.round(values.reduce((a, b) => a + b, 0));
          const out = new Int32Array(values.length);
          apportionInto(expected, total, { out });
          expect(out.reduce((a, b) => a + b, 0)).toBe(total);
          out.forEach((v, i) => {
            expect(Math.abs(v - (expected[i] as number))).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
  });

  it('rounds 1.6, 1.3, 0.1 to 2, 1, 0 (largest remainders)', () => {
    const out = new Int32Array(3);
    apportionInto(Float64Array.of(1.6, 1.3, 0.1), 3, { out });
    expect([...out]).toEqual([2, 1, 0]);
  });
});

describe('distributeToCells', () => {
  it('keeps each cell share when nothing changes, and the trend moves people toward growing cells', () => {
    const municipal = new Int32Array(groupCount);
    municipal[40] = 100;
    const latest = new Float64Array(2 * bandCount);
    const earlier = new Float64Array(2 * bandCount);
    latest[8] = 30;
    latest[bandCount + 8] = 70;
    earlier.set(latest);
    const still = distributeToCells(
      municipal,
      { municipality: Int32Array.of(0, 0), latest, earlier, span: 5 },
      10,
    );
    expect([still[40], still[groupCount + 40]]).toEqual([30, 70]);
    earlier[8] = 20;
    earlier[bandCount + 8] = 80;
    const moving = distributeToCells(
      municipal,
      { municipality: Int32Array.of(0, 0), latest, earlier, span: 5 },
      10,
    );
    expect(moving[40]).toBeGreaterThan(30);
    expect((moving[40] as number) + (moving[groupCount + 40] as number)).toBe(100);
  });

  it('adds cells up to their municipality exactly, age by age and sex by sex', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(3), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 30 }),
        (areaCount, owners, seed, ahead) => {
          const municipality = Int32Array.from(owners, (o) => o % areaCount);
          let s = seed;
          const next = () => {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            return s / 2 ** 31;
          };
          const latest = Float64Array.from({ length: owners.length * bandCount }, () =>
            next() < 0.3 ? 0 : next() * 20,
          );
          const earlier = Float64Array.from({ length: owners.length * bandCount }, () =>
            next() < 0.3 ? 0 : next() * 20,
          );
          const municipal = Int32Array.from({ length: areaCount * groupCount }, () =>
            Math.floor(next() * 30),
          );
          // A municipality without cells cannot hold anyone.
          for (let a = 0; a < areaCount; a++)
            if (!municipality.includes(a)) municipal.fill(0, a * groupCount, (a + 1) * groupCount);
          const out = distributeToCells(municipal, { municipality, latest, earlier, span: 3 }, ahead);
          const sums = new Int32Array(areaCount * groupCount);
          municipality.forEach((a, c) => {
            for (let g = 0; g < groupCount; g++)
              sums[a * groupCount + g] =
                (sums[a * groupCount + g] as number) + (out[c * groupCount + g] as number);
          });
          expect([...sums]).toEqual([...municipal]);
          for (const v of out) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps a resident in every sparsely populated cell when nothing changes, sums still exact', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.nat(bandCount - 1), fc.integer({ min: 1, max: 3 })), {
            minLength: 1,
            maxLength: 3,
          }),
          {
            minLength: 2,
            maxLength: 80,
          },
        ),
        (residents) => {
          // Rural cells of one to nine residents in a few bands; the municipality is their sum, each
          // band's residents spread over its single years.
          const n = residents.length;
          const latest = new Float64Array(n * bandCount);
          residents.forEach((cell, k) => {
            for (const [b, count] of cell)
              latest[k * bandCount + b] = (latest[k * bandCount + b] as number) + count;
          });
          const municipal = new Int32Array(groupCount);
          for (let b = 0; b < bandCount; b++) {
            let total = 0;
            for (let k = 0; k < n; k++) total += latest[k * bandCount + b] as number;
            const groups = Array.from({ length: groupCount }, (_, g) => g).filter((g) => bandOf(g) === b);
            groups.forEach((g, i) => {
              municipal[g] = Math.floor(total / groups.length) + (i < total % groups.length ? 1 : 0);
            });
          }
          const out = distributeToCells(
            municipal,
            { municipality: new Int32Array(n), latest, earlier: latest, span: 5 },
            5,
          );
          for (let k = 0; k < n; k++) {
            let cellTotal = 0;
            let expected = 0;
            for (let g = 0; g < groupCount; g++) cellTotal += out[k * groupCount + g] as number;
            for (let b = 0; b < bandCount; b++) expected += latest[k * bandCount + b] as number;
            expect(cellTotal).toBe(expected);
          }
          const sums = new Int32Array(groupCount);
          for (let k = 0; k < n; k++)
            for (let g = 0; g < groupCount; g++)
              sums[g] = (sums[g] as number) + (out[k * groupCount + g] as number);
          expect([...sums]).toEqual([...municipal]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('roundTable', () => {
  it('keeps both margins exactly and stays within one of each expected value where the margins allow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 20,
        }),
        (table) => {
          const columns = 3;
          const total = Math.round(table.flat().reduce((a, b) => a + b, 0));
          const rowExpected = Float64Array.from(table, (row) => row.reduce((a, b) => a + b, 0));
          const rows = new Int32Array(table.length);
          apportionInto(rowExpected, total, { out: rows });
          const columnExpected = Float64Array.from({ length: columns }, (_, j) =>
            table.reduce((a, row) => a + (row[j] as number), 0),
          );
          const columnTotals = new Int32Array(columns);
          apportionInto(columnExpected, total, { out: columnTotals });
          const out = new Int32Array(table.length * columns);
          roundTable(rows, columnTotals, { expected: (i, j) => table[i]?.[j] ?? 0, out });
          for (const v of out) expect(v).toBeGreaterThanOrEqual(0);
          table.forEach((_, i) => {
            expect(
              (out[i * columns] as number) +
                (out[i * columns + 1] as number) +
                (out[i * columns + 2] as number),
            ).toBe(rows[i]);
          });
          for (let j = 0; j < columns; j++) {
            let sum = 0;
            for (let i = 0; i < table.length; i++) sum += out[i * columns + j] as number;
            expect(sum).toBe(columnTotals[j]);
          }
        },
      ),
    );
  });
});

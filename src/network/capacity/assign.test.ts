import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignCapacitated, assignNearest, utilisation } from './index.js';

describe('nearest assignment', () => {
  it('sends every cell to its nearest unit', () => {
    const result = assignNearest(
      [
        [1, 9, 4],
        [5, 2, 4],
      ],
      [10, 20, 5],
    );
    expect(Array.from(result.load)).toEqual([15, 20]);
    expect(result.meanMinutes).toBeCloseTo((10 * 1 + 20 * 2 + 5 * 4) / 35, 12);
  });
});

describe('capacitated assignment', () => {
  it('lets the cell with the most to lose choose first and overflows the rest', () => {
    // Unit 0 holds 10. Cell 0 (demand 8): 1 vs 2 min (regret 1); cell 1 (demand 8): 2 vs 12 min (regret 10).
    const columns = [
      [1, 2],
      [2, 12],
    ];
    const result = assignCapacitated(columns, [8, 8], [10, 100]);
    expect(Array.from(result.load)).toEqual([10, 6]);
    expect(Array.from(result.overflow)).toEqual([6, 0]);
    expect(Array.from(result.unserved)).toEqual([0, 0]);
    expect(utilisation(result.load, [10, 100])).toEqual([1, 0.06]);
    expect(result.meanMinutes).toBeCloseTo((8 * 2 + 2 * 1 + 6 * 2) / 16, 12);
  });

  it('counts what no unit can take as unserved at the nearest unit', () => {
    const result = assignCapacitated([[1], [3]], [5], [2, 1]);
    expect(Array.from(result.load)).toEqual([2, 1]);
    expect(Array.from(result.unserved)).toEqual([2, 0]);
    expect(Array.from(result.overflow)).toEqual([3, 0]);
  });

  const instance = fc
    .record({
      cells: fc.integer({ min: 1, max: 15 }),
      units: fc.integer({ min: 1, max: 5 }),
      seed: fc.infiniteStream(fc.integer({ min: 0, max: 100 })),
    })
    .map(({ cells, units, seed }) => {
      const it = seed[Symbol.iterator]();
      const next = () => it.next().value as number;
      return {
        columns: Array.from({ length: units }, () => Array.from({ length: cells }, next)),
        demand: Array.from({ length: cells }, next),
        capacity: Array.from({ length: units }, () => next() * 3),
      };
    });

  it('never exceeds a capacity and accounts for all demand', () => {
    fc.assert(
      fc.property(instance, ({ columns, demand, capacity }) => {
        const result = assignCapacitated(columns, demand, capacity);
        capacity.forEach((c, u) => {
          expect(result.load[u]).toBeLessThanOrEqual(c + 1e-9);
        });
        const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
        const total = sum(demand);
        expect(sum(result.load) + sum(result.unserved)).toBeCloseTo(total, 9);
        if (sum(capacity) >= total) expect(sum(result.unserved)).toBeCloseTo(0, 9);
      }),
    );
  });

  it('equals the nearest assignment when capacity is ample', () => {
    fc.assert(
      fc.property(instance, ({ columns, demand }) => {
        const ample = columns.map(() => 1e9);
        const capacitated = assignCapacitated(columns, demand, ample);
        const nearest = assignNearest(columns, demand);
        expect(Array.from(capacitated.load)).toEqual(Array.from(nearest.load));
        expect(Array.from(capacitated.overflow).every((o) => o === 0)).toBe(true);
      }),
    );
  });
});

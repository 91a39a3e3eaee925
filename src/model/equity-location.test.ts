import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacitatedCovering, coveredWithinCapacity, minimaxRegret } from './equity-location.js';

const subsets = (m: number, p: number): number[][] => {
  if (p === 0) return [[]];
  if (m < p) return [];
  return [...subsets(m - 1, p - 1).map((s) => [...s, m - 1]), ...subsets(m - 1, p)];
};
const allSubsets = (items: number[]): number[][] => {
  const sets: number[][] = [[]];
  for (const x of items) for (const s of sets.slice()) sets.push([...s, x]);
  return sets;
};

const instance = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      p: fc.integer({ min: 1, max: m }),
      cost: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n * m, maxLength: n * m }),
      scenarios: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }), {
        minLength: 1,
        maxLength: 3,
      }),
      capacities: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: m, maxLength: m }),
      radius: fc.integer({ min: 0, max: 30 }),
    }),
  );

const median = (cost: number[], m: number, weights: number[], open: number[]) =>
  weights.reduce((sum, w, i) => sum + w * Math.min(...open.map((j) => cost[i * m + j] as number)), 0);

/** Max flow by its min cut: sites A on the source side pay their capacity, demand not wholly inside A its weight. */
const coveredByCut = (
  c: { cost: number[]; m: number; weights: number[]; capacities: number[]; radius: number },
  open: number[],
) =>
  Math.min(
    ...allSubsets(open).map(
      (a) =>
        a.reduce((sum, j) => sum + (c.capacities[j] as number), 0) +
        c.weights.reduce((sum, w, i) => {
          const near = open.filter((j) => (c.cost[i * c.m + j] as number) <= c.radius);
          return sum + (near.every((j) => a.includes(j)) ? 0 : w);
        }, 0),
    ),
  );

describe('minimax regret', () => {
  it('agrees with enumerating every choice against every scenario', () => {
    fc.assert(
      fc.property(instance, ({ n, m, p, cost, scenarios }) => {
        const sets = subsets(m, p);
        const best = scenarios.map((w) => Math.min(...sets.map((s) => median(cost, m, w, s))));
        const expected = Math.min(
          ...sets.map((s) =>
            Math.max(...scenarios.map((w, c) => median(cost, m, w, s) - (best[c] as number))),
          ),
        );
        const result = minimaxRegret({
          demandCount: n,
          siteCount: m,
          cost,
          p,
          scenarios: scenarios.map((weights, c) => ({ name: `s${c}`, weights })),
        });
        expect(result.exact).toBe(true);
        expect(result.maxRegret).toBeCloseTo(expected, 9);
        expect(result.open).toHaveLength(p);
        result.scenarios.forEach((row, c) => {
          expect(row.best).toBeCloseTo(best[c] as number, 9);
        });
      }),
      { numRuns: 150, seed: 41 },
    );
  });

  it('without enumeration still answers within the regret of every scenario optimum it reports', () => {
    const result = minimaxRegret({
      demandCount: 3,
      siteCount: 4,
      cost: [0, 5, 9, 4, 5, 0, 4, 3, 9, 4, 0, 3],
      p: 2,
      maxSets: 1,
      scenarios: [
        { name: 'low', weights: [3, 1, 1] },
        { name: 'high', weights: [1, 1, 5] },
      ],
    });
    expect(result.exact).toBe(false);
    for (const row of result.scenarios) expect(row.regret).toBeCloseTo(row.cost - row.best, 9);
    expect(result.maxRegret).toBe(Math.max(...result.scenarios.map((r) => r.regret)));
  });
});

describe('maximal covering with capacity', () => {
  it('serves as much as the min cut allows, and chooses the best sites, as enumeration does', () => {
    fc.assert(
      fc.property(instance, ({ n, m, p, cost, scenarios, capacities, radius }) => {
        const weights = scenarios[0] as number[];
        const c = { cost, m, weights, capacities, radius };
        const expected = Math.max(...subsets(m, p).map((s) => coveredByCut(c, s)));
        const result = capacitatedCovering({
          demandCount: n,
          siteCount: m,
          cost,
          p,
          weights,
          capacities,
          radius,
        });
        expect(result.exact).toBe(true);
        expect(result.covered).toBeCloseTo(expected, 9);
        for (const [t, j] of result.open.entries())
          expect(result.load[t]).toBeLessThanOrEqual((capacities[j] as number) + 1e-9);
        const flow = coveredWithinCapacity({ cost, siteCount: m, weights, capacities, radius }, result.open);
        expect(flow.covered).toBeCloseTo(coveredByCut(c, result.open), 9);
      }),
      { numRuns: 150, seed: 43 },
    );
  });
});

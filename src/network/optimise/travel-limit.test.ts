import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocationModel } from '../../model/index.js';
import { optimiseLocation } from './index.js';
import { type SmallCase, smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';

/** Every set of p of the m sites. */
const subsets = (m: number, p: number): number[][] => {
  if (p === 0) return [[]];
  if (m < p) return [];
  return [...subsets(m - 1, p - 1).map((s) => [...s, m - 1]), ...subsets(m - 1, p)];
};

/** The best value of p-median or p-center with everyone of positive weight within `limit`, by brute force. */
const bruteForce = (c: SmallCase, model: 'p-median' | 'p-center', limit: number): number | null => {
  const { demandCount: n, siteCount: m, cost, weights } = c.problem;
  let best: number | null = null;
  for (const open of subsets(m, c.p)) {
    let value = 0;
    let within = true;
    for (let i = 0; i < n && within; i++) {
      const w = weights[i] as number;
      if (w <= 0) continue;
      const d = Math.min(...open.map((j) => cost[i * m + j] as number));
      if (d > limit) within = false;
      value = model === 'p-median' ? value + w * d : Math.max(value, d);
    }
    if (within && (best === null || value < best)) best = value;
  }
  return best;
};

describe('a maximum travel for every resident', () => {
  it('finds the brute-force optimum within the limit, and says infeasible only when none exists', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallCase({ maxDemand: 7, maxSites: 6 }),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom<LocationModel>('p-median', 'p-center'),
        async (c, limit, model) => {
          const expected = bruteForce(c, model as 'p-median' | 'p-center', limit);
          const result = await optimiseLocation(
            c.problem,
            { model, p: c.p, maxTravel: limit },
            { method: 'exact', timeLimitSeconds: 30 },
          );
          if (expected === null) {
            expect(result.status).toBe('infeasible');
            expect(result.objective).toBeNull();
            return;
          }
          expect(result.status).toBe('optimal');
          expect(result.objective).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 40, seed: 31 },
    );
  });

  it('names the residents no site reaches within the limit, and leaves out those of no weight', async () => {
    // Demand 0 and 2 sit 10 and 30 minutes from the nearest site; demand 1 has no residents.
    const result = await optimiseLocation(
      {
        demandCount: 3,
        siteCount: 2,
        cost: Float64Array.from([10, 12, 40, 50, 30, 35]),
        weights: [5, 0, 2],
      },
      { model: 'p-median', p: 1, maxTravel: 20 },
      { method: 'heuristic', timeLimitSeconds: 5 },
    );
    expect(result.status).toBe('infeasible');
    expect(result.beyondReach).toEqual([2]);
    expect(result.objective).toBeNull();
    expect(result.gap).toBeNull();
  });

  it('is never infeasible on a feasible instance when solved heuristically, and keeps to the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallCase({ maxDemand: 7, maxSites: 6 }),
        fc.integer({ min: 0, max: 25 }),
        async (c, limit) => {
          const expected = bruteForce(c, 'p-median', limit);
          const result = await optimiseLocation(
            c.problem,
            { model: 'p-median', p: c.p, maxTravel: limit },
            { method: 'heuristic', timeLimitSeconds: 5, maxIdleIterations: 50 },
          );
          if (expected !== null) expect(result.status).not.toBe('infeasible');
          if (result.objective !== null) {
            const { siteCount: m, cost, weights } = c.problem;
            result.assignment.forEach((j, i) => {
              if ((weights[i] as number) > 0) expect(cost[i * m + j] as number).toBeLessThanOrEqual(limit);
            });
            if (expected !== null) expect(result.objective).toBeGreaterThanOrEqual(expected - 1e-6);
          }
        },
      ),
      { numRuns: 40, seed: 37 },
    );
  });
});

describe('the caller’s matrix', () => {
  it('is shared where it can be and never written, with or without a travel limit', async () => {
    const cost = Float64Array.from([0, 4, 9, 3, 0, 5, 8, 6, 0]);
    const copy = Float64Array.from(cost);
    const problem = { demandCount: 3, siteCount: 3, cost, weights: [1, 1, 1] };
    expect(prepareProblem(problem, { model: 'p-median', p: 1 }).dist).toBe(cost);
    const result = await optimiseLocation(
      problem,
      { model: 'p-median', p: 2, maxTravel: 5 },
      { method: 'heuristic' },
    );
    expect(result.objective).not.toBeNull();
    expect(Array.from(cost)).toEqual(Array.from(copy));
  });
});

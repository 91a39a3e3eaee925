import fc from 'fast-check';
import type { LocationModel, SiteStatus } from '../../model/index.js';
import { prepareProblem } from './prepare.js';
import { seededRandom } from './random.js';
import type { LocationProblem } from './types.js';

/** Small random instances for brute-force comparisons: points on a grid, Manhattan costs. */
export interface SmallCase {
  problem: LocationProblem;
  p: number;
  radius: number;
}

export const smallCase = (options: { maxDemand?: number; maxSites?: number; statuses?: boolean } = {}) =>
  fc
    .record({
      demand: fc.array(
        fc.record({ x: fc.integer({ min: 0, max: 20 }), y: fc.integer({ min: 0, max: 20 }) }),
        {
          minLength: 1,
          maxLength: options.maxDemand ?? 8,
        },
      ),
      sites: fc.array(
        fc.record({
          x: fc.integer({ min: 0, max: 20 }),
          y: fc.integer({ min: 0, max: 20 }),
          status: options.statuses
            ? fc.constantFrom<SiteStatus>('candidate', 'candidate', 'existing', 'fixed')
            : fc.constant<SiteStatus>('candidate'),
          // Half-unit capacities: integral demand must still fill them exactly up to their integer part.
          capacity: fc.integer({ min: 6, max: 50 }).map((c) => c / 2),
        }),
        { minLength: 2, maxLength: options.maxSites ?? 7 },
      ),
      weights: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 8, maxLength: 8 }),
      pShare: fc.double({ min: 0, max: 1, noNaN: true }),
      radius: fc.integer({ min: 2, max: 15 }),
    })
    .map(({ demand, sites, weights, pShare, radius }): SmallCase => {
      const n = demand.length;
      const m = sites.length;
      const cost = new Float64Array(n * m);
      demand.forEach((d, i) => {
        sites.forEach((s, j) => {
          cost[i * m + j] = Math.abs(d.x - s.x) + Math.abs(d.y - s.y);
        });
      });
      const fixedCount = sites.filter((s) => s.status === 'fixed').length;
      const p = Math.max(1, fixedCount, Math.min(m, Math.round(1 + pShare * (m - 1))));
      return {
        problem: {
          demandCount: n,
          siteCount: m,
          cost,
          weights: demand.map((_, i) => weights[i] ?? 1),
          demands: demand.map((_, i) => 1 + ((weights[i] ?? 1) % 4)),
          siteStatus: sites.map((s) => s.status),
          capacities: sites.map((s) => s.capacity),
        },
        p,
        radius,
      };
    });

/** The objective recomputed straight from the matrix, independently of the engines' own evaluation. */
export const recompute = (
  problem: LocationProblem,
  model: LocationModel,
  { open, assignment, radius }: { open: number[]; assignment: number[]; radius: number },
): number => {
  const { demandCount: n, siteCount: m, cost, weights } = problem;
  const nearest = (i: number) => Math.min(...open.map((j) => cost[i * m + j] as number));
  let value = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (model === 'p-median') value += w * nearest(i);
    else if (model === 'capacitated-p-median')
      value += w * (cost[i * m + (assignment[i] as number)] as number);
    else if (model === 'max-covering') value += nearest(i) <= radius ? w : 0;
    else if (model === 'p-center' && w > 0) value = Math.max(value, nearest(i));
  }
  return model === 'set-covering' ? open.length : value;
};

/**
 * n points uniform in a 100 × 100 square, integer demands 1–20, and the capacity of each of p equal
 * sites holding the total demand at `ratio` of their sum; distances Euclidean (not rounded). The random
 * instances of the capacitated tests and of its benchmark.
 */
export const euclideanPoints = (n: number, p: number, seed: number, ratio = 0.9) => {
  const random = seededRandom(seed);
  const x = Float64Array.from({ length: n }, () => random.next() * 100);
  const y = Float64Array.from({ length: n }, () => random.next() * 100);
  const demands = Float64Array.from({ length: n }, () => 1 + random.int(20));
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      dist[i * n + j] = Math.hypot((x[i] as number) - (x[j] as number), (y[i] as number) - (y[j] as number));
  const capacity = Math.ceil(demands.reduce((a, b) => a + b, 0) / (p * ratio));
  return { dist, demands, capacity };
};

/** `euclideanPoints` at 90 %, prepared for the capacitated p-median with every point a site. */
export const euclideanCapacitated = (n: number, p: number, seed: number) => {
  const { dist, demands, capacity } = euclideanPoints(n, p, seed);
  return prepareProblem(
    {
      demandCount: n,
      siteCount: n,
      cost: dist,
      weights: new Float64Array(n).fill(1),
      demands,
      capacities: new Float64Array(n).fill(capacity),
    },
    { model: 'capacitated-p-median', p },
  );
};

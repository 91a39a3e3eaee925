import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OptimiseResult } from '../../model/index.js';
import { capacityShortfall, testFeasibility } from './capacitated-feasibility.js';
import { enumerateSolutions } from './enumerate.js';
import { optimiseLocation } from './index.js';
import { smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';
import { seededRandom } from './random.js';
import type { LocationProblem } from './types.js';

/**
 * A tight instance with a planted solution: p equal capacities, demand packed into p groups that each
 * fill exactly `fill` of a capacity, so the total demand is that share of the p sites' capacity and a
 * feasible assignment exists by construction. Points lie at random in a square, unrelated to the groups.
 */
const plantedTight = (n: number, p: number, seed: number, fill = 0.98) => {
  const random = seededRandom(seed);
  const capacity = 1000;
  const target = Math.round(fill * capacity);
  const perGroup = Math.floor(n / p);
  const demands: number[] = [];
  for (let g = 0; g < p; g++) {
    const count = g < p - 1 ? perGroup : n - perGroup * (p - 1);
    // Integer parts summing to `target`: random cut points of [0, target].
    const cuts = Array.from({ length: count - 1 }, () => 1 + random.int(target - 1)).sort((a, b) => a - b);
    let previous = 0;
    for (const cut of [...cuts, target]) {
      demands.push(Math.max(1, cut - previous));
      previous = cut;
    }
  }
  // Zero-width parts became 1: take the excess back from the largest part of the last group.
  const excess = demands.reduce((a, b) => a + b, 0) - p * target;
  const largest = demands.indexOf(Math.max(...demands));
  demands[largest] = (demands[largest] as number) - excess;
  const x = Array.from({ length: n }, () => random.next() * 100);
  const y = Array.from({ length: n }, () => random.next() * 100);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      cost[i * n + j] = Math.round(
        Math.hypot((x[i] as number) - (x[j] as number), (y[i] as number) - (y[j] as number)),
      );
  const problem: LocationProblem = {
    demandCount: n,
    siteCount: n,
    cost,
    weights: new Float64Array(n).fill(1),
    demands: Float64Array.from(demands),
    capacities: new Float64Array(n).fill(capacity),
  };
  return { problem, p };
};

/** The result is a solution: p distinct sites, every demand at an open site, no site over capacity. */
const expectSolution = (problem: LocationProblem, p: number, result: OptimiseResult) => {
  expect(['optimal', 'feasible']).toContain(result.status);
  expect(new Set(result.open).size).toBe(p);
  const load = new Map<number, number>();
  let total = 0;
  result.assignment.forEach((j, i) => {
    expect(result.open).toContain(j);
    load.set(j, (load.get(j) ?? 0) + (problem.demands?.[i] as number));
    total += (problem.weights[i] as number) * (problem.cost[i * problem.siteCount + j] as number);
  });
  for (const [j, l] of load) expect(l).toBeLessThanOrEqual((problem.capacities?.[j] as number) + 1e-9);
  expect(result.objective).toBeCloseTo(total, 6);
};

const expectNoSolution = (result: OptimiseResult, status: 'infeasible' | 'unknown') => {
  expect(result.status).toBe(status);
  expect(result.objective).toBeNull();
  expect(result.gap).toBeNull();
  expect(result.bound).toBeNull();
  expect(result.open).toEqual([]);
  expect(result.assignment.every((j) => j === -1)).toBe(true);
};

describe('capacitated feasibility', () => {
  it('the exact test agrees with enumeration on small instances', async () => {
    await fc.assert(
      fc.asyncProperty(smallCase({ maxDemand: 7, maxSites: 6, statuses: true }), async (c) => {
        const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
        const enumerated = enumerateSolutions(prepared, 'capacitated-p-median');
        const test = await testFeasibility(prepared, { timeLimitSeconds: 20 });
        expect(test.status).toBe(enumerated?.feasible ? 'feasible' : 'infeasible');
        if (test.status === 'feasible') {
          const load = new Float64Array(prepared.m);
          test.assignment.forEach((k, i) => {
            expect(Array.from(test.sites)).toContain(k);
            load[k] = (load[k] as number) + (prepared.demands[i] as number);
          });
          for (const [k, l] of load.entries())
            expect(l).toBeLessThanOrEqual((prepared.capacities[k] as number) + 1e-9);
        }
      }),
      { numRuns: 40, seed: 8 },
    );
  });

  it('proves infeasibility by the totals, and by packing where the totals allow it', async () => {
    const cost = new Float64Array(9).fill(1);
    const problem = (capacity: number): LocationProblem => ({
      demandCount: 3,
      siteCount: 3,
      cost,
      weights: [1, 1, 1],
      demands: [6, 6, 6],
      capacities: [capacity, capacity, capacity],
    });
    const spec = { model: 'capacitated-p-median', p: 2 } as const;
    // 18 of demand, 16 of capacity in any two sites.
    expect(capacityShortfall(prepareProblem(problem(8), spec))).toBe(true);
    // 18 of demand, 20 of capacity, but no two of the sixes share a site.
    expect(capacityShortfall(prepareProblem(problem(10), spec))).toBe(false);
    for (const method of ['heuristic', 'exact'] as const) {
      expectNoSolution(await optimiseLocation(problem(8), spec, { method }), 'infeasible');
      expectNoSolution(await optimiseLocation(problem(10), spec, { method }), 'infeasible');
    }
    // With 12 each, two sites hold all three.
    expectSolution(problem(12), 2, await optimiseLocation(problem(12), spec, { method: 'heuristic' }));
  });

  it('finds a solution on tight feasible instances (demand 98 % of capacity, 100–200 points)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 200 }),
        fc.integer({ min: 5, max: 15 }),
        fc.nat(1000),
        async (n, p, seed) => {
          const { problem } = plantedTight(n, p, seed);
          const result = await optimiseLocation(
            problem,
            { model: 'capacitated-p-median', p },
            { method: 'heuristic', maxIdleIterations: 1, timeLimitSeconds: 20, seed },
          );
          expectSolution(problem, p, result);
        },
      ),
      { numRuns: 2, seed: 16 },
    );
  });

  it('keeps a feasible solution where the searches start from random medians and recombine', async () => {
    // 10 ms per demand or more: the searches start apart, from medians drawn at random, which on a tight
    // instance leave no room for every demand at first.
    for (const [n, p, seed] of [
      [100, 10, 1],
      [120, 12, 2],
    ] as const) {
      const { problem } = plantedTight(n, p, seed);
      for (const threads of [1, 2]) {
        const result = await optimiseLocation(
          problem,
          { model: 'capacitated-p-median', p },
          { method: 'heuristic', timeLimitSeconds: 2, seed, threads },
        );
        expectSolution(problem, p, result);
      }
    }
  });

  it('stops with its best solution so far, or an honest "unknown", when given a tiny budget', async () => {
    const { problem, p } = plantedTight(300, 20, 3, 0.9);
    const result = await optimiseLocation(
      problem,
      { model: 'capacitated-p-median', p },
      { method: 'heuristic', timeLimitSeconds: 0.001 },
    );
    expect(result.timedOut).toBe(true);
    if (result.objective === null) expectNoSolution(result, 'unknown');
    else expectSolution(problem, p, result);
  });
});

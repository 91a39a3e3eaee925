import { describe, expect, it } from 'vitest';
import { solveCapacitated } from './capacitated.js';
import { ClusterPool } from './capacitated-clusters.js';
import { euclideanCapacitated } from './instances.fixture.js';
import { seededRandom } from './random.js';
import { makeBudget } from './types.js';

describe('cluster pool', () => {
  const problem = euclideanCapacitated(12, 3, 5);
  const { dist, m } = problem;
  const costOf = (site: number, members: number[]) =>
    members.reduce((sum, i) => sum + (dist[i * m + site] as number), 0);
  const a = { sites: Int32Array.of(0, 4, 8), assignment: Int32Array.of(0, 0, 0, 0, 4, 4, 4, 4, 8, 8, 8, 8) };
  const b = { sites: Int32Array.of(0, 5, 9), assignment: Int32Array.of(0, 0, 0, 0, 5, 5, 5, 9, 9, 9, 9, 9) };

  it('keeps each distinct cluster once, at its cost, with the best value it was met in', () => {
    const pool = new ClusterPool(problem, dist);
    pool.add(a.sites, a.assignment, 300);
    pool.add(b.sites, b.assignment, 200);
    pool.add(a.sites, a.assignment, 250);
    // Site 0 serves 0–3 in both solutions: one cluster.
    expect(pool.size).toBe(5);
    const shared = pool.clusters().find((c) => c.site === 0);
    expect(Array.from(shared?.members ?? [])).toEqual([0, 1, 2, 3]);
    expect(shared?.seen).toBe(200);
    expect(shared?.cost).toBeCloseTo(costOf(0, [0, 1, 2, 3]), 9);
    const four = pool.clusters().find((c) => c.site === 4);
    expect(four?.seen).toBe(250);
    // The best three: site 0's and b's others (met at 200) before a's (250).
    expect(
      pool
        .best(3)
        .map((c) => c.site)
        .sort(),
    ).toEqual([0, 5, 9]);
  });

  it('takes in another pool’s clusters, and beyond its limit keeps those met in the best solutions', () => {
    const pool = new ClusterPool(problem, dist, 4);
    const other = new ClusterPool(problem, dist);
    other.add(b.sites, b.assignment, 200);
    pool.add(a.sites, a.assignment, 300);
    pool.merge(other.clusters());
    // Five distinct clusters went over the limit of four: three (three quarters of it) are kept, b's.
    expect(pool.size).toBe(3);
    expect(pool.clusters().every((c) => c.seen === 200)).toBe(true);
  });

  it('gathers from a search only clusters that fit their site and cost what they say', () => {
    const prepared = euclideanCapacitated(80, 8, 3);
    const pool = new ClusterPool(prepared, prepared.dist);
    const solution = solveCapacitated(
      prepared,
      Int32Array.from({ length: 8 }, (_, k) => k * 10),
      {
        random: seededRandom(4),
        budget: makeBudget({ timeLimitMs: 60_000 }),
        maxIdleIterations: 60,
        pool,
      },
    );
    expect(pool.size).toBeGreaterThan(prepared.p);
    for (const c of pool.clusters()) {
      const load = Array.from(c.members).reduce((sum, i) => sum + (prepared.demands[i] as number), 0);
      expect(load).toBeLessThanOrEqual((prepared.capacities[c.site] as number) + 1e-9);
      const cost = Array.from(c.members).reduce(
        (sum, i) => sum + (prepared.dist[i * prepared.m + c.site] as number),
        0,
      );
      expect(c.cost).toBeCloseTo(cost, 6);
      // No cluster was met in a solution better than the search's best.
      expect(c.seen).toBeGreaterThanOrEqual(solution.objective - 1e-6);
    }
  });
});

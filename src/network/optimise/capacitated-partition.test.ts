import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SiteStatus } from '../../model/index.js';
import { type Cluster, ClusterPool } from './capacitated-clusters.js';
import { partitionClusters } from './capacitated-partition.js';
import { evaluate } from './evaluate.js';
import { euclideanPoints } from './instances.fixture.js';
import { loadSolver } from './milp.js';
import { prepareProblem } from './prepare.js';

/** Points on a line, every point a site of capacity 2, unit demand: the costs are plain distances. */
const onLine = (xs: number[], p: number) => {
  const n = xs.length;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) cost[i * n + k] = Math.abs((xs[i] as number) - (xs[k] as number));
  return prepareProblem(
    {
      demandCount: n,
      siteCount: n,
      cost,
      weights: new Float64Array(n).fill(1),
      capacities: new Float64Array(n).fill(2),
    },
    { model: 'capacitated-p-median', p },
  );
};

/** The cheapest p clusters that serve every demand once, each site once, by trying every choice. */
const bruteForce = (clusters: Cluster[], n: number, p: number): number => {
  let best = Number.POSITIVE_INFINITY;
  const served = new Uint8Array(n);
  const sites = new Set<number>();
  const choose = (from: number, left: number, cost: number) => {
    if (left === 0) {
      if (served.every((s) => s === 1)) best = Math.min(best, cost);
      return;
    }
    for (let j = from; j < clusters.length; j++) {
      const c = clusters[j] as Cluster;
      if (sites.has(c.site) || c.members.some((i) => served[i] === 1)) continue;
      sites.add(c.site);
      for (const i of c.members) served[i] = 1;
      choose(j + 1, left - 1, cost + c.cost);
      sites.delete(c.site);
      for (const i of c.members) served[i] = 0;
    }
  };
  choose(0, p, 0);
  return best;
};

describe('recombining clusters by set partitioning', () => {
  // Two groups of four points far apart. One solution pairs the left group well and the right one badly,
  // the other the reverse; each costs 6, their good halves together 4.
  const problem = onLine([0, 1, 2, 3, 100, 101, 102, 103], 4);
  const leftGoodRightBad = {
    sites: Int32Array.of(0, 2, 4, 5),
    assignment: Int32Array.of(0, 0, 2, 2, 4, 5, 5, 4),
  };
  const leftBadRightGood = {
    sites: Int32Array.of(0, 1, 4, 6),
    assignment: Int32Array.of(0, 1, 1, 0, 4, 4, 6, 6),
  };

  /** The pool of `solutions` (each of value 6) partitioned from `incumbent`, one of them. */
  const recombine = async (
    on: typeof problem,
    solutions: (typeof leftGoodRightBad)[],
    incumbent: typeof leftGoodRightBad,
  ) => {
    const pool = new ClusterPool(on, on.dist);
    for (const s of solutions) pool.add(s.sites, s.assignment, 6);
    const found = partitionClusters(
      await loadSolver(),
      on,
      pool.clusters(),
      { ...incumbent, value: 6 },
      { timeLimitSeconds: 30 },
    );
    return { pool, found };
  };

  it('combines the good halves of two solutions, each no better than the other', async () => {
    const { pool, found } = await recombine(problem, [leftGoodRightBad, leftBadRightGood], leftGoodRightBad);
    expect(pool.size).toBe(8);
    expect(found?.value).toBe(4);
    expect(Array.from(found?.sites ?? []).sort()).toEqual([0, 2, 4, 6]);
    expect(Array.from(found?.assignment ?? [])).toEqual([0, 0, 2, 2, 4, 4, 6, 6]);
  });

  it('finds nothing when no partition of the pool beats the incumbent', async () => {
    const { found } = await recombine(problem, [leftGoodRightBad], leftGoodRightBad);
    expect(found).toBeNull();
  });

  it('keeps a fixed site open: no partition leaves it out, however cheap', async () => {
    const statuses = Array.from({ length: 8 }, (_, k): SiteStatus => (k === 1 ? 'fixed' : 'candidate'));
    const fixed = prepareProblem(
      {
        demandCount: 8,
        siteCount: 8,
        cost: problem.dist,
        weights: new Float64Array(8).fill(1),
        capacities: new Float64Array(8).fill(2),
        siteStatus: statuses,
      },
      { model: 'capacitated-p-median', p: 4 },
    );
    // The good halves together (4) would close site 1; with it open, the incumbent is the best there is.
    const { found } = await recombine(fixed, [leftGoodRightBad, leftBadRightGood], leftBadRightGood);
    expect(found).toBeNull();
  });

  it('returns the cheapest partition of the pool, feasible at the cost it states, or none better', async () => {
    const highs = await loadSolver();
    // Random instances whose demands fall in two halves, each solution a random partition of each half
    // around sites of its own: pools whose clusters combine half by half, small enough to try every choice.
    const half = (from: number, to: number, parts: number) =>
      fc.record({
        sites: fc.uniqueArray(fc.integer({ min: from, max: to - 1 }), { minLength: parts, maxLength: parts }),
        part: fc.array(fc.integer({ min: 0, max: parts - 1 }), {
          minLength: to - from,
          maxLength: to - from,
        }),
      });
    const instance = fc
      .record({
        n: fc.integer({ min: 6, max: 10 }),
        left: fc.integer({ min: 1, max: 2 }),
        right: fc.integer({ min: 1, max: 2 }),
        seed: fc.nat(),
      })
      .chain(({ n, left, right, seed }) => {
        const h = Math.floor(n / 2);
        const solution = fc
          .tuple(half(0, h, left), half(h, n, right))
          .map(([l, r]) => [
            ...l.part.map((c) => l.sites[c] as number),
            ...r.part.map((c) => r.sites[c] as number),
          ]);
        return fc.record({
          n: fc.constant(n),
          p: fc.constant(left + right),
          seed: fc.constant(seed),
          assignments: fc.array(solution, { minLength: 1, maxLength: 5 }),
        });
      });
    await fc.assert(
      fc.asyncProperty(instance, async ({ n, p, seed, assignments }) => {
        const { dist } = euclideanPoints(n, p, seed);
        const prepared = prepareProblem(
          {
            demandCount: n,
            siteCount: n,
            cost: dist,
            weights: new Float64Array(n).fill(1),
            capacities: new Float64Array(n).fill(n),
          },
          { model: 'capacitated-p-median', p },
        );
        const pool = new ClusterPool(prepared, prepared.dist);
        const solutions = assignments.map((sites) => {
          const assignment = Int32Array.from(sites);
          const open = Int32Array.from(new Set(assignment));
          const { objective } = evaluate(prepared, 'capacitated-p-median', open, { assignment });
          return { sites: open, assignment, value: objective };
        });
        // A partition that leaves a cluster empty opens fewer than p sites: it adds clusters but is no incumbent.
        for (const s of solutions) pool.add(s.sites, s.assignment, s.value);
        const candidates = solutions.filter((s) => s.sites.length === p);
        fc.pre(candidates.length > 0);
        const incumbent = candidates.reduce((a, b) => (b.value < a.value ? b : a));
        const clusters = pool.clusters();
        const best = bruteForce(clusters, n, p);
        const found = partitionClusters(highs, prepared, clusters, incumbent, { timeLimitSeconds: 60 });
        if (best < incumbent.value - 1e-6) {
          expect(found?.value).toBeCloseTo(best, 6);
          const check = evaluate(prepared, 'capacitated-p-median', found?.sites ?? [], {
            assignment: found?.assignment,
          });
          expect(check.feasible).toBe(true);
          expect(check.objective).toBeCloseTo(found?.value ?? Number.NaN, 6);
          expect(found?.sites).toHaveLength(p);
        } else {
          expect(found).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });
});

import {
  medianInstance,
  type RowBase,
  uncoveredCount,
  uncoveredWeight,
  weightedDistance,
} from './median-instance.js';
import type { Random } from './random.js';
import { type Budget, outOfBudget, type PreparedProblem } from './types.js';
import { searchMedian } from './vns.js';

export interface EngineSolution {
  sites: Int32Array;
  /** Best proven bound in the model's own objective, when the engine has one. */
  bound: number | null;
  iterations: number;
  /** False when the engine could not satisfy the model's hard rules (cover all, capacities). */
  feasible: boolean;
}

interface Search {
  random: Random;
  budget: Budget;
  maxIdleIterations: number;
  patient?: boolean;
}

/** The search's options with the covering radius. */
type CoverSearch = Search & { radius: number };

/**
 * Maximal covering is p-median with cost "weight if beyond the radius, else 0": minimising uncovered
 * weight is maximising covered weight, so the same interchange and VNS apply.
 */
export const solveMaxCovering = (
  problem: PreparedProblem,
  base: RowBase,
  { radius, ...search }: CoverSearch,
): EngineSolution => {
  const instance = medianInstance(problem, base, { p: problem.p, pairCost: uncoveredWeight(radius) });
  const result = searchMedian(instance, { ...search, bound: true, integral: false });
  let total = 0;
  for (const r of base.rows) total += problem.weights[r] as number;
  return {
    sites: result.sites,
    bound: result.bound === null ? null : total - result.bound,
    iterations: result.iterations,
    feasible: true,
  };
};

/** Can `p` sites reach every positive-weight demand within the radius? Heuristic, so "no" is unproven. */
const coverWithP = (
  problem: PreparedProblem,
  base: RowBase,
  { radius, p, ...search }: CoverSearch & { p: number },
): Int32Array | null => {
  const instance = medianInstance(problem, base, { p, pairCost: uncoveredCount(radius) });
  const result = searchMedian(instance, { ...search, bound: false, integral: true, target: 0 });
  return result.objective === 0 ? result.sites : null;
};

/** Sites within the radius of each positive-weight row, or null for a row no site reaches. */
const coverLists = (problem: PreparedProblem, base: RowBase, radius: number): (Int32Array | null)[] => {
  const { m, dist } = problem;
  return Array.from(base.rows, (i) => {
    const list: number[] = [];
    for (let k = 0; k < m; k++) if ((dist[i * m + k] as number) <= radius) list.push(k);
    return list.length > 0 ? Int32Array.from(list) : null;
  });
};

/**
 * Set covering: greedy (site covering most uncovered demand), then drop redundant sites, then try to do
 * with one site fewer by searching a maximal cover with p − 1 sites until that fails.
 */
export const solveSetCovering = (
  problem: PreparedProblem,
  base: RowBase,
  { radius, ...search }: CoverSearch,
): EngineSolution => {
  const { m, fixed } = problem;
  const lists = coverLists(problem, base, radius);
  const rowsOf: number[][] = Array.from({ length: m }, () => []);
  lists.forEach((list, r) => {
    if (list) for (const k of list) rowsOf[k]?.push(r);
  });
  const coveredBy = new Int32Array(lists.length);
  const open = new Uint8Array(m);
  const chosen: number[] = [];
  const openSite = (k: number) => {
    open[k] = 1;
    chosen.push(k);
    for (const r of rowsOf[k] ?? []) coveredBy[r] = (coveredBy[r] as number) + 1;
  };
  for (let k = 0; k < m; k++) if (fixed[k] === 1) openSite(k);
  let uncovered = 0;
  for (let r = 0; r < lists.length; r++) if (lists[r] && coveredBy[r] === 0) uncovered++;
  while (uncovered > 0) {
    let best = -1;
    let bestCount = 0;
    for (let k = 0; k < m; k++) {
      if (open[k] === 1) continue;
      let count = 0;
      for (const r of rowsOf[k] ?? []) if (coveredBy[r] === 0) count++;
      if (count > bestCount) {
        bestCount = count;
        best = k;
      }
    }
    if (best < 0) break;
    openSite(best);
    uncovered -= bestCount;
  }
  // Nothing to cover still leaves a network of one site.
  if (chosen.length === 0) openSite(0);
  for (let t = chosen.length - 1; t >= 0; t--) {
    const k = chosen[t] as number;
    if (fixed[k] === 1 || chosen.length === 1) continue;
    if ((rowsOf[k] ?? []).every((r) => (coveredBy[r] as number) > 1)) {
      for (const r of rowsOf[k] ?? []) coveredBy[r] = (coveredBy[r] as number) - 1;
      open[k] = 0;
      chosen.splice(t, 1);
    }
  }
  const feasible = lists.every((list) => list !== null);
  let sites = Int32Array.from(chosen).sort();
  let iterations = 0;
  if (feasible) {
    for (let p = sites.length - 1; p >= Math.max(1, problem.fixedCount); p--) {
      if (outOfBudget(search.budget)) break;
      iterations++;
      const fewer = coverWithP(problem, base, {
        ...search,
        radius,
        p,
        maxIdleIterations: Math.min(search.maxIdleIterations, 200),
      });
      if (!fewer) break;
      sites = Int32Array.from(fewer).sort();
    }
  }
  return { sites, bound: Math.max(1, problem.fixedCount), iterations, feasible };
};

/**
 * p-center: binary search over the distinct distances for the smallest radius that p sites cover,
 * starting between the trivial lower bound (the farthest demand's nearest site) and the longest travel
 * of a p-median solution.
 */
export const solvePCenter = (problem: PreparedProblem, base: RowBase, search: Search): EngineSolution => {
  const { m, dist, p } = problem;
  const { rows } = base;
  let lower = 0;
  for (const i of rows) {
    let nearest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < m; k++) nearest = Math.min(nearest, dist[i * m + k] as number);
    lower = Math.max(lower, nearest);
  }
  const start = searchMedian(medianInstance(problem, base, { p, pairCost: weightedDistance }), {
    ...search,
    maxIdleIterations: Math.min(search.maxIdleIterations, 50),
    bound: false,
    integral: false,
  });
  let bestSites = start.sites;
  const longest = (sites: ArrayLike<number>) => {
    let worst = 0;
    for (const i of rows) {
      let nearest = Number.POSITIVE_INFINITY;
      for (let t = 0; t < sites.length; t++)
        nearest = Math.min(nearest, dist[i * m + (sites[t] as number)] as number);
      worst = Math.max(worst, nearest);
    }
    return worst;
  };
  let upper = longest(bestSites);
  const values: number[] = [];
  for (const i of rows) {
    for (let k = 0; k < m; k++) {
      const d = dist[i * m + k] as number;
      if (d >= lower && d < upper) values.push(d);
    }
  }
  const radii = Float64Array.from(new Set(values)).sort();
  let lo = 0;
  let hi = radii.length; // radii[hi] would be `upper`, already achieved
  let iterations = 0;
  while (lo < hi && !outOfBudget(search.budget)) {
    iterations++;
    const mid = (lo + hi) >> 1;
    const sites = coverWithP(problem, base, { ...search, radius: radii[mid] as number, p });
    if (sites) {
      bestSites = sites;
      upper = longest(sites);
      let at = mid;
      while (at > lo && (radii[at] as number) > upper) at--;
      hi = at;
    } else {
      lo = mid + 1;
    }
  }
  return { sites: Int32Array.from(bestSites).sort(), bound: lower, iterations, feasible: true };
};

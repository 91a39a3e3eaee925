import type { LocationModel } from '../../model/index.js';
import { evaluate } from './evaluate.js';
import type { PreparedProblem } from './types.js';

export interface EnumeratedSolution {
  sites: Int32Array;
  assignment: Int32Array;
  objective: number;
  feasible: boolean;
}

/** Number of site sets enumeration would visit (capped), to decide whether it is affordable. */
export const subsetCount = (m: number, r: number, cap = Number.MAX_SAFE_INTEGER): number => {
  let c = 1;
  for (let t = 0; t < r; t++) {
    c = (c * (m - t)) / (t + 1);
    if (c > cap) return cap;
  }
  return Math.round(c);
};

/** Calls `visit` with every set of `size` sites that contains all fixed ones. */
const forEachSubset = (problem: PreparedProblem, size: number, visit: (sites: Int32Array) => void) => {
  const fixedSites: number[] = [];
  const free: number[] = [];
  for (let k = 0; k < problem.m; k++) (problem.fixed[k] === 1 ? fixedSites : free).push(k);
  const r = size - fixedSites.length;
  if (r < 0 || r > free.length) return;
  const sites = new Int32Array(size);
  const pick = new Int32Array(r);
  for (let t = 0; t < r; t++) pick[t] = t;
  for (;;) {
    let at = 0;
    for (const k of fixedSites) sites[at++] = k;
    for (let t = 0; t < r; t++) sites[at++] = free[pick[t] as number] as number;
    visit(Int32Array.from(sites).sort());
    let t = r - 1;
    while (t >= 0 && pick[t] === free.length - r + t) t--;
    if (t < 0) return;
    pick[t] = (pick[t] as number) + 1;
    for (let u = t + 1; u < r; u++) pick[u] = (pick[u - 1] as number) + 1;
  }
};

/** Cheapest single-source assignment within capacities, by depth-first search with a running bound. */
const bestAssignment = (
  problem: PreparedProblem,
  sites: Int32Array,
): { cost: number; assignment: Int32Array } => {
  const { n, m, dist, weights, demands, capacities } = problem;
  const load = new Float64Array(m);
  const current = new Int32Array(n);
  const best = new Int32Array(n).fill(-1);
  let bestCost = Number.POSITIVE_INFINITY;
  const go = (i: number, cost: number) => {
    if (cost >= bestCost) return;
    if (i === n) {
      bestCost = cost;
      best.set(current);
      return;
    }
    for (const k of sites) {
      const q = demands[i] as number;
      if ((load[k] as number) + q > (capacities[k] as number) + 1e-9) continue;
      load[k] = (load[k] as number) + q;
      current[i] = k;
      go(i + 1, cost + (weights[i] as number) * (dist[i * m + k] as number));
      load[k] = (load[k] as number) - q;
    }
  };
  go(0, 0);
  return { cost: bestCost, assignment: best };
};

/**
 * Exhaustive search over every admissible site set: the reference the other engines are tested against,
 * and the exact method for tiny instances.
 */
export const enumerateSolutions = (
  problem: PreparedProblem,
  model: LocationModel,
  radius = 0,
): EnumeratedSolution | null => {
  let best: EnumeratedSolution | null = null;
  const better = (objective: number) =>
    best === null || (model === 'max-covering' ? objective > best.objective : objective < best.objective);
  if (model === 'set-covering') {
    for (let size = Math.max(1, problem.fixedCount); size <= problem.p && best === null; size++) {
      forEachSubset(problem, size, (sites) => {
        const e = evaluate(problem, model, sites, { radius });
        if (e.feasible && best === null)
          best = { sites, assignment: e.assignment, objective: e.objective, feasible: true };
      });
    }
    return best;
  }
  forEachSubset(problem, problem.p, (sites) => {
    if (model === 'capacitated-p-median') {
      const { cost, assignment } = bestAssignment(problem, sites);
      if (cost < Number.POSITIVE_INFINITY && better(cost))
        best = { sites, assignment, objective: cost, feasible: true };
      return;
    }
    const e = evaluate(problem, model, sites, { radius });
    if (better(e.objective))
      best = { sites, assignment: e.assignment, objective: e.objective, feasible: e.feasible };
  });
  return best;
};

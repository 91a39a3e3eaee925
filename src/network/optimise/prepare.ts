import { type LocationSpec, SoteatlasError } from '../../model/index.js';
import type { LocationProblem, PreparedProblem } from './types.js';

/** A location problem that cannot be solved as posed is a request to change, not a defect. */
const refuse = (message: string): never => {
  throw new SoteatlasError('invalidRequest', message);
};

/**
 * Validates the problem and reduces it to eligible sites. In consolidation (closeCount given) only fixed
 * and existing sites are eligible and p = their number − closeCount; otherwise every site is eligible.
 */
export const prepareProblem = (problem: LocationProblem, spec: LocationSpec): PreparedProblem => {
  const n = problem.demandCount;
  const total = problem.siteCount;
  if (!Number.isInteger(n) || !Number.isInteger(total) || n < 0 || total < 1) {
    refuse('demandCount and siteCount must be non-negative integers, siteCount ≥ 1');
  }
  if (problem.cost.length !== n * total) {
    refuse(`cost has ${problem.cost.length} entries, expected ${n} × ${total}`);
  }
  if (problem.weights.length !== n) refuse('weights must have one entry per demand');
  if (problem.demands && problem.demands.length !== n) {
    refuse('demands must have one entry per demand');
  }
  if (problem.siteStatus && problem.siteStatus.length !== total) {
    refuse('siteStatus must have one entry per site');
  }
  if (problem.capacities && problem.capacities.length !== total) {
    refuse('capacities must have one entry per site');
  }
  const status = (j: number) => problem.siteStatus?.[j] ?? 'candidate';
  const consolidate = spec.closeCount !== undefined;
  const chosen: number[] = [];
  for (let j = 0; j < total; j++) if (!consolidate || status(j) !== 'candidate') chosen.push(j);
  const m = chosen.length;
  if (m === 0) refuse('no eligible sites');
  const sites = Int32Array.from(chosen);
  const fixed = new Uint8Array(m);
  let fixedCount = 0;
  for (let k = 0; k < m; k++) {
    if (status(sites[k] as number) === 'fixed') {
      fixed[k] = 1;
      fixedCount++;
    }
  }
  let p: number;
  if (consolidate) {
    p = m - (spec.closeCount ?? 0);
    if (p < fixedCount) refuse('cannot close that many sites: too few are not fixed');
  } else if (spec.model === 'set-covering') {
    p = m;
  } else {
    p = spec.p ?? 0;
    if (p < 1) refuse('p must be at least 1');
    if (p > m) refuse(`p = ${p} exceeds the ${m} eligible sites`);
    if (p < fixedCount) refuse(`p = ${p} is less than the ${fixedCount} fixed sites`);
  }

  const weights = new Float64Array(n);
  const demands = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = Number(problem.weights[i]);
    const q = problem.demands ? Number(problem.demands[i]) : w;
    if (!(w >= 0) || !(q >= 0) || !Number.isFinite(w) || !Number.isFinite(q)) {
      refuse('weights and demands must be finite and non-negative');
    }
    weights[i] = w;
    demands[i] = q;
  }
  const capacities = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    capacities[k] = problem.capacities
      ? Number(problem.capacities[sites[k] as number])
      : Number.POSITIVE_INFINITY;
  }

  const { dist, maxFinite, integral, unreachableMarks } = copyMatrix(problem, sites, weights);
  // Larger than any total of reachable travel, so reaching one more demand always wins.
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i] as number;
  const unreachable = Math.max(1, maxFinite) * Math.max(1, weightSum) * 4 + 1;
  for (const at of unreachableMarks) dist[at] = unreachable;
  // Demand no eligible site reaches is the same for every solution; outside the capacitated model (where
  // it makes the problem infeasible) it is left out so that it does not distort objectives and bounds.
  if (unreachableMarks.length > 0 && spec.model !== 'capacitated-p-median') {
    for (let i = 0; i < n; i++) {
      let reachable = false;
      for (let k = 0; k < m && !reachable; k++) reachable = (dist[i * m + k] as number) < unreachable;
      if (!reachable) weights[i] = 0;
    }
  }
  return { n, m, sites, dist, weights, demands, capacities, fixed, fixedCount, p, unreachable, integral };
};

/**
 * The matrix over eligible sites, checked: costs non-negative, non-finite ones marked unreachable. At
 * county scale this is tens of millions of cells and counts against the caller's time limit, so the
 * common case (every site eligible, every cost finite, a Float64Array) shares the caller's matrix, which
 * the engines only read; otherwise it is copied. The integrality test stops at the first fractional cell.
 */
const copyMatrix = (problem: LocationProblem, sites: Int32Array, weights: Float64Array) => {
  const n = problem.demandCount;
  const total = problem.siteCount;
  const m = sites.length;
  const { cost } = problem;
  let maxFinite = 0;
  let negative = false;
  let unreachableCount = 0;
  for (let j = 0; j < n * total; j++) {
    const d = cost[j] as number;
    // NaN fails both tests and so counts as unreachable, as Infinity does.
    if (d < Number.POSITIVE_INFINITY) {
      if (d > maxFinite) maxFinite = d;
      else if (d < 0) negative = true;
    } else {
      unreachableCount++;
    }
  }
  if (negative) refuse('costs must be non-negative');
  const share = m === total && unreachableCount === 0 && cost instanceof Float64Array;
  let dist: Float64Array;
  if (share) dist = cost;
  else if (m === total) dist = new Float64Array(cost);
  else {
    dist = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const row = i * total;
      const out = i * m;
      for (let k = 0; k < m; k++) dist[out + k] = cost[row + (sites[k] as number)] as number;
    }
  }
  const unreachableMarks: number[] = [];
  if (unreachableCount > 0)
    for (let at = 0; at < dist.length; at++)
      if (!((dist[at] as number) < Number.POSITIVE_INFINITY)) unreachableMarks.push(at);
  let integral = true;
  for (let i = 0; i < n && integral; i++) {
    const w = weights[i] as number;
    const out = i * m;
    for (let k = 0; k < m; k++) {
      const d = dist[out + k] as number;
      if (d < Number.POSITIVE_INFINITY && !Number.isInteger(d * w)) {
        integral = false;
        break;
      }
    }
  }
  return { dist, maxFinite, integral, unreachableMarks };
};

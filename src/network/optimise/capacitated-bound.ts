import type { PreparedProblem } from './types.js';

/**
 * Lagrangian lower bound for the capacitated p-median: relaxing "each demand assigned once" leaves, per
 * site, a 0-1 knapsack (take the demand of negative reduced cost c_ij − λ_i that fits the capacity). With
 * integral demands and capacities the knapsacks are solved exactly by dynamic programming, which makes
 * the bound at least as strong as the LP relaxation; otherwise their LP relaxation (greedy by ratio) is
 * used. Only demand of negative reduced cost enters a knapsack, so each stays small.
 */
export interface CapacitatedBoundOptions {
  upperBound: number;
  stop: () => boolean;
  maxIterations?: number;
  /** Multipliers to start from (for instance a previous run's); updated in place when given. */
  multipliers?: Float64Array;
  /** The weighted costs n × m when the caller has them already (they take a while to build at scale). */
  cost?: Float64Array;
}

export const capacitatedBound = (
  problem: PreparedProblem,
  { upperBound, stop, maxIterations = 300, multipliers, cost: given }: CapacitatedBoundOptions,
): number => {
  const { n, m, dist, weights, demands, capacities, fixed, p } = problem;
  const cost = given ?? new Float64Array(n * m);
  for (let i = 0; i < n && given === undefined; i++)
    for (let k = 0; k < m; k++) cost[i * m + k] = (weights[i] as number) * (dist[i * m + k] as number);
  let integral = true;
  for (let i = 0; i < n; i++) if (!Number.isInteger(demands[i])) integral = false;
  let maxCapacity = 0;
  for (let k = 0; k < m; k++) {
    const cap = capacities[k] as number;
    if (!Number.isFinite(cap) || !Number.isInteger(cap)) integral = false;
    else maxCapacity = Math.max(maxCapacity, cap);
  }
  if (n * (maxCapacity + 1) > 5_000_000) integral = false;

  const warm = multipliers !== undefined && multipliers.length === n && multipliers.some((v) => v !== 0);
  const lambda = multipliers?.length === n ? multipliers : new Float64Array(n);
  // Start cold from each demand's cheapest cost: a valid, if weak, first bound (every reduced cost is then
  // non-negative, so every knapsack is empty and the bound is the sum of the multipliers), known before any
  // subgradient step, so that even a run stopped at once has a bound.
  let coldBound = 0;
  for (let i = 0; i < n && !warm; i++) {
    if ((i & 255) === 255 && stop()) return Number.NEGATIVE_INFINITY;
    let least = Number.POSITIVE_INFINITY;
    for (let k = 0; k < m; k++) least = Math.min(least, cost[i * m + k] as number);
    lambda[i] = least;
    coldBound += least;
  }
  const rho = new Float64Array(m);
  // Per site, the demand of negative reduced cost (found in one row-major pass over the matrix, which at
  // thousands of sites is far quicker than a pass per column), and what its knapsack took.
  const candidates: number[][] = Array.from({ length: m }, () => []);
  const taken: number[][] = Array.from({ length: m }, () => []);
  const served = new Float64Array(n);
  const table = new Float64Array(integral ? maxCapacity + 1 : 1);
  const keep = new Uint8Array(integral ? (n + 1) * (maxCapacity + 1) : 1);
  const order = Int32Array.from({ length: m }, (_, k) => k);
  const chosen = new Uint8Array(m);
  const g = new Float64Array(n);
  let fixedCount = 0;
  for (let k = 0; k < m; k++) fixedCount += fixed[k] as number;
  let best = warm ? Number.NEGATIVE_INFINITY : coldBound;
  let step = 2;
  let since = 0;

  const knapsack = (k: number): number => {
    const capacity = capacities[k] as number;
    const items = (candidates[k] as number[]).filter((i) => (demands[i] as number) <= capacity);
    const take = taken[k] as number[];
    take.length = 0;
    if (integral) {
      const cap = capacity;
      table.fill(0, 0, cap + 1);
      for (let t = 0; t < items.length; t++) {
        const i = items[t] as number;
        const q = demands[i] as number;
        const value = (cost[i * m + k] as number) - (lambda[i] as number);
        const row = t * (maxCapacity + 1);
        for (let c = cap; c >= 0; c--) {
          const with_ = c >= q ? (table[c - q] as number) + value : Number.POSITIVE_INFINITY;
          if (with_ < (table[c] as number)) {
            table[c] = with_;
            keep[row + c] = 1;
          } else {
            keep[row + c] = 0;
          }
        }
      }
      let c = cap;
      for (let t = items.length - 1; t >= 0; t--) {
        if (keep[t * (maxCapacity + 1) + c] === 1) {
          const i = items[t] as number;
          take.push(i);
          c -= demands[i] as number;
        }
      }
      return table[cap] as number;
    }
    // Fractional knapsack: best ratio first; the last item may be taken in part.
    items.sort(
      (a, b) =>
        ((cost[a * m + k] as number) - (lambda[a] as number)) / Math.max(1e-12, demands[a] as number) -
        ((cost[b * m + k] as number) - (lambda[b] as number)) / Math.max(1e-12, demands[b] as number),
    );
    let room = capacity;
    let value = 0;
    for (const i of items) {
      const q = demands[i] as number;
      const v = (cost[i * m + k] as number) - (lambda[i] as number);
      if (q <= room) {
        value += v;
        room -= q;
        take.push(i);
      } else {
        value += (v * room) / q;
        break;
      }
    }
    return value;
  };

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (stop()) break;
    let value = 0;
    for (let i = 0; i < n; i++) value += lambda[i] as number;
    let interrupted = false;
    for (const list of candidates) list.length = 0;
    for (let i = 0; i < n && !interrupted; i++) {
      const li = lambda[i] as number;
      const row = i * m;
      for (let k = 0; k < m; k++) if ((cost[row + k] as number) < li) (candidates[k] as number[]).push(i);
      if ((i & 255) === 255 && stop()) interrupted = true;
    }
    for (let k = 0; k < m && !interrupted; k++) {
      rho[k] = knapsack(k);
      // An iteration at thousands of sites takes a while: the budget is looked at inside it too.
      if ((k & 63) === 63 && stop()) interrupted = true;
    }
    if (interrupted) break;
    chosen.fill(0);
    for (let k = 0; k < m; k++) {
      if (fixed[k] === 1) {
        chosen[k] = 1;
        value += rho[k] as number;
      }
    }
    order.sort(
      (a, b) => (fixed[a] as number) - (fixed[b] as number) || (rho[a] as number) - (rho[b] as number),
    );
    for (let t = 0; t < p - fixedCount; t++) {
      const k = order[t] as number;
      chosen[k] = 1;
      value += rho[k] as number;
    }
    if (best === Number.NEGATIVE_INFINITY || value > best + 1e-9 * Math.max(1, Math.abs(best))) {
      best = value;
      since = 0;
    } else if (++since >= 20) {
      step /= 2;
      since = 0;
      if (step < 1e-4) break;
    }
    if (upperBound - best < 1e-9 * Math.max(1, upperBound)) break;
    let norm = 0;
    served.fill(0);
    for (let k = 0; k < m; k++)
      if (chosen[k] === 1) for (const i of taken[k] as number[]) served[i] = (served[i] as number) + 1;
    for (let i = 0; i < n; i++) {
      const gi = 1 - (served[i] as number);
      g[i] = gi;
      norm += gi * gi;
    }
    if (norm === 0) break;
    const t = (step * (upperBound - value)) / norm;
    for (let i = 0; i < n; i++) lambda[i] = (lambda[i] as number) + t * (g[i] as number);
  }
  return best;
};

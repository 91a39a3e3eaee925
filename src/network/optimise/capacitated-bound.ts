import type { PreparedProblem } from './types.js';

/**
 * Lagrangian lower bound for the capacitated p-median: relaxing "each demand assigned once" leaves, per
 * site, a 0-1 knapsack (take the demand of negative reduced cost c_ij − λ_i that fits the capacity). With
 * integral demands and capacities the knapsacks are solved exactly by dynamic programming, which makes
 * the bound at least as strong as the LP relaxation; otherwise their LP relaxation (greedy by ratio) is
 * used. Only demand of negative reduced cost enters a knapsack, so each stays small.
 *
 * Every multiplier vector gives a valid bound, so the subgradient steps can start anywhere: from a
 * solution's assignment costs (λ_i = c_{i,a(i)}, close to the dual optimum for a good solution) or, cold,
 * from each demand's cheapest cost. The state (multipliers, step, best bound) lasts between runs, so that
 * a bound can be raised in slices of a budget shared with the search.
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

/** One run on its own (see `CapacitatedLagrangian` for runs in slices). */
export const capacitatedBound = (
  problem: PreparedProblem,
  { upperBound, stop, maxIterations = 300, multipliers, cost }: CapacitatedBoundOptions,
): number => {
  const lagrangian = new CapacitatedLagrangian(problem, cost);
  const warm =
    multipliers !== undefined && multipliers.length === problem.n && multipliers.some((v) => v !== 0);
  if (warm) lagrangian.multipliers.set(multipliers);
  else if (!lagrangian.startCold(stop)) return Number.NEGATIVE_INFINITY;
  const value = lagrangian.run(upperBound, stop, maxIterations);
  if (multipliers?.length === problem.n) multipliers.set(lagrangian.multipliers);
  return value;
};

/** Sites per demand kept in cost order: the knapsacks' candidates are found from these. */
const nearCount = 64;
/** Iterations without a better bound after which the step halves. */
const patience = 12;

export class CapacitatedLagrangian {
  /** λ, one per demand. */
  readonly multipliers: Float64Array;
  /** The best bound so far (minus infinity before the first evaluation). */
  best = Number.NEGATIVE_INFINITY;
  private started = false;
  /** The subgradient step (a fraction of the Polyak step), halved when the bound stalls. */
  step = 2;
  /** Subgradient iterations so far. */
  iterations = 0;
  private since = 0;
  private readonly problem: PreparedProblem;
  private readonly cost: Float64Array;
  private readonly integral: boolean;
  private readonly maxCapacity: number;
  private readonly fixedCount: number;
  /**
   * Per demand, for the rows `built` so far: `nearLength` of its cheapest sites in cost order (at most
   * `width`), and `beyond`, a cost no site left off the list is below (infinity when none is left off).
   */
  private readonly near: Int32Array;
  private readonly nearLength: Int32Array;
  private readonly beyond: Float64Array;
  private readonly width: number;
  private built = 0;
  private readonly rho: Float64Array;
  private readonly candidates: number[][];
  private readonly taken: number[][];
  private readonly served: Float64Array;
  private readonly table: Float64Array;
  private readonly keep: Uint8Array;
  private readonly reach: Int32Array;
  private readonly order: Int32Array;
  private readonly chosen: Uint8Array;
  private readonly g: Float64Array;

  /** `nearCount`: sites per demand kept in cost order (fewer only to test the rows scanned in full). */
  constructor(problem: PreparedProblem, cost?: Float64Array, { nearCount: kept = nearCount } = {}) {
    const { n, m, dist, weights, demands, capacities, fixed } = problem;
    this.problem = problem;
    let given = cost;
    if (given === undefined) {
      given = new Float64Array(n * m);
      for (let i = 0; i < n; i++)
        for (let k = 0; k < m; k++) given[i * m + k] = (weights[i] as number) * (dist[i * m + k] as number);
    }
    this.cost = given;
    let integral = true;
    for (let i = 0; i < n; i++) if (!Number.isInteger(demands[i])) integral = false;
    let maxCapacity = 0;
    for (let k = 0; k < m; k++) {
      const cap = capacities[k] as number;
      if (!Number.isFinite(cap) || !Number.isInteger(cap)) integral = false;
      else maxCapacity = Math.max(maxCapacity, cap);
    }
    if (n * (maxCapacity + 1) > 5_000_000) integral = false;
    this.integral = integral;
    this.maxCapacity = maxCapacity;
    let fixedCount = 0;
    for (let k = 0; k < m; k++) fixedCount += fixed[k] as number;
    this.fixedCount = fixedCount;
    this.multipliers = new Float64Array(n);
    this.width = Math.max(1, Math.min(m, kept));
    this.near = new Int32Array(n * this.width);
    this.nearLength = new Int32Array(n);
    this.beyond = new Float64Array(n);
    this.rho = new Float64Array(m);
    this.candidates = Array.from({ length: m }, () => []);
    this.taken = Array.from({ length: m }, () => []);
    this.served = new Float64Array(n);
    this.table = new Float64Array(integral ? maxCapacity + 1 : 1);
    this.keep = new Uint8Array(integral ? (n + 1) * (maxCapacity + 1) : 1);
    this.reach = new Int32Array(n + 1);
    this.order = Int32Array.from({ length: m }, (_, k) => k);
    this.chosen = new Uint8Array(m);
    this.g = new Float64Array(n);
  }

  /**
   * Multipliers from each demand's cheapest cost: every reduced cost is then non-negative, every knapsack
   * empty, and the bound the sum of the multipliers. False when stopped before the end.
   */
  startCold(stop: () => boolean): boolean {
    const { n, m } = this.problem;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 255) === 255 && stop()) return false;
      let least = Number.POSITIVE_INFINITY;
      for (let k = 0; k < m; k++) least = Math.min(least, this.cost[i * m + k] as number);
      this.multipliers[i] = least;
      sum += least;
    }
    this.started = true;
    this.best = Math.max(this.best, sum);
    return true;
  }

  /**
   * A warm start where the subgradient steps have not started yet (a later call keeps the multipliers
   * those steps have improved): of the multipliers λ_i = the r-th cheapest cost of demand i, for r
   * rising geometrically (r = 1 is the cold start), and, when a solution is given, its assignment costs,
   * the one with the best bound. A solution's costs are near the dual optimum when it is good but far
   * from it when it is poor, and the ranks follow the density of sites around each demand.
   * False when stopped before any multipliers were set.
   */
  start(stop: () => boolean, assignment?: Int32Array): boolean {
    if (this.started) return true;
    const { n, m } = this.problem;
    const { cost, near, nearLength, beyond, width, multipliers: lambda } = this;
    this.buildNear(stop);
    if (this.built < n) return this.startCold(stop);
    const bestLambda = new Float64Array(n);
    let bestValue = Number.NEGATIVE_INFINITY;
    const consider = (): boolean => {
      const value = this.evaluate(stop);
      if (value === null) return false;
      if (value > bestValue) {
        bestValue = value;
        bestLambda.set(lambda);
      }
      return true;
    };
    let worse = 0;
    for (let r = 1; r <= width && worse < 2; r = Math.max(r + 1, Math.round(r * 1.5))) {
      for (let i = 0; i < n; i++) {
        const length = nearLength[i] as number;
        lambda[i] =
          r <= length
            ? (cost[i * m + (near[i * width + r - 1] as number)] as number)
            : Number.isFinite(beyond[i])
              ? (beyond[i] as number)
              : (cost[i * m + (near[i * width + length - 1] as number)] as number);
      }
      const before = bestValue;
      if (!consider()) break;
      worse = bestValue > before ? 0 : worse + 1;
    }
    if (assignment !== undefined && !stop()) {
      for (let i = 0; i < n; i++) lambda[i] = cost[i * m + (assignment[i] as number)] as number;
      consider();
    }
    if (bestValue === Number.NEGATIVE_INFINITY) return this.startCold(stop);
    lambda.set(bestLambda);
    this.best = Math.max(this.best, bestValue);
    this.started = true;
    this.step = 1;
    return true;
  }

  /**
   * Subgradient steps towards `upperBound` until `stop`, the step has shrunk to nothing, or the bound
   * meets the upper bound; returns the best bound so far (minus infinity if none was evaluated).
   */
  run(upperBound: number, stop: () => boolean, maxIterations = 300): number {
    const { n, m } = this.problem;
    const { multipliers: lambda, chosen, served, g, taken } = this;
    if (!this.started && !this.startCold(stop)) return this.best;
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      if (stop() || this.step < 1e-4) break;
      this.iterations++;
      const value = this.evaluate(stop);
      if (value === null) break;
      if (
        value > this.best + 1e-9 * Math.max(1, Math.abs(this.best)) ||
        this.best === Number.NEGATIVE_INFINITY
      ) {
        this.best = value;
        this.since = 0;
      } else if (++this.since >= patience) {
        this.step /= 2;
        this.since = 0;
      }
      if (upperBound - this.best < 1e-9 * Math.max(1, upperBound)) break;
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
      const t = (this.step * (upperBound - value)) / norm;
      for (let i = 0; i < n; i++) lambda[i] = (lambda[i] as number) + t * (g[i] as number);
    }
    return this.best;
  }

  /** L(λ) for the given multipliers, which become the current ones; null when stopped. */
  boundAt(multipliers: Float64Array, stop: () => boolean = () => false): number | null {
    this.multipliers.set(multipliers);
    return this.evaluate(stop);
  }

  /**
   * L(λ) for the current multipliers, leaving the open sites in `chosen` and each site's knapsack in
   * `taken`; null when stopped.
   */
  private evaluate(stop: () => boolean): number | null {
    const { n, m, fixed, p } = this.problem;
    const { multipliers: lambda, rho, chosen, order } = this;
    this.buildNear(stop);
    let value = 0;
    for (let i = 0; i < n; i++) value += lambda[i] as number;
    if (!this.collectCandidates(stop)) return null;
    for (let k = 0; k < m; k++) {
      rho[k] = this.knapsack(k);
      // An iteration at thousands of sites takes a while: the budget is looked at inside it too.
      if ((k & 63) === 63 && stop()) return null;
    }
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
    for (let t = 0; t < p - this.fixedCount; t++) {
      const k = order[t] as number;
      chosen[k] = 1;
      value += rho[k] as number;
    }
    return value;
  }

  /** Per site, the demand of negative reduced cost; false when stopped. */
  private collectCandidates(stop: () => boolean): boolean {
    const { n, m } = this.problem;
    const { cost, multipliers: lambda, candidates, near, nearLength, beyond, width } = this;
    for (const list of candidates) list.length = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 255) === 255 && stop()) return false;
      const li = lambda[i] as number;
      const row = i * m;
      let scan = i >= this.built;
      if (!scan) {
        const base = i * width;
        const length = nearLength[i] as number;
        let t = 0;
        for (; t < length; t++) {
          const k = near[base + t] as number;
          if (!((cost[row + k] as number) < li)) break;
          (candidates[k] as number[]).push(i);
        }
        if (t === length && (beyond[i] as number) < li) {
          // Every listed site is cheaper than λ_i and sites left off may be too: the whole row is scanned.
          for (let u = 0; u < length; u++) (candidates[near[base + u] as number] as number[]).pop();
          scan = true;
        }
      }
      if (scan)
        for (let k = 0; k < m; k++) if ((cost[row + k] as number) < li) (candidates[k] as number[]).push(i);
    }
    return true;
  }

  /**
   * Builds the sorted near lists of further rows while the budget lasts (rows not built are scanned).
   * A row's cut-off comes from a sample of its costs, so that one pass over the row collects the sites
   * below it (an exact selection would take several).
   */
  private buildNear(stop: () => boolean): void {
    const { n, m } = this.problem;
    const { cost, near, nearLength, beyond, width } = this;
    if (this.built >= n) return;
    const sampleSize = Math.min(m, 256);
    const sample = new Float64Array(sampleSize);
    // The sample rank expected to leave about one and a half lists' worth of sites below the cut-off.
    const rank = Math.min(sampleSize - 1, Math.ceil((1.5 * width * sampleSize) / m));
    const picked: number[] = [];
    for (; this.built < n; this.built++) {
      if ((this.built & 15) === 15 && stop()) return;
      const i = this.built;
      const row = i * m;
      const byCost = (a: number, b: number) => (cost[row + a] as number) - (cost[row + b] as number) || a - b;
      picked.length = 0;
      let cut = Number.POSITIVE_INFINITY;
      if (width < m) {
        for (let j = 0; j < sampleSize; j++)
          sample[j] = cost[row + Math.floor((j * m) / sampleSize)] as number;
        sample.sort();
        cut = sample[rank] as number;
      }
      for (let k = 0; k < m; k++) if ((cost[row + k] as number) < cut) picked.push(k);
      picked.sort(byCost);
      let length = picked.length;
      if (length > width) {
        // Too many below the sampled cut-off: cut at the first site left off, and drop its ties.
        cut = cost[row + (picked[width] as number)] as number;
        length = width;
        while (length > 0 && (cost[row + (picked[length - 1] as number)] as number) >= cut) length--;
      }
      for (let t = 0; t < length; t++) near[i * width + t] = picked[t] as number;
      nearLength[i] = length;
      beyond[i] = cut;
    }
  }

  private knapsack(k: number): number {
    const { demands, capacities, m } = this.problem;
    const { cost, multipliers: lambda, table, keep, maxCapacity } = this;
    const capacity = capacities[k] as number;
    const items = (this.candidates[k] as number[]).filter((i) => (demands[i] as number) <= capacity);
    const take = this.taken[k] as number[];
    take.length = 0;
    // Every item has a negative reduced cost: when they all fit, the knapsack takes them all.
    let sum = 0;
    let all = 0;
    for (const i of items) {
      sum += demands[i] as number;
      all += (cost[i * m + k] as number) - (lambda[i] as number);
    }
    if (sum <= capacity) {
      for (const i of items) take.push(i);
      return all;
    }
    if (this.integral) {
      // table[c]: the least reduced cost within load c of the items so far. Beyond the items' total
      // demand the table is flat, so each item's pass runs only up to the running total.
      const cap = capacity;
      const stride = maxCapacity + 1;
      const reach = this.reach;
      let prefix = 0;
      table[0] = 0;
      for (let t = 0; t < items.length; t++) {
        const i = items[t] as number;
        const q = demands[i] as number;
        const value = (cost[i * m + k] as number) - (lambda[i] as number);
        const row = t * stride;
        const next = Math.min(cap, prefix + q);
        const flat = table[prefix] as number;
        for (let c = prefix + 1; c <= next; c++) table[c] = flat;
        for (let c = next; c >= q; c--) {
          const with_ = (table[c - q] as number) + value;
          if (with_ < (table[c] as number)) {
            table[c] = with_;
            keep[row + c] = 1;
          } else {
            keep[row + c] = 0;
          }
        }
        reach[t] = next;
        prefix = next;
      }
      let c = prefix;
      for (let t = items.length - 1; t >= 0; t--) {
        const i = items[t] as number;
        c = Math.min(c, reach[t] as number);
        if (c >= (demands[i] as number) && keep[t * stride + c] === 1) {
          take.push(i);
          c -= demands[i] as number;
        }
      }
      return table[prefix] as number;
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
  }
}

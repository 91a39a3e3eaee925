/**
 * Fast interchange for the p-median problem in the style of Whitaker and of Resende & Werneck: every
 * demand keeps its nearest and second-nearest open site, and three accumulators give the profit of every
 * swap at once — gain[in] (moving demand to a new site), loss[out] (demand falling back to its second
 * site) and extra[in][out] (correction for demand of `out` that the new site catches). After a swap only
 * the demand whose nearest or second-nearest changed, or that lies closer to the new site than to its
 * second site, is updated.
 */
export interface MedianInstance {
  n: number;
  m: number;
  /** Weighted cost n × m, row-major. */
  cost: Float64Array;
  /** Rows' sites sorted by cost (see sortRows). */
  order: Int32Array;
  fixed: Uint8Array;
  p: number;
}

export class Interchange {
  readonly n: number;
  readonly m: number;
  readonly cost: Float64Array;
  readonly order: Int32Array;
  readonly fixed: Uint8Array;
  readonly p: number;
  /** 1 when the site is open (fixed ones included). */
  readonly open: Uint8Array;
  /** Open sites that may close, and each one's position in that list. */
  readonly free: Int32Array;
  freeCount = 0;
  readonly freePos: Int32Array;
  readonly near1: Int32Array;
  readonly near2: Int32Array;
  readonly dist1: Float64Array;
  readonly dist2: Float64Array;
  readonly gain: Float64Array;
  readonly loss: Float64Array;
  readonly extra: Float64Array;
  private readonly affected: Int32Array;
  objective = 0;
  /** Result of the last bestSwap(). */
  swapIn = -1;
  swapOut = -1;
  swapProfit = 0;

  constructor(instance: MedianInstance) {
    const { n, m } = instance;
    this.n = n;
    this.m = m;
    this.cost = instance.cost;
    this.order = instance.order;
    this.fixed = instance.fixed;
    this.p = instance.p;
    this.open = new Uint8Array(m);
    this.free = new Int32Array(m);
    this.freePos = new Int32Array(m).fill(-1);
    this.near1 = new Int32Array(n);
    this.near2 = new Int32Array(n);
    this.dist1 = new Float64Array(n);
    this.dist2 = new Float64Array(n);
    this.gain = new Float64Array(m);
    this.loss = new Float64Array(m);
    this.extra = new Float64Array(m * m);
    this.affected = new Int32Array(n);
  }

  /** Rebuilds every structure for the given open sites (which must include all fixed ones). */
  setSolution(sites: ArrayLike<number>): void {
    const { m, n } = this;
    this.open.fill(0);
    this.freePos.fill(-1);
    this.freeCount = 0;
    for (let t = 0; t < sites.length; t++) this.open[sites[t] as number] = 1;
    for (let k = 0; k < m; k++) {
      if (this.open[k] === 1 && this.fixed[k] === 0) {
        this.freePos[k] = this.freeCount;
        this.free[this.freeCount++] = k;
      }
    }
    this.gain.fill(0);
    this.loss.fill(0);
    this.extra.fill(0);
    let objective = 0;
    for (let i = 0; i < n; i++) {
      this.nearestTwo(i);
      objective += this.dist1[i] as number;
      this.contribute(i, 1);
    }
    this.objective = objective;
  }

  openSites(): Int32Array {
    const out = new Int32Array(this.p);
    let t = 0;
    for (let k = 0; k < this.m; k++) if (this.open[k] === 1) out[t++] = k;
    return out.subarray(0, t);
  }

  private nearestTwo(i: number): void {
    const { m, order, open, cost } = this;
    const base = i * m;
    let first = -1;
    for (let r = 0; r < m; r++) {
      const f = order[base + r] as number;
      if (open[f] === 1) {
        if (first < 0) {
          first = f;
        } else {
          this.near1[i] = first;
          this.dist1[i] = cost[base + first] as number;
          this.near2[i] = f;
          this.dist2[i] = cost[base + f] as number;
          return;
        }
      }
    }
    // Fewer than two open sites: the second is "nowhere"; callers keep at least two open.
    this.near1[i] = first;
    this.dist1[i] = first < 0 ? Number.POSITIVE_INFINITY : (cost[base + first] as number);
    this.near2[i] = -1;
    this.dist2[i] = Number.POSITIVE_INFINITY;
  }

  private contribute(i: number, sign: number): void {
    const { m, order, open, cost, gain, extra } = this;
    const base = i * m;
    const a = this.near1[i] as number;
    const da = this.dist1[i] as number;
    const db = this.dist2[i] as number;
    if (a < 0 || db === Number.POSITIVE_INFINITY) return;
    this.loss[a] = (this.loss[a] as number) + sign * (db - da);
    for (let r = 0; r < m; r++) {
      const f = order[base + r] as number;
      const d = cost[base + f] as number;
      if (d >= db) break;
      if (open[f] === 1) continue;
      const at = f * m + a;
      if (d < da) {
        gain[f] = (gain[f] as number) + sign * (da - d);
        extra[at] = (extra[at] as number) + sign * (db - da);
      } else {
        extra[at] = (extra[at] as number) + sign * (db - d);
      }
    }
  }

  /** Finds the most profitable swap (profit = decrease of the objective) into swapIn/swapOut/swapProfit. */
  bestSwap(): void {
    const { m, open, gain, loss, extra, free, freeCount } = this;
    let best = Number.NEGATIVE_INFINITY;
    let bestIn = -1;
    let bestOut = -1;
    for (let f = 0; f < m; f++) {
      if (open[f] === 1) continue;
      const g = gain[f] as number;
      const row = f * m;
      for (let t = 0; t < freeCount; t++) {
        const out = free[t] as number;
        const v = g - (loss[out] as number) + (extra[row + out] as number);
        if (v > best) {
          best = v;
          bestIn = f;
          bestOut = out;
        }
      }
    }
    this.swapIn = bestIn;
    this.swapOut = bestOut;
    this.swapProfit = best;
  }

  /** Opens `into`, closes `out` (a free open site) and updates only the demand affected. */
  applySwap(into: number, out: number): void {
    const { n, m, cost, affected } = this;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (
        this.near1[i] === out ||
        this.near2[i] === out ||
        (cost[i * m + into] as number) < (this.dist2[i] as number)
      ) {
        affected[count++] = i;
        this.contribute(i, -1);
      }
    }
    this.open[out] = 0;
    this.open[into] = 1;
    const at = this.freePos[out] as number;
    this.free[at] = into;
    this.freePos[into] = at;
    this.freePos[out] = -1;
    let objective = this.objective;
    for (let t = 0; t < count; t++) {
      const i = affected[t] as number;
      objective -= this.dist1[i] as number;
      this.nearestTwo(i);
      objective += this.dist1[i] as number;
      this.contribute(i, 1);
    }
    this.objective = objective;
  }

  /**
   * Best-improvement descent. Returns the number of swaps made; each swap is appended to `log` as
   * (in, out) pairs when given, so that a caller can undo them.
   */
  descend(stop: () => boolean, log?: number[]): number {
    let moves = 0;
    if (this.freeCount === 0) return 0;
    for (;;) {
      if ((moves & 7) === 7 && stop()) break;
      this.bestSwap();
      const eps = 1e-9 * Math.max(1, Math.abs(this.objective));
      if (this.swapIn < 0 || !(this.swapProfit > eps)) break;
      log?.push(this.swapIn, this.swapOut);
      this.applySwap(this.swapIn, this.swapOut);
      moves++;
    }
    return moves;
  }
}

/**
 * Greedy addition: opens the fixed sites (or, without any, the site of least total cost), then repeatedly
 * the site that lowers the objective most. Savings are kept per site and updated only for demand whose
 * nearest open site changed.
 */
export const greedyMedian = (instance: MedianInstance): Int32Array => {
  const { n, m, cost, order, fixed, p } = instance;
  const open = new Uint8Array(m);
  const chosen: number[] = [];
  for (let k = 0; k < m; k++) {
    if (fixed[k] === 1) {
      open[k] = 1;
      chosen.push(k);
    }
  }
  if (chosen.length === 0) {
    const column = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const base = i * m;
      for (let k = 0; k < m; k++) column[k] = (column[k] as number) + (cost[base + k] as number);
    }
    let best = 0;
    for (let k = 1; k < m; k++) if ((column[k] as number) < (column[best] as number)) best = k;
    open[best] = 1;
    chosen.push(best);
  }
  const d1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * m;
    for (let r = 0; r < m; r++) {
      const f = order[base + r] as number;
      if (open[f] === 1) {
        d1[i] = cost[base + f] as number;
        break;
      }
    }
  }
  const saving = new Float64Array(m);
  const addSavings = (i: number, sign: number) => {
    const base = i * m;
    const di = d1[i] as number;
    for (let r = 0; r < m; r++) {
      const f = order[base + r] as number;
      const d = cost[base + f] as number;
      if (d >= di) break;
      saving[f] = (saving[f] as number) + sign * (di - d);
    }
  };
  for (let i = 0; i < n; i++) addSavings(i, 1);
  while (chosen.length < p) {
    let best = -1;
    let bestSaving = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < m; k++) {
      if (open[k] === 0 && (saving[k] as number) > bestSaving) {
        bestSaving = saving[k] as number;
        best = k;
      }
    }
    if (best < 0) break;
    open[best] = 1;
    chosen.push(best);
    for (let i = 0; i < n; i++) {
      const d = cost[i * m + best] as number;
      if (d < (d1[i] as number)) {
        addSavings(i, -1);
        d1[i] = d;
        addSavings(i, 1);
      }
    }
  }
  return Int32Array.from(chosen);
};

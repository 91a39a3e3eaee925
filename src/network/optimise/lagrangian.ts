import type { MedianInstance } from './interchange.js';

export interface LagrangianResult {
  bound: number;
  iterations: number;
  /** Sites opened by the best Lagrangian subproblem, a good start for a heuristic. */
  sites: Int32Array;
}

/**
 * Lower bound for the p-median problem by relaxing "each demand assigned once" with multipliers λ:
 * L(λ) = Σ λ_i + Σ_{j open} ρ_j with ρ_j = Σ_i min(0, c_ij − λ_i), the fixed sites plus the p − f free
 * sites of least ρ open. Subgradient steps (Held–Karp) move λ towards the dual optimum, which for
 * p-median is usually the LP bound. Scans use sorted rows, so one iteration touches only the pairs with
 * c_ij < λ_i.
 */
export interface LagrangianOptions {
  upperBound: number;
  /** Multipliers to start from. */
  start: Float64Array;
  stop: () => boolean;
  maxIterations?: number;
}

export const lagrangianBound = (
  instance: MedianInstance,
  { upperBound, start, stop, maxIterations = 400 }: LagrangianOptions,
): LagrangianResult => {
  const { n, m, cost, order, fixed, p } = instance;
  const lambda = Float64Array.from(start);
  const rho = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const candidates: number[] = [];
  let fixedCount = 0;
  for (let k = 0; k < m; k++) {
    if (fixed[k] === 1) fixedCount++;
    else candidates.push(k);
  }
  const index = Int32Array.from(candidates);
  const subgradient = new Float64Array(n);
  let best = Number.NEGATIVE_INFINITY;
  let bestSites = new Int32Array(0);
  let step = 2;
  let sinceImproved = 0;
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    if ((iteration & 3) === 0 && stop()) break;
    rho.fill(0);
    let value = 0;
    for (let i = 0; i < n; i++) {
      const li = lambda[i] as number;
      value += li;
      const base = i * m;
      for (let r = 0; r < m; r++) {
        const f = order[base + r] as number;
        const d = cost[base + f] as number;
        if (d >= li) break;
        rho[f] = (rho[f] as number) + d - li;
      }
    }
    chosen.fill(0);
    for (let k = 0; k < m; k++) {
      if (fixed[k] === 1) {
        chosen[k] = 1;
        value += rho[k] as number;
      }
    }
    index.sort((a, b) => (rho[a] as number) - (rho[b] as number));
    for (let t = 0; t < p - fixedCount; t++) {
      const k = index[t] as number;
      chosen[k] = 1;
      value += rho[k] as number;
    }
    if (best === Number.NEGATIVE_INFINITY || value > best + 1e-9 * Math.max(1, Math.abs(best))) {
      best = value;
      sinceImproved = 0;
      bestSites = new Int32Array(p);
      let t = 0;
      for (let k = 0; k < m; k++) if (chosen[k] === 1) bestSites[t++] = k;
    } else if (++sinceImproved >= 20) {
      step /= 2;
      sinceImproved = 0;
      if (step < 1e-4) break;
    }
    if (upperBound - best <= 1e-9 * Math.max(1, Math.abs(upperBound))) break;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const li = lambda[i] as number;
      const base = i * m;
      let covered = 0;
      for (let r = 0; r < m; r++) {
        const f = order[base + r] as number;
        if ((cost[base + f] as number) >= li) break;
        covered += chosen[f] as number;
      }
      const g = 1 - covered;
      subgradient[i] = g;
      norm += g * g;
    }
    if (norm === 0) break;
    const t = (step * (upperBound - value)) / norm;
    for (let i = 0; i < n; i++) {
      const next = (lambda[i] as number) + t * (subgradient[i] as number);
      lambda[i] = Math.max(next, 0);
    }
  }
  return { bound: best, iterations: iteration, sites: bestSites };
};

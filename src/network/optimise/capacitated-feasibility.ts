import { loadSolver, runUntilAborted } from './milp.js';
import type { PreparedProblem } from './types.js';

/**
 * Whether a capacitated p-median instance has any solution at all. In the prepared problem every demand
 * may go to every site (an unreachable pair only costs a penalty), so feasibility depends on capacities
 * alone, and if some p medians can hold all demand then so can the fixed sites with the largest of the
 * others: each chosen site's load fits the one of equal or larger capacity that takes its place. The test
 * is therefore (1) the capacity totals of that largest set, then (2) an exact packing of the demand into
 * it, a MILP without costs that HiGHS solves or refutes.
 */
export type Feasibility =
  | { status: 'feasible'; sites: Int32Array; assignment: Int32Array }
  | { status: 'infeasible'; reason: 'capacity' | 'packing' }
  | { status: 'unknown' };

/** The fixed sites, then the largest free ones, p in all. */
export const largestSites = (problem: PreparedProblem): Int32Array => {
  const { m, p, fixed, capacities } = problem;
  const order = Array.from({ length: m }, (_, k) => k).sort(
    (a, b) =>
      (fixed[b] as number) - (fixed[a] as number) ||
      (capacities[b] as number) - (capacities[a] as number) ||
      a - b,
  );
  return Int32Array.from(order.slice(0, p)).sort();
};

/** Proven infeasible by totals alone: the largest set holds less than the demand, or one demand fits none. */
export const capacityShortfall = (problem: PreparedProblem): boolean => {
  const { n, demands, capacities } = problem;
  const sites = largestSites(problem);
  let room = 0;
  let largest = 0;
  for (const k of sites) {
    room += capacities[k] as number;
    largest = Math.max(largest, capacities[k] as number);
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const q = demands[i] as number;
    total += q;
    if (q > largest + 1e-9) return true;
  }
  return total > room + 1e-9 * Math.max(1, room);
};

/** The exact test; `unknown` only when HiGHS ran out of time or was cancelled. */
export const testFeasibility = async (
  problem: PreparedProblem,
  { timeLimitSeconds, signal }: { timeLimitSeconds: number; signal?: AbortSignal | undefined },
): Promise<Feasibility> => {
  if (capacityShortfall(problem)) return { status: 'infeasible', reason: 'capacity' };
  const sites = largestSites(problem);
  if (timeLimitSeconds <= 0.01 || signal?.aborted) return { status: 'unknown' };
  const { n, demands, capacities } = problem;
  // Sites of equal capacity are interchangeable here: with all equal, the t-th largest demand need only
  // be tried in the first t + 1 sites (symmetry breaking for the bin-packing structure).
  const equal = sites.every((k) => capacities[k] === capacities[sites[0] as number]);
  const byDemand = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (demands[b] as number) - (demands[a] as number) || a - b,
  );
  const allowed = (rank: number, t: number) => !equal || t <= rank;
  const x = (i: number, t: number) => `x${i}_${t}`;
  const lines = ['Minimize', ' obj: 0 x0_0', 'Subject To'];
  byDemand.forEach((i, rank) => {
    const terms: string[] = [];
    for (let t = 0; t < sites.length; t++) if (allowed(rank, t)) terms.push(`+ ${x(i, t)}`);
    lines.push(` a${i}: ${terms.join(' ')} = 1`);
  });
  for (let t = 0; t < sites.length; t++) {
    const terms: string[] = [];
    byDemand.forEach((i, rank) => {
      if (allowed(rank, t)) terms.push(`+ ${demands[i] as number} ${x(i, t)}`);
    });
    lines.push(` c${t}:`);
    for (let s = 0; s < terms.length; s += 40) lines.push(`  ${terms.slice(s, s + 40).join(' ')}`);
    lines.push(`  <= ${capacities[sites[t] as number] as number}`);
  }
  lines.push('Binary');
  byDemand.forEach((i, rank) => {
    for (let t = 0; t < sites.length; t++) if (allowed(rank, t)) lines.push(` ${x(i, t)}`);
  });
  lines.push('End');
  const highs = await loadSolver();
  const lp = highs.createModel({ format: 'lp', data: lines.join('\n') });
  try {
    lp.options.set({ output_flag: false, time_limit: timeLimitSeconds });
    runUntilAborted(highs, lp, signal);
    const { constants } = highs;
    const code = lp.getModelStatus();
    // Every variable is binary, so the model cannot be unbounded: "unbounded or infeasible" is infeasible.
    if (code === constants.modelStatus.infeasible || code === constants.modelStatus.unboundedOrInfeasible)
      return { status: 'infeasible', reason: 'packing' };
    const value = lp.getSolution().colValue;
    if (value.length === 0) return { status: 'unknown' };
    const assignment = new Int32Array(n).fill(-1);
    const load = new Float64Array(sites.length);
    byDemand.forEach((i, rank) => {
      for (let t = 0; t < sites.length; t++) {
        if (allowed(rank, t) && (value[lp.getColByName(x(i, t))] as number) > 0.5) {
          assignment[i] = sites[t] as number;
          load[t] = (load[t] as number) + (demands[i] as number);
        }
      }
    });
    // Trust only an assignment that checks out.
    if (assignment.some((k) => k < 0)) return { status: 'unknown' };
    for (let t = 0; t < sites.length; t++)
      if ((load[t] as number) > (capacities[sites[t] as number] as number) + 1e-6)
        return { status: 'unknown' };
    return { status: 'feasible', sites, assignment };
  } finally {
    lp.dispose();
  }
};

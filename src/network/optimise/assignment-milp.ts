import { loadSolver, runUntilAborted } from './milp.js';
import type { PreparedProblem } from './types.js';

/**
 * The generalised assignment problem for a fixed set of open sites, solved by HiGHS: each demand goes
 * whole to one of the open sites within their capacities at least cost. With p ≤ a few dozen medians it is
 * a small MILP (n × p binaries) that HiGHS usually closes in a fraction of a second, where the regret and
 * exchange heuristics can stay a unit or two above the best split. Returns null when HiGHS finds no
 * assignment within the time limit or when the run is cancelled.
 */
export interface AssignmentOptions {
  /** The heuristic's assignment, given to HiGHS as its first incumbent. */
  start: Int32Array;
  timeLimitSeconds: number;
  signal?: AbortSignal | undefined;
}

export const solveAssignment = async (
  problem: PreparedProblem,
  sites: Int32Array,
  { start, timeLimitSeconds, signal }: AssignmentOptions,
): Promise<{ assignment: Int32Array; objective: number } | null> => {
  if (timeLimitSeconds <= 0.01 || sites.length === 0) return null;
  const { n, m, dist, weights, demands, capacities } = problem;
  const lines = ['Minimize', ' obj:'];
  const push = (terms: string[]) => {
    for (let t = 0; t < terms.length; t += 40) lines.push(`  ${terms.slice(t, t + 40).join(' ')}`);
  };
  const terms: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    for (const k of sites) terms.push(`+ ${w * (dist[i * m + k] as number)} x${i}_${k}`);
  }
  push(terms);
  lines.push('Subject To');
  for (let i = 0; i < n; i++) lines.push(` a${i}: ${Array.from(sites, (k) => `+ x${i}_${k}`).join(' ')} = 1`);
  for (const k of sites) {
    const capacity = capacities[k] as number;
    if (!Number.isFinite(capacity)) continue;
    lines.push(` c${k}:`);
    push(Array.from({ length: n }, (_, i) => `+ ${demands[i] as number} x${i}_${k}`));
    lines.push(`  <= ${capacity}`);
  }
  lines.push('Binary');
  for (let i = 0; i < n; i++) for (const k of sites) lines.push(` x${i}_${k}`);
  lines.push('End');
  const highs = await loadSolver();
  const lp = highs.createModel({ format: 'lp', data: lines.join('\n') });
  try {
    lp.options.set({
      output_flag: false,
      time_limit: timeLimitSeconds,
      mip_rel_gap: 0,
      mip_abs_gap: problem.integral ? 0.999 : 1e-6,
    });
    const indices: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      for (const k of sites) {
        indices.push(lp.getColByName(`x${i}_${k}`));
        values.push(start[i] === k ? 1 : 0);
      }
    }
    lp.setSolution({ indices, values });
    runUntilAborted(highs, lp, signal);
    if (signal?.aborted) return null;
    const value = lp.getSolution().colValue;
    if (value.length === 0 || !Number.isFinite(lp.getObjectiveValue())) return null;
    const assignment = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      for (const k of sites) if ((value[lp.getColByName(`x${i}_${k}`)] as number) > 0.5) assignment[i] = k;
      if (assignment[i] === -1) return null;
    }
    // A run stopped by its time limit may hand back a point that is not a feasible assignment; trust only
    // what checks out, at its own cost.
    const load = new Float64Array(m);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const k = assignment[i] as number;
      load[k] = (load[k] as number) + (demands[i] as number);
      total += (weights[i] as number) * (dist[i * m + k] as number);
    }
    for (const k of sites) if ((load[k] as number) > (capacities[k] as number) + 1e-6) return null;
    return { assignment, objective: total };
  } finally {
    lp.dispose();
  }
};

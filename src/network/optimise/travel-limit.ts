import type { PreparedProblem } from './types.js';

/**
 * The hard maximum travel of an equity-constrained model. Pairs beyond the limit become unreachable (the
 * penalty cost that any solution reaching everyone beats), so every engine and the exact MILP keep to the
 * limit wherever a solution can; the answer is then checked row by row.
 */

/** Demand rows of positive weight with no eligible site within the limit: each alone proves infeasibility. */
export const beyondLimit = (problem: PreparedProblem, limit: number): number[] => {
  const { n, m, dist, weights, unreachable } = problem;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!((weights[i] as number) > 0)) continue;
    let within = false;
    for (let k = 0; k < m && !within; k++) {
      const d = dist[i * m + k] as number;
      within = d <= limit && d < unreachable;
    }
    if (!within) rows.push(i);
  }
  return rows;
};

/**
 * Makes every pair beyond the limit unreachable, in a copy of the matrix (the prepared matrix may be the
 * caller's own, which is never written).
 */
export const restrictTravel = (problem: PreparedProblem, limit: number): void => {
  const { unreachable } = problem;
  const dist = Float64Array.from(problem.dist);
  for (let at = 0; at < dist.length; at++) if ((dist[at] as number) > limit) dist[at] = unreachable;
  problem.dist = dist;
};

/** True when every demand of positive weight (every demand, capacitated) is served within the limit. */
export const servedWithinLimit = (
  problem: PreparedProblem,
  assignment: Int32Array,
  { limit, everyDemand }: { limit: number; everyDemand: boolean },
): boolean => {
  const { n, m, dist, weights } = problem;
  for (let i = 0; i < n; i++) {
    if (!everyDemand && !((weights[i] as number) > 0)) continue;
    const k = assignment[i] as number;
    if (k < 0 || (dist[i * m + k] as number) > limit) return false;
  }
  return true;
};

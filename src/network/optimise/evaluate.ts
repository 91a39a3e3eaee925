import type { LocationModel } from '../../model/index.js';
import type { PreparedProblem } from './types.js';

export interface Evaluation {
  /** Per demand, the engine site it is served by, or -1 when unreachable. */
  assignment: Int32Array;
  objective: number;
  /** Weight of demand within the cover radius (covering models), else of reachable demand. */
  coveredWeight: number;
  /** Every positive-weight demand is served within the rules of the model (radius, capacity). */
  feasible: boolean;
}

/** Assigns every demand to its nearest open site (ties to the lower index). */
export const nearestAssignment = (problem: PreparedProblem, open: ArrayLike<number>): Int32Array => {
  const { n, m, dist, unreachable } = problem;
  const assignment = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let t = 0; t < open.length; t++) {
      const k = open[t] as number;
      const d = dist[i * m + k] as number;
      if (d < bestDistance || (d === bestDistance && k < best)) {
        bestDistance = d;
        best = k;
      }
    }
    assignment[i] = bestDistance >= unreachable ? -1 : best;
  }
  return assignment;
};

/**
 * The objective of a solution recomputed from scratch, the reference every engine is tested against.
 * For the capacitated model pass its assignment; the other models assign to the nearest open site.
 */
export const evaluate = (
  problem: PreparedProblem,
  model: LocationModel,
  open: ArrayLike<number>,
  { radius = 0, assignment: givenAssignment }: { radius?: number; assignment?: Int32Array | undefined } = {},
): Evaluation => {
  const { n, m, dist, weights, demands, capacities } = problem;
  const assignment = givenAssignment ?? nearestAssignment(problem, open);
  let sum = 0;
  let longest = 0;
  let covered = 0;
  let feasible = true;
  const isOpen = new Uint8Array(m);
  for (let t = 0; t < open.length; t++) isOpen[open[t] as number] = 1;
  const load = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const k = assignment[i] as number;
    if (k < 0 || isOpen[k] === 0) {
      // Demand no open site reaches stays unserved; only covering all or placing all makes that infeasible.
      if ((w > 0 && model === 'set-covering') || model === 'capacitated-p-median') feasible = false;
      continue;
    }
    const d = dist[i * m + k] as number;
    load[k] = (load[k] as number) + (demands[i] as number);
    sum += w * d;
    if (w > 0 && d > longest) longest = d;
    if (model === 'max-covering' || model === 'set-covering') {
      if (d <= radius) covered += w;
      else if (w > 0 && model === 'set-covering') feasible = false;
    } else {
      covered += w;
    }
  }
  if (model === 'capacitated-p-median') {
    for (let k = 0; k < m; k++) if ((load[k] as number) > (capacities[k] as number) + 1e-9) feasible = false;
  }
  const objective =
    model === 'max-covering'
      ? covered
      : model === 'set-covering'
        ? open.length
        : model === 'p-center'
          ? longest
          : sum;
  return { assignment, objective, coveredWeight: covered, feasible };
};

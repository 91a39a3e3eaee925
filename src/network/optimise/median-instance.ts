import type { MedianInstance } from './interchange.js';
import { sortRows } from './sorted.js';
import type { PreparedProblem } from './types.js';

/**
 * The rows of positive weight and their sites sorted by distance. Zero-weight rows cannot change any
 * objective and are left out. Every pair cost used below is non-decreasing in distance, so this one
 * order serves them all.
 */
export interface RowBase {
  rows: Int32Array;
  order: Int32Array;
}

export const rowBase = (problem: PreparedProblem): RowBase => {
  const { n, m, dist, weights } = problem;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if ((weights[i] as number) > 0) kept.push(i);
  const rows = Int32Array.from(kept);
  const sub = new Float64Array(rows.length * m);
  for (let r = 0; r < rows.length; r++)
    sub.set(dist.subarray((rows[r] as number) * m, (rows[r] as number) * m + m), r * m);
  return { rows, order: sortRows(sub, rows.length, m) };
};

/** A p-median engine instance whose cost per pair is `pairCost(weight, distance)`. */
export const medianInstance = (
  problem: PreparedProblem,
  base: RowBase,
  { p, pairCost }: { p: number; pairCost: (weight: number, distance: number) => number },
): MedianInstance => {
  const { m, dist, weights, fixed } = problem;
  const { rows } = base;
  const cost = new Float64Array(rows.length * m);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const w = weights[i] as number;
    for (let k = 0; k < m; k++) cost[r * m + k] = pairCost(w, dist[i * m + k] as number);
  }
  return { n: rows.length, m, cost, order: base.order, fixed, p };
};

export const weightedDistance = (weight: number, distance: number): number => weight * distance;

export const uncoveredWeight =
  (radius: number) =>
  (weight: number, distance: number): number =>
    distance <= radius ? 0 : weight;

/** Every demand counts once, whatever its weight: set covering and p-center must reach all of them. */
export const uncoveredCount =
  (radius: number) =>
  (_weight: number, distance: number): number =>
    distance <= radius ? 0 : 1;

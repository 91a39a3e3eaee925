import { sharesWithin, weightedQuantile } from './summary.js';

export interface ModeFigures {
  within: { minutes: number; share: number | null }[];
  medianMinutes: number | null;
  unreachableShare: number | null;
}

/**
 * A mode's figures over the residents of the cells: the share within each time, the median time with
 * those no unit reaches (Infinity) counted as beyond every time, and the share no unit reaches.
 */
export const modeFigures = (
  minutes: ArrayLike<number>,
  residents: ArrayLike<number>,
  thresholds: readonly number[],
): ModeFigures => {
  let total = 0;
  let unreachable = 0;
  for (let c = 0; c < minutes.length; c++) {
    const w = residents[c] as number;
    if (!(w > 0)) continue;
    total += w;
    if (!Number.isFinite(minutes[c] as number)) unreachable += w;
  }
  const reachable = total - unreachable;
  const shares = sharesWithin(minutes, residents, thresholds);
  // The median of all residents is the quantile of the reachable ones at half of all over those reached.
  const q = reachable > 0 ? (0.5 * total) / reachable : Number.POSITIVE_INFINITY;
  return {
    within: thresholds.map((m, k) => ({ minutes: m, share: shares[k] ?? null })),
    medianMinutes: q <= 1 ? weightedQuantile(minutes, residents, q) : null,
    unreachableShare: total > 0 ? unreachable / total : null,
  };
};

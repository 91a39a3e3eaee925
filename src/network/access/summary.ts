/**
 * Population-weighted summaries of travel times. Quantiles are those of the residents, not of the cells:
 * the q-quantile is the smallest time t such that residents with a time of at most t are at least q of all.
 */
export interface TimeSummary {
  /** Residents with a reachable unit. */
  population: number;
  /** Residents no unit reaches (Infinity); they are left out of mean and quantiles but not of shares. */
  unreachable: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export const weightedQuantile = (
  minutes: ArrayLike<number>,
  weights: ArrayLike<number>,
  q: number,
  order?: Int32Array,
): number | null => {
  const sorted = order ?? sortByTime(minutes);
  let total = 0;
  for (let k = 0; k < sorted.length; k++) {
    const c = sorted[k] as number;
    if (Number.isFinite(minutes[c] as number)) total += weights[c] as number;
  }
  if (total <= 0) return null;
  const target = q * total;
  let cumulative = 0;
  for (let k = 0; k < sorted.length; k++) {
    const c = sorted[k] as number;
    const t = minutes[c] as number;
    if (!Number.isFinite(t)) break;
    cumulative += weights[c] as number;
    // A tiny tolerance, so that summing many weights does not skip the exact quantile.
    if (cumulative >= target - 1e-9 * total && (weights[c] as number) > 0) return t;
  }
  return null;
};

/** Cell indices in order of travel time (Infinity last). */
export const sortByTime = (minutes: ArrayLike<number>): Int32Array => {
  const order = Int32Array.from({ length: minutes.length }, (_, i) => i);
  return order.sort((a, b) => (minutes[a] as number) - (minutes[b] as number) || a - b);
};

export const summariseTimes = (minutes: ArrayLike<number>, weights: ArrayLike<number>): TimeSummary => {
  let population = 0;
  let unreachable = 0;
  let weighted = 0;
  for (let c = 0; c < minutes.length; c++) {
    const w = weights[c] as number;
    const t = minutes[c] as number;
    if (Number.isFinite(t)) {
      population += w;
      weighted += w * t;
    } else unreachable += w;
  }
  const order = sortByTime(minutes);
  return {
    population,
    unreachable,
    mean: population > 0 ? weighted / population : null,
    median: weightedQuantile(minutes, weights, 0.5, order),
    p90: weightedQuantile(minutes, weights, 0.9, order),
  };
};

/** Of the residents (weights), the share whose time is at most each threshold; null with no residents. */
export const sharesWithin = (
  minutes: ArrayLike<number>,
  weights: ArrayLike<number>,
  thresholds: readonly number[],
): (number | null)[] => {
  let total = 0;
  const within = thresholds.map(() => 0);
  for (let c = 0; c < minutes.length; c++) {
    const w = weights[c] as number;
    total += w;
    const t = minutes[c] as number;
    thresholds.forEach((limit, k) => {
      if (t <= limit) within[k] = (within[k] as number) + w;
    });
  }
  return within.map((w) => (total > 0 ? w / total : null));
};

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
): number | null => weightedQuantiles(minutes, weights, [q])[0] ?? null;

/** Buckets of the histogram that finds the quantiles; only the cells of one bucket are ever sorted. */
const bucketCount = 4096;

/**
 * Several weighted quantiles in linear time: a histogram of the weights over the range of times finds
 * the bucket each quantile falls in, and only that bucket's cells are sorted to find the exact time.
 */
export const weightedQuantiles = (
  minutes: ArrayLike<number>,
  weights: ArrayLike<number>,
  qs: readonly number[],
): (number | null)[] => {
  const n = minutes.length;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let total = 0;
  for (let c = 0; c < n; c++) {
    const t = minutes[c] as number;
    const w = weights[c] as number;
    if (!Number.isFinite(t) || !(w > 0)) continue;
    total += w;
    if (t < low) low = t;
    if (t > high) high = t;
  }
  if (total <= 0) return qs.map(() => null);
  const scale = high > low ? (bucketCount - 1) / (high - low) : 0;
  const bucketOf = (t: number) => Math.floor((t - low) * scale);
  const histogram = new Float64Array(bucketCount);
  for (let c = 0; c < n; c++) {
    const t = minutes[c] as number;
    const w = weights[c] as number;
    if (Number.isFinite(t) && w > 0) histogram[bucketOf(t)] = (histogram[bucketOf(t)] as number) + w;
  }
  return qs.map((q) => {
    // A tiny tolerance, so that summing many weights does not skip the exact quantile.
    const target = q * total - 1e-9 * total;
    let before = 0;
    let bucket = 0;
    while (bucket < bucketCount - 1 && before + (histogram[bucket] as number) < target) {
      before += histogram[bucket] as number;
      bucket++;
    }
    const members: number[] = [];
    for (let c = 0; c < n; c++) {
      const t = minutes[c] as number;
      if (Number.isFinite(t) && (weights[c] as number) > 0 && bucketOf(t) === bucket) members.push(c);
    }
    members.sort((a, b) => (minutes[a] as number) - (minutes[b] as number) || a - b);
    let cumulative = before;
    for (const c of members) {
      cumulative += weights[c] as number;
      if (cumulative >= target) return minutes[c] as number;
    }
    return high;
  });
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
  const [median, p90] = weightedQuantiles(minutes, weights, [0.5, 0.9]);
  return {
    population,
    unreachable,
    mean: population > 0 ? weighted / population : null,
    median: median ?? null,
    p90: p90 ?? null,
  };
};

/** Of the residents (weights), the share whose time is at most each threshold; null with no residents. */
export const sharesWithin = (
  minutes: ArrayLike<number>,
  weights: ArrayLike<number>,
  thresholds: readonly number[],
): (number | null)[] => {
  let total = 0;
  const limits = Float64Array.from(thresholds);
  const within = new Float64Array(limits.length);
  for (let c = 0; c < minutes.length; c++) {
    const w = weights[c] as number;
    if (w === 0) continue;
    total += w;
    const t = minutes[c] as number;
    for (let k = 0; k < limits.length; k++)
      if (t <= (limits[k] as number)) within[k] = (within[k] as number) + w;
  }
  return Array.from(within, (w) => (total > 0 ? w / total : null));
};

/**
 * A quantile of days with its 95 % distribution-free interval, from a histogram of (days, count) pairs
 * sorted by days. The estimate is the order statistic of rank ⌈nq⌉; the interval runs between the order
 * statistics of ranks ⌊nq − 1.96·√(nq(1−q))⌋ and ⌈nq + 1.96·√(nq(1−q))⌉ + 1 (the binomial's normal
 * approximation), clamped to 1…n, so that it never claims more than the data hold.
 */
export const quantileWithInterval = (
  histogram: readonly (readonly [number, number])[],
  q: number,
): [number | null, number | null, number | null] => {
  const n = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return [null, null, null];
  const at = (rank: number): number => {
    const r = Math.max(1, Math.min(n, rank));
    let seen = 0;
    for (const [days, count] of histogram) {
      seen += count;
      if (seen >= r) return days;
    }
    return histogram.at(-1)?.[0] ?? 0;
  };
  const spread = 1.96 * Math.sqrt(n * q * (1 - q));
  return [at(Math.ceil(n * q)), at(Math.floor(n * q - spread)), at(Math.ceil(n * q + spread) + 1)];
};

/**
 * Controlled rounding by largest remainders: whole numbers that add up to `total` exactly and differ
 * from the expected values by less than one each. Ties go to the earlier position, so the result
 * never depends on anything but the input.
 */
export const apportionInto = (
  expected: Float64Array,
  total: number,
  out: Int32Array,
  outOffset = 0,
  remainders: Float64Array = new Float64Array(expected.length),
): void => {
  const n = expected.length;
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.max(0, expected[i] as number);
    const whole = Math.floor(x);
    out[outOffset + i] = whole;
    remainders[i] = x - whole;
    assigned += whole;
  }
  let left = total - assigned;
  if (left <= 0 || n === 0) {
    // Expected values that add up to more than the total (by floating error only) lose from the smallest remainders.
    for (let i = n - 1; left < 0 && i >= 0; i--) {
      const v = out[outOffset + i] as number;
      const take = Math.min(v, -left);
      out[outOffset + i] = v - take;
      left += take;
    }
    return;
  }
  if (left <= 8) {
    while (left > 0) {
      let best = 0;
      let bestRemainder = -1;
      for (let i = 0; i < n; i++) {
        const r = remainders[i] as number;
        if (r > bestRemainder) {
          bestRemainder = r;
          best = i;
        }
      }
      out[outOffset + best] = (out[outOffset + best] as number) + 1;
      remainders[best] = -2;
      left--;
    }
    return;
  }
  if (left >= n) {
    for (let k = 0; left > 0; k = (k + 1) % n, left--)
      out[outOffset + k] = (out[outOffset + k] as number) + 1;
    return;
  }
  // Largest remainders found by counting in buckets of 1/4096 instead of sorting: linear, and no
  // farther from the exact rule than remainders that differ by less than 1/4096.
  for (let i = 0; i < n; i++) {
    const b = Math.min(bucketCount - 1, Math.floor((remainders[i] as number) * bucketCount));
    buckets[b] = (buckets[b] as number) + 1;
  }
  let threshold = bucketCount - 1;
  let above = 0;
  while (threshold >= 0 && above + (buckets[threshold] as number) <= left) {
    above += buckets[threshold] as number;
    threshold--;
  }
  let fromThreshold = left - above;
  for (let i = 0; i < n; i++) {
    const b = Math.min(bucketCount - 1, Math.floor((remainders[i] as number) * bucketCount));
    if (b > threshold || (b === threshold && fromThreshold-- > 0))
      out[outOffset + i] = (out[outOffset + i] as number) + 1;
    // Leave the buckets empty for the next call: clearing only those used keeps this linear in n.
    buckets[b] = 0;
  }
};

const bucketCount = 4096;
const buckets = new Int32Array(bucketCount);

/** Rounds a stretch of values to whole numbers that add up to their rounded sum. */
export const roundPreservingSum = (values: Float64Array, from: number, to: number, out: Int32Array): void => {
  const part = values.subarray(from, to);
  let total = 0;
  for (let i = 0; i < part.length; i++) total += Math.max(0, part[i] as number);
  apportionInto(part, Math.round(total), out, from);
};

/**
 * Splits a whole number into whole parts proportional to weights, exactly (Hamilton's largest-remainder
 * method): each part gets the floor of its quota, and the units left over go to the largest
 * remainders, ties to the lower index so the result is deterministic.
 */
export const apportion = (total: number, weights: ArrayLike<number>): Int32Array => {
  const parts = new Int32Array(weights.length);
  let weightSum = 0;
  for (let i = 0; i < weights.length; i++) weightSum += Math.max(0, weights[i] ?? 0);
  if (total <= 0 || weightSum <= 0) return parts;
  const remainders: { index: number; remainder: number }[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const quota = (total * Math.max(0, weights[i] ?? 0)) / weightSum;
    const whole = Math.floor(quota);
    parts[i] = whole;
    given += whole;
    remainders.push({ index: i, remainder: quota - whole });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; k < total - given; k++) {
    const entry = remainders[k];
    if (entry) parts[entry.index] = (parts[entry.index] ?? 0) + 1;
  }
  return parts;
};

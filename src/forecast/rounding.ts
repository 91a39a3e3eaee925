/**
 * Controlled rounding by largest remainders: whole numbers that add up to `total` exactly and differ
 * from the expected values by less than one each. Ties go to the earlier position, so the result
 * never depends on anything but the input.
 */
export const apportionInto = (
  expected: Float64Array,
  total: number,
  {
    out,
    outOffset = 0,
    remainders = new Float64Array(expected.length),
  }: {
    /** Receives the whole numbers from `outOffset` on. */
    out: Int32Array;
    outOffset?: number;
    /** Scratch space of `expected.length`, for callers that round many times. */
    remainders?: Float64Array;
  },
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
export const roundPreservingSum = (
  values: Float64Array,
  { from, to, out }: { from: number; to: number; out: Int32Array },
): void => {
  const part = values.subarray(from, to);
  let total = 0;
  for (let i = 0; i < part.length; i++) total += Math.max(0, part[i] as number);
  apportionInto(part, Math.round(total), { out, outOffset: from });
};

/**
 * Whole numbers adding up to `total`, each within `cap[i]`, as near the expected values as largest
 * remainders allow. The caps are what a row of a table still has room for; when they bind, the
 * residents they turn away go first to rows below their expected value, then to any row with room.
 * The caps must leave room for the total.
 */
export const apportionCapped = (
  expected: Float64Array,
  total: number,
  {
    cap,
    out,
    capped = new Float64Array(expected.length),
    remainders = new Float64Array(expected.length),
  }: {
    cap: Int32Array;
    out: Int32Array;
    /** Scratch space of `expected.length`, for callers that round many times. */
    capped?: Float64Array;
    remainders?: Float64Array;
  },
): void => {
  const n = expected.length;
  for (let i = 0; i < n; i++) capped[i] = Math.min(Math.max(0, expected[i] as number), cap[i] as number);
  apportionInto(capped, total, { out, remainders });
  let excess = 0;
  for (let i = 0; i < n; i++) {
    const over = (out[i] as number) - (cap[i] as number);
    if (over > 0) {
      out[i] = cap[i] as number;
      excess += over;
    }
  }
  let progress = true;
  while (excess > 0 && progress) {
    progress = false;
    for (let i = 0; i < n && excess > 0; i++)
      if ((out[i] as number) < (cap[i] as number) && (out[i] as number) < (capped[i] as number)) {
        out[i] = (out[i] as number) + 1;
        excess--;
        progress = true;
      }
  }
  for (let i = 0; i < n && excess > 0; i++) {
    const room = Math.min(excess, (cap[i] as number) - (out[i] as number));
    if (room > 0) {
      out[i] = (out[i] as number) + room;
      excess -= room;
    }
  }
};

/**
 * Controlled rounding of a table: whole numbers with the given row and column totals (which must add
 * up to the same), each near rows × columns' expected value `expected(i, j)`. The expected values are
 * first balanced to the margins (a few rounds of iterative proportional fitting), so that a row
 * given more than its expected total finds its extra in the columns it already uses. Then columns
 * are rounded one by one within what each row still has room for, and the widest column takes what
 * the rows have left, so both margins hold exactly.
 *
 * `out` is rows × columns, row-major.
 */
export const roundTable = (
  rowTotals: Int32Array,
  columnTotals: ArrayLike<number>,
  { expected, out }: { expected: (row: number, column: number) => number; out: Int32Array },
): void => {
  const rows = rowTotals.length;
  const columns = columnTotals.length;
  const room = Int32Array.from(rowTotals);
  let widest = 0;
  for (let j = 1; j < columns; j++)
    if ((columnTotals[j] as number) > (columnTotals[widest] as number)) widest = j;
  const fitted = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++) fitted[i * columns + j] = Math.max(0, expected(i, j));
  const sums = new Float64Array(Math.max(rows, columns));
  for (let round = 0; round < fittingRounds; round++) {
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < columns; j++) sum += fitted[i * columns + j] as number;
      const factor = sum > 0 ? (rowTotals[i] as number) / sum : 0;
      for (let j = 0; j < columns; j++)
        fitted[i * columns + j] = (fitted[i * columns + j] as number) * factor;
    }
    if (round === fittingRounds - 1) break;
    sums.fill(0);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < columns; j++) sums[j] = (sums[j] as number) + (fitted[i * columns + j] as number);
    for (let j = 0; j < columns; j++) {
      const factor = (sums[j] as number) > 0 ? (columnTotals[j] as number) / (sums[j] as number) : 0;
      for (let i = 0; i < rows; i++) fitted[i * columns + j] = (fitted[i * columns + j] as number) * factor;
    }
  }
  const wanted = new Float64Array(rows);
  const part = new Int32Array(rows);
  const capped = new Float64Array(rows);
  const remainders = new Float64Array(rows);
  for (let j = 0; j < columns; j++) {
    if (j === widest) continue;
    const total = columnTotals[j] as number;
    if (total === 0) {
      for (let i = 0; i < rows; i++) out[i * columns + j] = 0;
      continue;
    }
    for (let i = 0; i < rows; i++) wanted[i] = fitted[i * columns + j] as number;
    apportionCapped(wanted, total, { cap: room, out: part, capped, remainders });
    for (let i = 0; i < rows; i++) {
      const v = part[i] as number;
      out[i * columns + j] = v;
      room[i] = (room[i] as number) - v;
    }
  }
  if (columns > 0) for (let i = 0; i < rows; i++) out[i * columns + widest] = room[i] as number;
};

/** Enough for expected values already near their margins; each round costs one pass over the table. */
const fittingRounds = 4;

import { ageCount, groupCount } from './layout.js';
import { apportionInto } from './rounding.js';

/** Cells' shares are kept by five-year age band and sex, which a 1 km cell can carry; single years cannot. */
export const bandOf = (g: number): number =>
  (g >= ageCount ? 21 : 0) + Math.min(20, Math.floor((g % ageCount) / 5));
export const bandCount = 42;

export interface CellStructure {
  /** Index of each cell's municipality among the projection's areas. */
  municipality: Int32Array;
  /** cells × bandCount: residents in the latest year with cell figures. */
  latest: Float64Array;
  /** cells × bandCount: residents `span` years earlier (equal to latest when only one year is known). */
  earlier: Float64Array;
  span: number;
}

/**
 * Spreads each municipality's projected residents over its cells. A cell keeps its share of the
 * municipality in each age band and sex, moved on by its own trend between the two observed years;
 * the trend is damped (half its slope after ten years) so that a growing suburb does not swallow its
 * municipality by 2045. The counts are whole and add up to the municipality's exactly, age by age.
 *
 * `municipal` holds areas × groupCount whole numbers; the answer holds cells × groupCount.
 */
export const distributeToCells = (
  municipal: Int32Array,
  cells: CellStructure,
  yearsAhead: number,
): Int32Array => {
  const cellCount = cells.municipality.length;
  const areaCount = municipal.length / groupCount;
  const out = new Int32Array(cellCount * groupCount);
  const horizon = cells.span > 0 ? yearsAhead / (1 + yearsAhead / 10) / cells.span : 0;
  // Cells grouped by municipality.
  const counts = new Int32Array(areaCount + 1);
  for (let c = 0; c < cellCount; c++) {
    const slot = (cells.municipality[c] as number) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let a = 0; a < areaCount; a++) counts[a + 1] = (counts[a + 1] as number) + (counts[a] as number);
  const order = new Int32Array(cellCount);
  const fill = counts.slice(0, areaCount);
  for (let c = 0; c < cellCount; c++) {
    const a = cells.municipality[c] as number;
    order[fill[a] as number] = c;
    fill[a] = (fill[a] as number) + 1;
  }
  let widest = 0;
  for (let a = 0; a < areaCount; a++)
    widest = Math.max(widest, (counts[a + 1] as number) - (counts[a] as number));
  const weight = new Float64Array(widest * bandCount);
  const totalWeight = new Float64Array(widest);
  const expected = new Float64Array(widest);
  const remainders = new Float64Array(widest);
  const local = new Int32Array(widest);
  const members = new Int32Array(widest * bandCount);
  const memberShares = new Float64Array(widest * bandCount);
  const memberStart = new Int32Array(bandCount + 1);
  for (let a = 0; a < areaCount; a++) {
    const start = counts[a] as number;
    const n = (counts[a + 1] as number) - start;
    if (n === 0) continue;
    const bandSums = new Float64Array(bandCount);
    for (let k = 0; k < n; k++) {
      const c = order[start + k] as number;
      let cellTotal = 0;
      for (let b = 0; b < bandCount; b++) {
        const now = cells.latest[c * bandCount + b] as number;
        const before = cells.earlier[c * bandCount + b] as number;
        const w = Math.max(0, now + (now - before) * horizon);
        weight[k * bandCount + b] = w;
        bandSums[b] = (bandSums[b] as number) + w;
        cellTotal += w;
      }
      totalWeight[k] = cellTotal;
    }
    let allWeight = 0;
    for (let k = 0; k < n; k++) allWeight += totalWeight[k] as number;
    // Each band's cells with a share of it, and their shares, worked out once for the municipality's
    // 202 ages and sexes; cells without any share get nobody and cost nothing.
    let filled = 0;
    for (let b = 0; b < bandCount; b++) {
      memberStart[b] = filled;
      const bandSum = bandSums[b] as number;
      for (let k = 0; k < n; k++) {
        const share =
          bandSum > 0
            ? (weight[k * bandCount + b] as number) / bandSum
            : allWeight > 0
              ? (totalWeight[k] as number) / allWeight
              : 1 / n;
        if (share > 0) {
          members[filled] = k;
          memberShares[filled] = share;
          filled++;
        }
      }
    }
    memberStart[bandCount] = filled;
    for (let g = 0; g < groupCount; g++) {
      const target = municipal[a * groupCount + g] as number;
      if (target === 0) continue;
      const b = bandOf(g);
      const from = memberStart[b] as number;
      const m = (memberStart[b + 1] as number) - from;
      const shares = expected.subarray(0, m);
      for (let j = 0; j < m; j++) shares[j] = target * (memberShares[from + j] as number);
      apportionInto(shares, target, local, 0, remainders);
      for (let j = 0; j < m; j++)
        out[(order[start + (members[from + j] as number)] as number) * groupCount + g] = local[j] as number;
    }
  }
  return out;
};

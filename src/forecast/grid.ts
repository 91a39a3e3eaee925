import { ageCount, groupCount } from './layout.js';
import { apportionInto, roundTable } from './rounding.js';

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

/** The groups (sex × single-year age) of each band. */
const bandGroups: number[][] = Array.from({ length: bandCount }, () => []);
for (let g = 0; g < groupCount; g++) bandGroups[bandOf(g)]?.push(g);

/**
 * Spreads each municipality's projected residents over its cells. A cell keeps its share of the
 * municipality in each age band and sex, moved on by its own trend between the two observed years;
 * the trend is damped (half its slope after ten years) so that a growing suburb does not swallow its
 * municipality by 2045. The counts are whole and add up to the municipality's exactly, age by age.
 *
 * The rounding goes from the whole to the parts: first each cell's total, then its residents by band,
 * then by single year within the band, each step a controlled rounding that keeps the totals above
 * it. Rounding every age × sex × cell at once would hand out fractions of a person 202 times per
 * cell, and a rural cell of three residents, all of whose expected values are small, would lose them
 * to the larger cells' remainders.
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
  const share = new Float64Array(widest * bandCount);
  const expectedTotal = new Float64Array(widest);
  const lived = new Uint8Array(widest);
  const remainders = new Float64Array(widest);
  const cellTotals = new Int32Array(widest);
  const byBand = new Int32Array(widest * bandCount);
  const bandTotals = new Float64Array(bandCount);
  const bandSums = new Float64Array(bandCount);
  for (let a = 0; a < areaCount; a++) {
    const start = counts[a] as number;
    const n = (counts[a + 1] as number) - start;
    if (n === 0) continue;
    bandSums.fill(0);
    bandTotals.fill(0);
    let total = 0;
    for (let g = 0; g < groupCount; g++) {
      const target = municipal[a * groupCount + g] as number;
      const b = bandOf(g);
      bandTotals[b] = (bandTotals[b] as number) + target;
      total += target;
    }
    if (total === 0) continue;
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
    lived.fill(0);
    // A band no cell has any weight in is spread like the cells' residents altogether, or evenly.
    for (let k = 0; k < n; k++) {
      let expected = 0;
      for (let b = 0; b < bandCount; b++) {
        const bandSum = bandSums[b] as number;
        const s =
          bandSum > 0
            ? (weight[k * bandCount + b] as number) / bandSum
            : allWeight > 0
              ? (totalWeight[k] as number) / allWeight
              : 1 / n;
        share[k * bandCount + b] = s;
        expected += s * (bandTotals[b] as number);
      }
      expectedTotal[k] = expected;
    }
    // A cell that is lived in stays lived in unless its own trend empties it: the houses remain when
    // their residents age out of the bands the cell's shares were read from. So each cell with any
    // expected residents keeps one, and the rest are rounded over what the cells expect beyond it.
    const rows = cellTotals.subarray(0, n);
    let kept = 0;
    let beyond = 0;
    for (let k = 0; k < n; k++)
      if ((expectedTotal[k] as number) > 0) {
        lived[k] = 1;
        kept++;
        beyond += Math.max(0, (expectedTotal[k] as number) - 1);
      }
    if (kept > 0 && kept <= total) {
      const scale = beyond > 0 ? (total - kept) / beyond : 0;
      for (let k = 0; k < n; k++) {
        const e = expectedTotal[k] as number;
        expectedTotal[k] = e > 0 ? Math.max(0, e - 1) * scale : 0;
      }
      apportionInto(expectedTotal.subarray(0, n), total - kept, { out: rows, remainders });
      for (let k = 0; k < n; k++) if (lived[k] === 1) rows[k] = (rows[k] as number) + 1;
    } else {
      // Fewer residents than lived-in cells: one each for the cells that expect the most.
      for (let k = 0; k < n; k++) expectedTotal[k] = Math.min(1, expectedTotal[k] as number);
      apportionInto(expectedTotal.subarray(0, n), total, { out: rows, remainders });
    }
    const cellBands = byBand.subarray(0, n * bandCount);
    roundTable(rows, bandTotals, {
      expected: (k, b) => (share[k * bandCount + b] as number) * (bandTotals[b] as number),
      out: cellBands,
    });
    for (let b = 0; b < bandCount; b++) {
      const bandTotal = bandTotals[b] as number;
      if (bandTotal === 0) continue;
      const groups = bandGroups[b] as number[];
      const holders: number[] = [];
      for (let k = 0; k < n; k++) if ((cellBands[k * bandCount + b] as number) > 0) holders.push(k);
      const holderTotals = Int32Array.from(holders, (k) => cellBands[k * bandCount + b] as number);
      const groupTotals = groups.map((g) => municipal[a * groupCount + g] as number);
      const ages = new Int32Array(holders.length * groups.length);
      roundTable(holderTotals, groupTotals, {
        expected: (i, j) => ((holderTotals[i] as number) * (groupTotals[j] as number)) / bandTotal,
        out: ages,
      });
      holders.forEach((k, i) => {
        const c = order[start + k] as number;
        groups.forEach((g, j) => {
          out[c * groupCount + g] = ages[i * groups.length + j] as number;
        });
      });
    }
  }
  return out;
};

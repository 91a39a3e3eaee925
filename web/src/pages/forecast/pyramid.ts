import type { DisclosedCount } from '../../../../src/model/index.js';

/** Men and women of one age or age band; either figure may be withheld or unknown. */
export interface PyramidRow {
  ageFrom: number;
  /** Inclusive; 100 stands for "100 and over". */
  ageTo: number;
  male: DisclosedCount;
  female: DisclosedCount;
}

export const oldestAge = 100;

/** Men and women as the chart series' first two colours; the recorded outline in the page's ink. */
export const pyramidColours = { male: '#0b5794', female: '#a34a00', outline: '#1b2631' } as const;

/**
 * A sum of figures. A sum with a withheld part is not known: it is not the sum of the known parts, which
 * would look like a real figure and understate it, nor "fewer than five", which it need not be.
 */
export const sumFigures = (figures: readonly DisclosedCount[]): DisclosedCount => {
  let total = 0;
  for (const figure of figures) {
    if (figure.value === null) return { value: null, suppressed: false };
    total += figure.value;
  }
  return { value: total, suppressed: false };
};

/** Single-year rows gathered into bands `width` years wide; 100+ stays a band of its own. */
export const bandRows = (rows: readonly PyramidRow[], width: number): PyramidRow[] => {
  if (width <= 1) return [...rows].sort((a, b) => a.ageFrom - b.ageFrom);
  const bands = new Map<number, PyramidRow[]>();
  for (const row of rows) {
    const start = row.ageFrom >= oldestAge ? oldestAge : Math.floor(row.ageFrom / width) * width;
    const band = bands.get(start) ?? [];
    band.push(row);
    bands.set(start, band);
  }
  return [...bands.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, band]) => ({
      ageFrom: start,
      ageTo: start >= oldestAge ? oldestAge : Math.min(start + width - 1, oldestAge - 1),
      male: sumFigures(band.map((row) => row.male)),
      female: sumFigures(band.map((row) => row.female)),
    }));
};

/** "0–4", "37" or "100+": the age or band as a reader writes it. */
export const ageLabel = ({ ageFrom, ageTo }: Pick<PyramidRow, 'ageFrom' | 'ageTo'>): string => {
  if (ageFrom >= oldestAge) return `${oldestAge}+`;
  return ageFrom === ageTo ? String(ageFrom) : `${ageFrom}–${ageTo}`;
};

/**
 * The largest figure of any year, so that the axis stays put while the years play and a growing
 * cohort is seen to grow.
 */
export const largestFigure = (years: Iterable<readonly PyramidRow[]>): number => {
  let largest = 0;
  for (const rows of years) {
    for (const { male, female } of rows) largest = Math.max(largest, male.value ?? 0, female.value ?? 0);
  }
  return largest;
};

export const totalsOf = (rows: readonly PyramidRow[]) => ({
  male: sumFigures(rows.map((row) => row.male)),
  female: sumFigures(rows.map((row) => row.female)),
});

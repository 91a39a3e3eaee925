import {
  type ForecastBacktest,
  type ForecastErrorRow,
  type ForecastHorizonError,
  type ForecastVariant,
  populationAgeGroups,
} from '../model/index.js';
import { historyAt, type PopulationHistory } from './estimate.js';
import { ageCount, groupCount } from './layout.js';
import { type Projection, projectVariant, yearSlice } from './projection.js';

const groupOfAge = Array.from({ length: ageCount }, (_, age) =>
  populationAgeGroups.findIndex((g) => age >= g.ageFrom && age <= g.ageTo),
);

interface Tally {
  errors: number;
  cells: number;
  projected: number;
  observed: number;
}

const newTally = (): Tally => ({ errors: 0, cells: 0, projected: 0, observed: 0 });

const mapeOf = (t: Tally) => (t.cells > 0 ? (100 * t.errors) / t.cells : null);
const totalErrorOf = (t: Tally) => (t.observed > 0 ? (100 * (t.projected - t.observed)) / t.observed : null);

/** The three projections compared: the product's, a constant population, the official one. */
const kinds = ['product', 'baseline', 'official'] as const;
type Kind = (typeof kinds)[number];

/** A tally per kind for one row (an age group, a municipality, a year…). */
type Tallies = Record<Kind, Tally>;
const newTallies = (): Tallies => ({ product: newTally(), baseline: newTally(), official: newTally() });

const row = (key: string, t: Tallies, withOfficial: boolean): ForecastErrorRow => ({
  key,
  mape: mapeOf(t.product),
  totalError: totalErrorOf(t.product),
  baselineMape: mapeOf(t.baseline),
  baselineTotalError: totalErrorOf(t.baseline),
  ...(withOfficial && { officialMape: mapeOf(t.official), officialTotalError: totalErrorOf(t.official) }),
});

export interface BacktestOptions {
  /** Statistics Finland's projection from the same base year, laid out in the history's areas. */
  official?: Projection | undefined;
}

/**
 * Projects from `fromYear` with the variant's assumptions, using only what was known then (the rates
 * come from the years up to fromYear), and compares every later observed year with the projection —
 * and, on the same cells and years, with a constant population (the base year's carried unchanged, the
 * naive forecast any method has to beat) and with the official projection when one is given. The error
 * cells are municipality × age group × sex × year, the age groups those of the population summaries; a
 * cell observed as zero has no percentage error and is left out. Totals' errors are those of the last
 * observed year; `byHorizon` gives them for each year ahead. The official projection counts only in
 * the years it covers.
 */
export const backtest = (
  history: PopulationHistory,
  variant: ForecastVariant,
  fromYear: number,
  options: BacktestOptions = {},
): ForecastBacktest => {
  const lastYear = history.years[history.years.length - 1] ?? fromYear;
  if (!history.years.includes(fromYear) || fromYear >= lastYear)
    throw new RangeError(`the backtest needs observed years before and after ${fromYear}`);
  const projection = projectVariant(history, {
    ...variant,
    assumptions: { ...variant.assumptions, baseYear: fromYear, toYear: lastYear },
  });
  const base = historyAt(history, history.years.indexOf(fromYear));
  const official = options.official;
  const areaCount = history.areaCodes.length;
  const groups = populationAgeGroups.length;
  const all = newTallies();
  const county = newTallies();
  const byGroup = populationAgeGroups.map(newTallies);
  const byArea = history.areaCodes.map(newTallies);
  const byHorizon: ForecastHorizonError[] = [];
  for (let year = fromYear + 1; year <= lastYear; year++) {
    const observed = historyAt(history, history.years.indexOf(year));
    const sources: Record<Kind, Float64Array | undefined> = {
      product: yearSlice(projection, year),
      baseline: base,
      official: official ? yearSlice(official, year) : undefined,
    };
    if (!sources.product) continue;
    const last = year === lastYear;
    const yearAll = newTallies();
    const yearGroups = populationAgeGroups.map(newTallies);
    for (let area = 0; area < areaCount; area++) {
      const o = new Float64Array(2 * groups);
      for (let g = 0; g < groupCount; g++) {
        const k = (g >= ageCount ? groups : 0) + (groupOfAge[g % ageCount] as number);
        o[k] = (o[k] as number) + (observed[area * groupCount + g] as number);
      }
      for (const kind of kinds) {
        const values = sources[kind];
        if (!values) continue;
        const p = new Float64Array(2 * groups);
        for (let g = 0; g < groupCount; g++) {
          const k = (g >= ageCount ? groups : 0) + (groupOfAge[g % ageCount] as number);
          p[k] = (p[k] as number) + (values[area * groupCount + g] as number);
        }
        for (let k = 0; k < 2 * groups; k++) {
          const pk = p[k] as number;
          const ok = o[k] as number;
          const rows = [all, byGroup[k % groups], byArea[area], yearAll, yearGroups[k % groups]];
          rows.forEach((tallies, r) => {
            if (!tallies) return;
            const t = tallies[kind];
            if (ok > 0) {
              t.errors += Math.abs(pk - ok) / ok;
              t.cells++;
            }
            // Totals: the last year for the whole run's rows, every year for the year's own.
            if (last || r >= 3) {
              t.projected += pk;
              t.observed += ok;
            }
          });
          if (last) {
            county[kind].projected += pk;
            county[kind].observed += ok;
          }
        }
      }
    }
    byHorizon.push({
      horizon: year - fromYear,
      year,
      all: row('all', yearAll, official !== undefined),
      byAgeGroup: populationAgeGroups.map((g, i) =>
        row(g.code, yearGroups[i] as Tallies, official !== undefined),
      ),
    });
  }
  const withOfficial = official !== undefined;
  return {
    variant: variant.name,
    fromYear,
    toYear: lastYear,
    mape: mapeOf(all.product),
    countyTotalError: totalErrorOf(county.product),
    byAgeGroup: populationAgeGroups.map((g, i) => row(g.code, byGroup[i] as Tallies, withOfficial)),
    byMunicipality: history.areaCodes.map((code, i) => row(code, byArea[i] as Tallies, withOfficial)),
    byHorizon,
    official: official ? { variant: official.variant.name, label: official.variant.label } : null,
    ...(projection.basis && { basis: projection.basis }),
  };
};

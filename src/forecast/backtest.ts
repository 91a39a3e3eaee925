import {
  type ForecastBacktest,
  type ForecastErrorRow,
  type ForecastVariant,
  populationAgeGroups,
} from '../model/index.js';
import { historyAt, type PopulationHistory } from './estimate.js';
import { ageCount, groupCount } from './layout.js';
import { projectVariant, yearSlice } from './projection.js';

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

const row = (key: string, tally: Tally): ForecastErrorRow => ({
  key,
  mape: tally.cells > 0 ? (100 * tally.errors) / tally.cells : null,
  totalError: tally.observed > 0 ? (100 * (tally.projected - tally.observed)) / tally.observed : null,
});

/**
 * Projects from `fromYear` with the variant's assumptions, using only what was known then (the rates
 * come from the years up to fromYear), and compares every later observed year with the projection.
 * The error cells are municipality × age group × sex × year, the age groups those of the population
 * summaries; a cell observed as zero has no percentage error and is left out. Totals' errors are
 * those of the last observed year.
 */
export const backtest = (
  history: PopulationHistory,
  variant: ForecastVariant,
  fromYear: number,
): ForecastBacktest => {
  const lastYear = history.years[history.years.length - 1] ?? fromYear;
  if (!history.years.includes(fromYear) || fromYear >= lastYear)
    throw new RangeError(`the backtest needs observed years before and after ${fromYear}`);
  const projection = projectVariant(history, {
    ...variant,
    assumptions: { ...variant.assumptions, baseYear: fromYear, toYear: lastYear },
  });
  const areaCount = history.areaCodes.length;
  const groups = populationAgeGroups.length;
  const all = newTally();
  const county = newTally();
  const byGroup = populationAgeGroups.map(newTally);
  const byArea = history.areaCodes.map(newTally);
  for (let year = fromYear + 1; year <= lastYear; year++) {
    const projected = yearSlice(projection, year);
    const observed = historyAt(history, history.years.indexOf(year));
    if (!projected) continue;
    const last = year === lastYear;
    for (let area = 0; area < areaCount; area++) {
      const p = new Float64Array(2 * groups);
      const o = new Float64Array(2 * groups);
      for (let g = 0; g < groupCount; g++) {
        const k = (g >= ageCount ? groups : 0) + (groupOfAge[g % ageCount] as number);
        p[k] = (p[k] as number) + (projected[area * groupCount + g] as number);
        o[k] = (o[k] as number) + (observed[area * groupCount + g] as number);
      }
      for (let k = 0; k < 2 * groups; k++) {
        const pk = p[k] as number;
        const ok = o[k] as number;
        const tallies = [all, byGroup[k % groups] as Tally, byArea[area] as Tally];
        for (const t of tallies) {
          if (ok > 0) {
            t.errors += Math.abs(pk - ok) / ok;
            t.cells++;
          }
          if (last) {
            t.projected += pk;
            t.observed += ok;
          }
        }
        if (last) {
          county.projected += pk;
          county.observed += ok;
        }
      }
    }
  }
  return {
    variant: variant.name,
    fromYear,
    toYear: lastYear,
    mape: row('all', all).mape,
    countyTotalError: row('county', county).totalError,
    byAgeGroup: populationAgeGroups.map((g, i) => row(g.code, byGroup[i] as Tally)),
    byMunicipality: history.areaCodes.map((code, i) => row(code, byArea[i] as Tally)),
  };
};

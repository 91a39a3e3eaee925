import { projectedCellDemand, projectedCounts } from '../../forecast/index.js';
import { gridCellCentre, isSoteatlasError, populationAgeGroups } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { ageGroupCount, type CellPopulation, type ClassDemand, type NetworkData } from './context-data.js';

/** Residents of a cell by age group, from a row of sex × single-year age (men first, ages 0–100). */
const ageCount = 101;

/**
 * The projected grid-cell population of a target year from the base forecast variant, or undefined when
 * there is no forecast for it (then the latest observed population is used, and the result says so).
 */
export const projectedCellPopulation = async (
  store: Store,
  year: number,
): Promise<{ cells: CellPopulation; note: string } | undefined> => {
  let projected: Awaited<ReturnType<typeof projectedCounts>>;
  try {
    projected = await projectedCounts(store, { year, level: 'gridCell' });
  } catch (error) {
    if (isSoteatlasError(error, 'notFound')) return undefined;
    throw error;
  }
  if (projected.observed) return undefined;
  const groupOfAge = Array.from({ length: ageCount }, (_, age) =>
    populationAgeGroups.findIndex((g) => age >= g.ageFrom && age <= g.ageTo),
  );
  const stride = 2 * ageCount;
  const codes: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const rows: number[] = [];
  projected.areaCodes.forEach((code, area) => {
    const centre = gridCellCentre(code);
    if (!centre) return;
    let total = 0;
    for (let g = 0; g < stride; g++) total += projected.counts[area * stride + g] as number;
    if (total <= 0) return;
    codes.push(code);
    xs.push(centre.x);
    ys.push(centre.y);
    rows.push(area);
  });
  const n = codes.length;
  const byAgeGroup = Array.from({ length: ageGroupCount }, () => new Float64Array(n));
  const total = new Float64Array(n);
  const aged75 = new Float64Array(n);
  const children = new Float64Array(n);
  rows.forEach((area, c) => {
    for (let g = 0; g < stride; g++) {
      const count = projected.counts[area * stride + g] as number;
      if (count === 0) continue;
      const age = g % ageCount;
      const group = byAgeGroup[groupOfAge[age] as number] as Float64Array;
      group[c] = (group[c] as number) + count;
      total[c] = (total[c] as number) + count;
      if (age >= 75) aged75[c] = (aged75[c] as number) + count;
      if (age <= 17) children[c] = (children[c] as number) + count;
    }
  });
  return {
    cells: { codes, x: Float64Array.from(xs), y: Float64Array.from(ys), total, aged75, children, byAgeGroup },
    note: `projected grid-cell population of ${year} (forecast variant "base")`,
  };
};

/**
 * Each class's projected demand by cell from the forecast (projectedCellDemand: the demand table's
 * municipal figures spread over cells), laid over the scenario's cells. Cells the scenario does not
 * carry (no projected residents) hold none of it. A class the forecast cannot project keeps rate ×
 * residents, and the note names it.
 */
export const withProjectedDemand = async (
  store: Store,
  { year, cells, classes }: { year: number; cells: CellPopulation; classes: ClassDemand[] },
): Promise<{ classes: ClassDemand[]; source: NetworkData['demandSource']; note: string }> => {
  const index = new Map(cells.codes.map((code, c) => [code, c]));
  const fallback: string[] = [];
  const out: ClassDemand[] = [];
  for (const demand of classes) {
    try {
      const projected = await projectedCellDemand(store, { year, serviceClass: demand.serviceClass.code });
      const aligned = new Float64Array(cells.codes.length);
      projected.cellCodes.forEach((code, i) => {
        const c = index.get(code);
        if (c !== undefined) aligned[c] = (aligned[c] as number) + (projected.demand[i] as number);
      });
      out.push({ ...demand, projected: aligned });
    } catch (error) {
      if (!isSoteatlasError(error, 'notFound')) throw error;
      fallback.push(demand.serviceClass.code);
      out.push(demand);
    }
  }
  if (fallback.length === classes.length)
    return {
      classes: out,
      source: 'useRates',
      note: `no projected demand for ${year}: use rates × projected residents`,
    };
  return {
    classes: out,
    source: 'forecastCellDemand',
    note:
      fallback.length > 0
        ? `projected demand by cell of ${year} (forecast variant "base"); use rates × residents for ${fallback.join(', ')}`
        : `projected demand by cell of ${year} (forecast variant "base"), as in the forecast's demand table`,
  };
};

import { type ForecastVariant, type ProjectedPopulationRow, SoteatlasError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { historyAt } from './estimate.js';
import { distributeToCells } from './grid.js';
import { cellHistory } from './grid-query.js';
import { ageCount, groupCount, sexes } from './layout.js';
import {
  cachedProjection,
  type ForecastContext,
  forecastContext,
  type Projection,
  remember,
  storeState,
  yearSlice,
} from './projection.js';
import { roundPreservingSum } from './rounding.js';
import { findStoredVariant } from './variants.js';

export type ProjectionLevel = 'municipality' | 'gridCell';

export interface ProjectedPopulationQuery {
  /** A variant's name or the variant itself; default "base". */
  variant?: string | ForecastVariant;
  year: number;
  /** Default municipality. */
  level?: ProjectionLevel;
}

/** Whole residents by area (rows) and group (sex × age, layout.ts), as typed arrays. */
export interface ProjectedCounts {
  year: number;
  level: ProjectionLevel;
  /** True when the year is observed, not projected. */
  observed: boolean;
  areaCodes: string[];
  /** Municipality of each area (itself at municipality level). */
  municipalityCodes: string[];
  /** areaCodes.length × groupCount. */
  counts: Int32Array;
}

const resolveVariant = async (store: Store, variant: string | ForecastVariant | undefined) => {
  if (typeof variant === 'object') return variant;
  const found = await findStoredVariant(store, variant ?? 'base');
  if (!found) throw new SoteatlasError('notFound', `no forecast variant "${variant}"`);
  return found;
};

/** The municipal figures of one year: observed up to the base year, projected after it. */
export const municipalValues = (
  context: ForecastContext,
  projection: Projection,
  year: number,
): { values: Float64Array; observed: boolean } | undefined => {
  const { history } = context;
  const observedIndex = history.years.indexOf(year);
  if (observedIndex >= 0 && (year <= projection.baseYear || projection.variant.kind === 'official')) {
    const projected = projection.variant.kind === 'official' ? yearSlice(projection, year) : undefined;
    if (!projected) return { values: historyAt(history, observedIndex), observed: true };
  }
  const values = yearSlice(projection, year);
  return values ? { values, observed: year <= projection.baseYear } : undefined;
};

/**
 * A variant's residents in a year by municipality or 1 km grid cell, single-year age and sex, as
 * whole numbers: each municipality's figures are rounded so that they keep its rounded total, and the
 * cells add up to their municipality exactly, age by age. Network scenarios read their target year
 * from here. Grid-cell counts are remembered with the store's state and shared: do not change them.
 */
export const projectedCounts = async (
  store: Store,
  query: ProjectedPopulationQuery,
): Promise<ProjectedCounts> => {
  const context = await forecastContext(store);
  if (!context) throw new SoteatlasError('notFound', 'the store holds no population by municipality');
  const variant = await resolveVariant(store, query.variant);
  const projection = await cachedProjection(store, context, variant);
  const found = municipalValues(context, projection, query.year);
  if (!found)
    throw new SoteatlasError('notFound', `variant "${variant.name}" has no figures for ${query.year}`);
  const areaCodes = context.history.areaCodes;
  const municipal = new Int32Array(areaCodes.length * groupCount);
  for (let area = 0; area < areaCodes.length; area++)
    roundPreservingSum(found.values, {
      from: area * groupCount,
      to: (area + 1) * groupCount,
      out: municipal,
    });
  const level = query.level ?? 'municipality';
  if (level === 'municipality')
    return {
      year: query.year,
      level,
      observed: found.observed,
      areaCodes,
      municipalityCodes: areaCodes,
      counts: municipal,
    };
  const cells = await cellHistory(store, context);
  if (!cells) throw new SoteatlasError('notFound', 'the store holds no population by grid cell');
  // The spread is the costly part and a scenario asks for the same year again for its demand.
  const counts = await remember(
    `cellCounts|${await storeState(store)}|${JSON.stringify(variant)}|${query.year}`,
    async () => distributeToCells(municipal, cells, Math.max(0, query.year - cells.year)),
  );
  return {
    year: query.year,
    level,
    observed: found.observed,
    areaCodes: cells.cellCodes,
    municipalityCodes: Array.from(cells.municipality, (a) => areaCodes[a] ?? ''),
    counts,
  };
};

/** projectedCounts as rows of area × age × sex × count, zeros left out. */
export const projectedPopulation = async (
  store: Store,
  query: ProjectedPopulationQuery,
): Promise<ProjectedPopulationRow[]> => {
  const { areaCodes, counts } = await projectedCounts(store, query);
  const rows: ProjectedPopulationRow[] = [];
  areaCodes.forEach((areaCode, area) => {
    for (let g = 0; g < groupCount; g++) {
      const count = counts[area * groupCount + g] as number;
      if (count > 0)
        rows.push({ areaCode, age: g % ageCount, sex: sexes[Math.floor(g / ageCount)] ?? 'male', count });
    }
  });
  return rows;
};

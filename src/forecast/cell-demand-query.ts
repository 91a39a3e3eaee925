import { type ForecastVariant, SoteatlasError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { distributeDemandToCells } from './cell-demand.js';
import { projectDemand } from './demand.js';
import { demandBase } from './demand-query.js';
import { municipalValues, projectedCounts } from './projected-population.js';
import {
  cachedProjection,
  type ForecastContext,
  forecastContext,
  remember,
  storeState,
} from './projection.js';
import { findStoredVariant } from './variants.js';

export interface CellDemandQuery {
  /** A variant's name or the variant itself; default "base". */
  variant?: string | ForecastVariant;
  year: number;
  serviceClass: string;
}

/** Demand for one service class in a year by 1 km cell, in the class's own volume (visits, care days). */
export interface CellDemand {
  serviceClass: string;
  year: number;
  /** The base year of the use rates (the latest year with events). */
  baseYear: number;
  cellCodes: string[];
  municipalityCodes: string[];
  /** By cell, in the order of cellCodes; a municipality's cells add up to its demand for the class. */
  demand: Float64Array;
  /** The municipalities' demand for the class by code, which the cells add up to. */
  municipalDemand: Map<string, number>;
}

/**
 * What a network scenario's target year asks of the units: the projected demand for every class by
 * cell, from the cells' projected residents (projectedCounts at grid-cell level) and the same use
 * rates, trend and shifts as the demand table, so that the cells of a municipality add up to its
 * demand. One projection and one spread serve all classes, and they are remembered with the store's
 * state, the variant and the year. The arrays are shared: read them, do not change them.
 */
export const projectedCellDemandByClass = async (
  store: Store,
  query: Omit<CellDemandQuery, 'serviceClass'>,
): Promise<Map<string, CellDemand>> => {
  const context = await forecastContext(store);
  if (!context) throw new SoteatlasError('notFound', 'the store holds no population by municipality');
  const variant =
    typeof query.variant === 'object'
      ? query.variant
      : await findStoredVariant(store, query.variant ?? 'base');
  if (!variant) throw new SoteatlasError('notFound', `no forecast variant "${String(query.variant)}"`);
  const state = await storeState(store);
  return remember(`cellDemand|${state}|${JSON.stringify(variant)}|${query.year}`, () =>
    spreadDemand(store, context, { variant, year: query.year }),
  );
};

const spreadDemand = async (
  store: Store,
  context: ForecastContext,
  { variant, year }: { variant: ForecastVariant; year: number },
): Promise<Map<string, CellDemand>> => {
  const base = await demandBase(store, context);
  if (!base) throw new SoteatlasError('notFound', 'the store holds no events to estimate use from');
  const projection = await cachedProjection(store, context, variant);
  const found = municipalValues(context, projection, year);
  if (!found) throw new SoteatlasError('notFound', `variant "${variant.name}" has no figures for ${year}`);
  const { assumptions } = variant;
  const municipal = projectDemand(base.use, found.values, {
    year,
    assumptions: assumptions.demand,
    shiftYear: assumptions.toYear,
  });
  const cells = await projectedCounts(store, { variant, year, level: 'gridCell' });
  const areaIndex = new Map(context.history.areaCodes.map((code, i) => [code, i]));
  const cellMunicipality = Int32Array.from(cells.municipalityCodes, (code) => areaIndex.get(code) ?? 0);
  const all = distributeDemandToCells(base.use, {
    cellPopulation: cells.counts,
    cellMunicipality,
    municipalDemand: municipal,
    year,
    assumptions: assumptions.demand,
    shiftYear: assumptions.toYear,
  });
  const cellCount = cells.areaCodes.length;
  const areaCount = context.history.areaCodes.length;
  return new Map(
    base.use.classes.map((serviceClass, c) => [
      serviceClass,
      {
        serviceClass,
        year,
        baseYear: base.use.year,
        cellCodes: cells.areaCodes,
        municipalityCodes: cells.municipalityCodes,
        demand: all.subarray(c * cellCount, (c + 1) * cellCount),
        municipalDemand: new Map(
          context.history.areaCodes.map((code, area) => [code, municipal[c * areaCount + area] as number]),
        ),
      },
    ]),
  );
};

/** One class of projectedCellDemandByClass. */
export const projectedCellDemand = async (store: Store, query: CellDemandQuery): Promise<CellDemand> => {
  const byClass = await projectedCellDemandByClass(store, query);
  const found = byClass.get(query.serviceClass);
  if (!found) throw new SoteatlasError('notFound', `no service class "${query.serviceClass}"`);
  return found;
};

import type { ForecastBasis, ForecastVariant } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type CohortProjection, projectCohorts } from './cohort.js';
import { estimateRates, historyAt, type PopulationHistory } from './estimate.js';
import { type ForecastGeography, loadGeography, loadPopulationHistory } from './history-query.js';
import { groupCount, groupIndex } from './layout.js';

/**
 * One variant's population by municipality, year, sex and age: the observed base year first, then
 * each projected year. Official variants hold the imported figures for the years they cover.
 */
export interface Projection {
  variant: ForecastVariant;
  baseYear: number;
  years: number[];
  areaCodes: string[];
  /** years × areas × groupCount. */
  population: Float64Array;
  /** Components by (year index − 1) × areas; empty for official variants. */
  components: Pick<CohortProjection, 'births' | 'deaths' | 'netMigration'> | undefined;
  /** What the rates rest on; undefined for official variants. */
  basis?: ForecastBasis;
}

export interface ForecastContext {
  geography: ForecastGeography;
  history: PopulationHistory;
}

export const yearSlice = (projection: Projection, year: number): Float64Array | undefined => {
  const index = projection.years.indexOf(year);
  if (index < 0) return undefined;
  const size = projection.areaCodes.length * groupCount;
  return projection.population.subarray(index * size, (index + 1) * size);
};

/** Projects an estimated variant from the history; the base year is the variant's or the latest observed. */
export const projectVariant = (history: PopulationHistory, variant: ForecastVariant): Projection => {
  const latest = history.years[history.years.length - 1] ?? 0;
  const baseYear = Math.min(variant.assumptions.baseYear ?? latest, latest);
  const baseIndex = history.years.indexOf(baseYear);
  if (baseIndex < 0) throw new RangeError(`no population for the base year ${baseYear}`);
  const steps = Math.max(0, variant.assumptions.toYear - baseYear);
  const { rates, basis } = estimateRates(history, baseIndex, variant.assumptions);
  const result = projectCohorts(historyAt(history, baseIndex).slice(), rates, steps);
  return {
    variant,
    baseYear,
    years: Array.from({ length: steps + 1 }, (_, i) => baseYear + i),
    areaCodes: history.areaCodes,
    population: result.population,
    components: result,
    basis,
  };
};

/** An official (imported) variant laid out like a projection, in the areas of the geography. */
export const officialProjection = async (
  store: Store,
  context: ForecastContext,
  variant: ForecastVariant,
): Promise<Projection> => {
  const rows = await store.all<{ code: string; year: number; age: number; sex: string; count: number }>(
    `SELECT area_code AS code, year, age, sex, count FROM forecast_official_population WHERE variant = $name`,
    { name: variant.name },
  );
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const { areaCodes } = context.history;
  const areaIndex = new Map(areaCodes.map((c, i) => [c, i]));
  const size = areaCodes.length * groupCount;
  const population = new Float64Array(years.length * size);
  for (const row of rows) {
    const code = areaIndex.has(row.code) ? row.code : context.geography.successorOf.get(row.code);
    const area = code === undefined ? undefined : areaIndex.get(code);
    const y = yearIndex.get(row.year);
    if (area === undefined || y === undefined) continue;
    const i = y * size + area * groupCount + groupIndex(row.sex === 'female' ? 'female' : 'male', row.age);
    population[i] = (population[i] as number) + row.count;
  }
  return {
    variant,
    baseYear: (years[0] ?? context.geography.year) - 1,
    years,
    areaCodes,
    population,
    components: undefined,
  };
};

interface CacheEntry {
  key: string;
  value: Promise<unknown>;
}

/**
 * Projections by store state and variant, so that a page asking for a pyramid year after year does
 * not re-estimate. The state is the imports and saved variants: any new import or save changes it.
 */
const cache: CacheEntry[] = [];
const cacheLimit = 12;

export const remember = <T>(key: string, make: () => Promise<T>): Promise<T> => {
  const hit = cache.find((entry) => entry.key === key);
  if (hit) return hit.value as Promise<T>;
  const value = make();
  cache.unshift({ key, value });
  if (cache.length > cacheLimit) cache.pop();
  value.catch(() => {
    const i = cache.findIndex((entry) => entry.value === value);
    if (i >= 0) cache.splice(i, 1);
  });
  return value;
};

const storeIds = new WeakMap<Store, number>();
let nextStoreId = 1;

export const storeState = async (store: Store): Promise<string> => {
  let id = storeIds.get(store);
  if (id === undefined) {
    id = nextStoreId++;
    storeIds.set(store, id);
  }
  const [row] = await store.all<{
    imports: number;
    last: number | null;
    official: number;
    saved: string | null;
  }>(
    `SELECT (SELECT count(*) FROM imports) AS imports, (SELECT max(import_id) FROM imports) AS last,
      (SELECT count(*) FROM forecast_official_population) AS official,
      (SELECT max(saved_at)::VARCHAR FROM forecast_variants) AS saved`,
  );
  return `${id}:${row?.imports}:${row?.last}:${row?.official}:${row?.saved}`;
};

/** The geography and population history, or undefined when the store holds no municipal population. */
export const forecastContext = async (store: Store): Promise<ForecastContext | undefined> => {
  const state = await storeState(store);
  return remember(`context|${state}`, async () => {
    const geography = await loadGeography(store);
    if (!geography) return undefined;
    return { geography, history: await loadPopulationHistory(store, geography) };
  });
};

export const cachedProjection = async (
  store: Store,
  context: ForecastContext,
  variant: ForecastVariant,
): Promise<Projection> => {
  const state = await storeState(store);
  return remember(`projection|${state}|${JSON.stringify(variant)}`, async () =>
    variant.kind === 'official'
      ? officialProjection(store, context, variant)
      : projectVariant(context.history, variant),
  );
};

/** Empties the cache (tests, and a store that was changed behind the API's back). */
export const forgetProjections = (): void => {
  cache.length = 0;
};

import type {
  AreaLevel,
  ForecastDemand,
  ForecastDemandRow,
  ForecastUnitGapRow,
  ForecastVariant,
} from '../model/index.js';
import { listServiceClasses, listUnits, type Store } from '../store/index.js';
import { estimateUse, projectDemand, type UseBase } from './demand.js';
import { historyAt } from './estimate.js';
import { addAt, groupCount, groupIndex } from './layout.js';
import { municipalValues } from './projected-population.js';
import { cachedProjection, type ForecastContext, remember, storeState } from './projection.js';
import { loadVolumePerFte } from './staffing.js';

export interface UseData {
  use: UseBase;
  eventKinds: Map<string, string>;
  /** Volume in the base year by unit and class: by the residents' municipality index. */
  unitVolumes: Map<string, Map<string, Float64Array>>;
}

/** The base year of demand: the latest year with events (and population), with its volumes. */
const loadUse = async (store: Store, context: ForecastContext): Promise<UseData | undefined> => {
  const [latest] = await store.all<{ year: number | null }>(
    `SELECT max(year(event_date)) AS year FROM events`,
  );
  const { history, geography } = context;
  const lastObserved = history.years[history.years.length - 1] ?? 0;
  const year = Math.min(latest?.year ?? Number.NaN, lastObserved);
  if (!Number.isFinite(year) || history.years.indexOf(year) < 0) return undefined;
  const classes = (await listServiceClasses(store)).map((c) => ({ code: c.code, kind: c.eventKind }));
  const classIndex = new Map(classes.map((c, i) => [c.code, i]));
  const areaIndex = new Map(history.areaCodes.map((c, i) => [c, i]));
  const areaOf = (code: string) =>
    areaIndex.get(code) ?? areaIndex.get(geography.successorOf.get(code) ?? '');
  const areaCount = history.areaCodes.length;
  const volume = new Float64Array(classes.length * areaCount * groupCount);
  const rows = await store.all<{ cls: string; code: string; age: number; sex: string; volume: number }>(
    `SELECT service_class AS cls, municipality_code AS code, least(age, 100) AS age, sex, sum(quantity) AS volume
     FROM events WHERE event_date >= make_date($year::INTEGER, 1, 1) AND event_date <= make_date($year::INTEGER, 12, 31)
     GROUP BY ALL`,
    { year },
  );
  for (const row of rows) {
    const c = classIndex.get(row.cls);
    const area = areaOf(row.code);
    if (c === undefined || area === undefined) continue;
    addAt(
      volume,
      (c * areaCount + area) * groupCount + groupIndex(row.sex === 'female' ? 'female' : 'male', row.age),
      row.volume,
    );
  }
  const use = estimateUse({
    year,
    classes: classes.map((c) => c.code),
    population: historyAt(history, history.years.indexOf(year)),
    volume,
  });
  const unitRows = await store.all<{ unit: string; cls: string; code: string; volume: number }>(
    `SELECT unit_code AS unit, service_class AS cls, municipality_code AS code, sum(quantity) AS volume
     FROM events WHERE unit_code IS NOT NULL
       AND event_date >= make_date($year::INTEGER, 1, 1) AND event_date <= make_date($year::INTEGER, 12, 31)
     GROUP BY ALL`,
    { year },
  );
  const unitVolumes = new Map<string, Map<string, Float64Array>>();
  for (const row of unitRows) {
    const area = areaOf(row.code);
    if (area === undefined) continue;
    const byClass = unitVolumes.get(row.unit) ?? new Map<string, Float64Array>();
    unitVolumes.set(row.unit, byClass);
    const byArea = byClass.get(row.cls) ?? new Float64Array(areaCount);
    byClass.set(row.cls, byArea);
    addAt(byArea, area, row.volume);
  }
  return { use, eventKinds: new Map(classes.map((c) => [c.code, c.kind])), unitVolumes };
};

/** The base year's use by class and area, remembered with the store's state; undefined without events. */
export const demandBase = async (store: Store, context: ForecastContext): Promise<UseData | undefined> =>
  remember(`use|${await storeState(store)}`, () => loadUse(store, context));

export interface DemandQuery {
  variant: ForecastVariant;
  areaLevel: AreaLevel;
  areaCode: string;
  year: number;
  /** Keep only these units (a producer's own). */
  unitFilter?: (unit: { producerCode: string }) => boolean;
}

const sumOf = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

/**
 * Demand and capacity for the residents and units of a municipality or the county in a year. A unit's
 * demand is its base-year share of each municipality's demand for the class (its catchment) applied
 * to that municipality's projected demand; its capacity for a class is its yearly capacity (places ×
 * 365 as care days) split over its classes by the base year's volumes. An area's capacity is its
 * units'; it is null for a class no unit in the area offers, since the residents are then served
 * elsewhere and a "gap" would only say so.
 */
export const demandTable = async (
  store: Store,
  context: ForecastContext,
  query: DemandQuery,
): Promise<ForecastDemand | undefined> => {
  const data = await demandBase(store, context);
  const { history, geography } = context;
  const areaCount = history.areaCodes.length;
  const projection = await cachedProjection(store, context, query.variant);
  const found = municipalValues(context, projection, query.year);
  if (!found) return undefined;
  const inArea = history.areaCodes.map((code, i) => {
    if (query.areaLevel === 'municipality') return code === query.areaCode;
    if (query.areaLevel === 'county' || query.areaLevel === 'country')
      return (
        query.areaLevel === 'country' ||
        (geography.municipalities[i]?.countyCode ?? query.areaCode) === query.areaCode
      );
    return false;
  });
  if (!inArea.some(Boolean)) return undefined;
  // Without events there is no use to project: an empty table, not a missing one.
  if (!data) {
    const { areaLevel, areaCode, year } = query;
    return {
      areaLevel,
      areaCode,
      year,
      variant: query.variant.name,
      baseYear: projection.baseYear,
      rows: [],
      units: [],
    };
  }
  const { use } = data;
  const shiftYear = query.variant.assumptions.toYear;
  const demand = projectDemand(use, found.values, {
    year: query.year,
    assumptions: query.variant.assumptions.demand,
    shiftYear,
  });
  const volumePerFte = loadVolumePerFte();
  const areaCodeIndex = new Map(history.areaCodes.map((c, i) => [c, i]));

  const units = (await listUnits(store, { year: query.year })).filter(
    (u) =>
      inArea[
        areaCodeIndex.get(u.municipalityCode) ??
          areaCodeIndex.get(geography.successorOf.get(u.municipalityCode) ?? '') ??
          -1
      ],
  );
  const capacityByClass = new Map<string, number>();
  const unitRows: ForecastUnitGapRow[] = [];
  for (const unit of units) {
    const byClass = data.unitVolumes.get(unit.code);
    const unitTotal = [...(byClass?.values() ?? [])].reduce((s, a) => s + sumOf(a), 0);
    const yearly = unit.capacityPerYear * (unit.capacityUnit === 'places' ? 365 : 1);
    for (const cls of unit.serviceClasses) {
      const c = use.classes.indexOf(cls);
      if (c < 0) continue;
      const catchment = byClass?.get(cls);
      const baseVolume = catchment ? sumOf(catchment) : 0;
      const capacity =
        unitTotal > 0 ? (yearly * baseVolume) / unitTotal : yearly / unit.serviceClasses.length;
      capacityByClass.set(cls, (capacityByClass.get(cls) ?? 0) + capacity);
      let unitDemand = 0;
      for (let area = 0; area < areaCount && catchment; area++) {
        const areaVolume = use.volumes[c * areaCount + area] as number;
        if (areaVolume > 0)
          unitDemand += ((catchment[area] as number) / areaVolume) * (demand[c * areaCount + area] as number);
      }
      if (query.unitFilter && !query.unitFilter(unit)) continue;
      unitRows.push({
        unitCode: unit.code,
        unitName: unit.name,
        municipalityCode: unit.municipalityCode,
        serviceClass: cls,
        baseVolume,
        demand: unitDemand,
        capacity,
        gap: unitDemand - capacity,
      });
    }
  }
  const rows: ForecastDemandRow[] = use.classes.map((cls, c) => {
    let base = 0;
    let projected = 0;
    for (let area = 0; area < areaCount; area++) {
      if (!inArea[area]) continue;
      base += use.volumes[c * areaCount + area] as number;
      projected += demand[c * areaCount + area] as number;
    }
    const capacity = capacityByClass.get(cls) ?? null;
    const gap = capacity === null ? null : projected - capacity;
    const perFte = volumePerFte(cls);
    return {
      serviceClass: cls,
      eventKind: data.eventKinds.get(cls) ?? 'visit',
      baseVolume: base,
      demand: projected,
      capacity,
      gap,
      fte: projected / perFte,
      fteGap: gap === null ? null : gap / perFte,
    };
  });
  return {
    areaLevel: query.areaLevel,
    areaCode: query.areaCode,
    variant: query.variant.name,
    year: query.year,
    baseYear: use.year,
    rows,
    units: unitRows,
  };
};

import { gridCellCentre, populationAgeGroups, type ServiceClass } from '../../model/index.js';
import { listServiceClasses, listUnits, type Store } from '../../store/index.js';
import {
  ageGroupCount,
  type BaseUnit,
  type CellPopulation,
  type ClassDemand,
  cellPopulationOf,
  type NetworkData,
} from './context-data.js';
import { gridFiguresYear, loadGridCells } from './grid-cells-load.js';
import { projectedCellPopulation, withProjectedDemand } from './population.js';

const ageGroupCase = (column: string): string =>
  `CASE ${populationAgeGroups
    .map((g, rank) => `WHEN ${column} BETWEEN ${g.ageFrom} AND ${g.ageTo} THEN ${rank}`)
    .join(' ')} END`;

/** The latest year with grid-cell population at or before `year` (or the earliest after it). */
const cellPopulationYear = async (store: Store, year: number): Promise<number | undefined> => {
  const [row] = await store.all<{ year: number | null }>(
    `SELECT coalesce(
       (SELECT max(year) FROM population WHERE area_level = 'gridCell' AND year <= $year),
       (SELECT min(year) FROM population WHERE area_level = 'gridCell')) AS year`,
    { year },
  );
  return row?.year ?? undefined;
};

export const loadCells = async (store: Store, year: number): Promise<CellPopulation> => {
  const rows = await store.all<{ code: string; x: number | null; y: number | null; g: number; n: number }>(
    `SELECT p.area_code AS code, any_value(a.x) AS x, any_value(a.y) AS y, ${ageGroupCase('p.age')} AS g,
       sum(p.count)::DOUBLE AS n
     FROM population p
     LEFT JOIN areas a ON a.level = 'gridCell' AND a.code = p.area_code
     WHERE p.area_level = 'gridCell' AND p.year = $year AND p.count > 0
     GROUP BY p.area_code, g
     ORDER BY p.area_code`,
    { year },
  );
  const index = new Map<string, number>();
  const codes: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const row of rows) {
    if (index.has(row.code)) continue;
    const centre = row.x !== null && row.y !== null ? { x: row.x, y: row.y } : gridCellCentre(row.code);
    if (!centre) continue;
    index.set(row.code, codes.length);
    codes.push(row.code);
    xs.push(centre.x);
    ys.push(centre.y);
  }
  const n = codes.length;
  const byAgeGroup = Array.from({ length: ageGroupCount }, () => new Float64Array(n));
  for (const row of rows) {
    const c = index.get(row.code);
    if (c === undefined) continue;
    (byAgeGroup[row.g] as Float64Array)[c] = ((byAgeGroup[row.g] as Float64Array)[c] as number) + row.n;
  }
  return cellPopulationOf(codes, Float64Array.from(xs), Float64Array.from(ys), byAgeGroup);
};

/**
 * Use rates per resident by age group, from the latest year with events: each class's events (quantity)
 * divided by the residents of that age group in the county that year. Rates come from the whole county
 * because cells are too small to carry their own.
 */
export const loadClassDemand = async (store: Store, classes: ServiceClass[]): Promise<ClassDemand[]> => {
  const [latest] = await store.all<{ year: number | null }>(
    `SELECT max(year(event_date)) AS year FROM events`,
  );
  const year = latest?.year;
  const rates = new Map<string, number[]>();
  const inPerson = new Map<string, { inPerson: number; all: number }>();
  if (year !== null && year !== undefined) {
    const residents = await store.all<{ g: number; n: number }>(
      `WITH lvl AS (
         SELECT area_level FROM population WHERE year = $year
         GROUP BY area_level ORDER BY CASE area_level WHEN 'municipality' THEN 0 WHEN 'gridCell' THEN 1 ELSE 2 END
         LIMIT 1)
       SELECT ${ageGroupCase('age')} AS g, sum(count)::DOUBLE AS n
       FROM population WHERE year = $year AND area_level = (SELECT area_level FROM lvl)
       GROUP BY g`,
      { year },
    );
    const residentsByGroup = new Array<number>(ageGroupCount).fill(0);
    for (const row of residents) residentsByGroup[row.g] = row.n;
    const events = await store.all<{ serviceClass: string; g: number; all: number; inPerson: number }>(
      `SELECT service_class AS "serviceClass", ${ageGroupCase('age')} AS g, sum(quantity)::DOUBLE AS all,
         coalesce(sum(quantity) FILTER (WHERE channel = 'inPerson'), 0)::DOUBLE AS "inPerson"
       FROM events WHERE year(event_date) = $year GROUP BY ALL`,
      { year },
    );
    for (const row of events) {
      const rate = rates.get(row.serviceClass) ?? new Array<number>(ageGroupCount).fill(0);
      const residentsOfGroup = residentsByGroup[row.g] ?? 0;
      rate[row.g] = residentsOfGroup > 0 ? row.all / residentsOfGroup : 0;
      rates.set(row.serviceClass, rate);
      const share = inPerson.get(row.serviceClass) ?? { inPerson: 0, all: 0 };
      share.inPerson += row.inPerson;
      share.all += row.all;
      inPerson.set(row.serviceClass, share);
    }
  }
  return classes.map((serviceClass) => {
    const share = inPerson.get(serviceClass.code);
    return {
      serviceClass,
      ratePerResident: rates.get(serviceClass.code) ?? new Array<number>(ageGroupCount).fill(0),
      inPersonShare: share && share.all > 0 ? share.inPerson / share.all : 1,
    };
  });
};

/**
 * The units open in the base year. A unit's capacity is split over its classes by the in-person events
 * it recorded for each in the latest event year, or evenly when it recorded none.
 */
export const loadBaseUnits = async (
  store: Store,
  baseYear: number,
  classes: ServiceClass[],
): Promise<BaseUnit[]> => {
  const units = await listUnits(store, { year: baseYear });
  const recorded = await store.all<{ unitCode: string; serviceClass: string; volume: number }>(
    `SELECT unit_code AS "unitCode", service_class AS "serviceClass", sum(quantity)::DOUBLE AS volume
     FROM events
     WHERE unit_code IS NOT NULL AND channel = 'inPerson'
       AND year(event_date) = (SELECT max(year(event_date)) FROM events)
     GROUP BY ALL`,
  );
  const volumes = new Map<string, Map<string, number>>();
  for (const row of recorded) {
    const perClass = volumes.get(row.unitCode) ?? new Map<string, number>();
    perClass.set(row.serviceClass, row.volume);
    volumes.set(row.unitCode, perClass);
  }
  const known = new Set(classes.map((c) => c.code));
  const seen = new Set<string>();
  const out: BaseUnit[] = [];
  for (const unit of units) {
    // A unit re-imported with a later validity keeps its first row open in the year.
    if (seen.has(unit.code)) continue;
    seen.add(unit.code);
    const offered = unit.serviceClasses.filter((code) => known.has(code));
    const perClass = volumes.get(unit.code);
    const recordedTotal = offered.reduce((sum, code) => sum + (perClass?.get(code) ?? 0), 0);
    const total = unit.capacityUnit === 'places' ? unit.capacityPerYear * 365 : unit.capacityPerYear;
    const capacity: Record<string, number> = {};
    for (const code of offered) {
      capacity[code] =
        recordedTotal > 0 ? (total * (perClass?.get(code) ?? 0)) / recordedTotal : total / offered.length;
    }
    out.push({
      code: unit.code,
      name: unit.name,
      serviceClasses: offered,
      producerCode: unit.producerCode,
      producerKind: unit.producerKind,
      x: unit.x,
      y: unit.y,
      inPerson: unit.channels.includes('inPerson'),
      capacity,
      ...(unit.languages && { languages: unit.languages }),
    });
  }
  return out;
};

export interface LoadOptions {
  baseYear?: number;
  targetYear?: number;
}

/** Everything an evaluation needs from the store, read once per base year, target year and store state. */
export const loadNetworkData = async (store: Store, options: LoadOptions = {}): Promise<NetworkData> => {
  const [latest] = await store.all<{ year: number | null }>(
    `SELECT greatest((SELECT max(year) FROM population WHERE area_level = 'gridCell'),
       (SELECT max(year) FROM grid_population_groups)) AS year`,
  );
  const latestYear = latest?.year ?? new Date().getUTCFullYear();
  const baseYear = options.baseYear ?? latestYear;
  const targetYear = options.targetYear ?? baseYear;
  const classes = await listServiceClasses(store);
  // Observed grid-cell population of the target year comes first: by single year of age where the
  // store has it, else the 1 km grid's figures by age group; the forecast fills in years after them.
  const observed = await cellPopulationYear(store, targetYear);
  const gridYear = await gridFiguresYear(store, targetYear);
  const projected =
    observed === targetYear || gridYear === targetYear
      ? undefined
      : await projectedCellPopulation(store, targetYear);
  let cells: CellPopulation;
  let populationYear: number;
  let populationSource: NetworkData['populationSource'];
  let populationNote: string;
  // The grid's figures stand in for single years of age only where those are missing or older.
  const fromGrid =
    gridYear !== undefined && (observed === undefined || (gridYear <= targetYear && gridYear > observed));
  if (projected) {
    ({ cells } = projected);
    populationYear = targetYear;
    populationSource = 'forecast';
    populationNote = projected.note;
  } else if (fromGrid) {
    populationYear = gridYear;
    cells = await loadGridCells(store, gridYear);
    populationSource = 'gridAgeGroups';
    populationNote = `1 km grid population of ${gridYear} by age group (0–14, 15–64, 65+), split into single years as each municipality's residents are${gridYear === targetYear ? '' : `; no forecast for ${targetYear}`}`;
  } else {
    populationYear = observed ?? latestYear;
    cells = await loadCells(store, populationYear);
    populationSource = 'latestPopulation';
    populationNote =
      populationYear === targetYear
        ? `grid-cell population of ${populationYear}`
        : `no forecast for ${targetYear}: grid-cell population of ${populationYear} used`;
  }
  const rated = await loadClassDemand(store, classes);
  // A projected year takes the forecast's demand by cell, so the totals match the Forecast page's table.
  const demand =
    populationSource === 'forecast'
      ? await withProjectedDemand(store, { year: targetYear, cells, classes: rated })
      : {
          classes: rated,
          source: 'useRates' as const,
          note: `use rates of the latest event year × residents of ${populationYear}`,
        };
  return {
    baseYear,
    targetYear,
    populationYear,
    populationSource,
    populationNote,
    demandSource: demand.source,
    demandNote: demand.note,
    cells,
    classes: demand.classes,
    units: await loadBaseUnits(store, baseYear, classes),
  };
};

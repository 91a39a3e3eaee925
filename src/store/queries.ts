import {
  type ImportView,
  type ProducerView,
  type ServiceClass,
  type StoreStatus,
  toWgs84,
  type UnitView,
} from '../model/index.js';
import type { Store } from './store.js';

const importColumns = `import_id AS "importId", kind, source, source_file AS "sourceFile", format, encoding,
  rows_read AS "rowsRead", rows_accepted AS "rowsAccepted", rows_rejected AS "rowsRejected",
  strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "startedAt",
  strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "finishedAt"`;

/** Every import, the newest first. Times are stored in UTC. */
export const listImports = (store: Store): Promise<ImportView[]> =>
  store.all<ImportView>(`SELECT ${importColumns} FROM imports ORDER BY import_id DESC`);

export const findImport = async (store: Store, importId: number): Promise<ImportView | undefined> => {
  const [found] = await store.all<ImportView>(`SELECT ${importColumns} FROM imports WHERE import_id = $id`, {
    id: importId,
  });
  return found;
};

/** Rows held per import kind, the years that population, events and costs cover, and the imports. */
export const storeStatus = async (store: Store): Promise<StoreStatus> => {
  const [summary] = await store.all<Omit<StoreStatus, 'imports'>>(`
    SELECT
      {
        'areas': (SELECT count(*) FROM areas),
        'population': (SELECT count(*) FROM population),
        'producers': (SELECT count(*) FROM producers),
        'units': (SELECT count(*) FROM units),
        'events': (SELECT count(*) FROM events),
        'costs': (SELECT count(*) FROM costs),
        'serviceClasses': (SELECT count(*) FROM service_classes),
        'imports': (SELECT count(*) FROM imports),
        'rejects': (SELECT count(*) FROM rejects)
      } AS counts,
      {
        'population': (SELECT coalesce(list(DISTINCT year ORDER BY year), []) FROM population),
        'events': (SELECT coalesce(list(DISTINCT year(event_date) ORDER BY year(event_date)), []) FROM events),
        'costs': (SELECT coalesce(list(DISTINCT year ORDER BY year), []) FROM costs)
      } AS years`);
  if (!summary) throw new Error('the status query returned no row');
  return { ...summary, imports: await listImports(store) };
};

/**
 * The year an API call means when it names none: the latest with population, else the latest in
 * which an area starts, else the current one.
 */
export const defaultYear = async (store: Store): Promise<number> => {
  const [row] = await store.all<{ year: number | null }>(
    `SELECT coalesce((SELECT max(year) FROM population), (SELECT max(valid_from_year) FROM areas)) AS year`,
  );
  return row?.year ?? new Date().getUTCFullYear();
};

export const listProducers = (store: Store): Promise<ProducerView[]> =>
  store.all<ProducerView>(`
    SELECT p.code, p.name, p.kind, p.business_id AS "businessId", count(DISTINCT u.code) AS "unitCount"
    FROM producers p LEFT JOIN units u ON u.producer_code = p.code
    GROUP BY ALL
    ORDER BY p.code`);

export const listServiceClasses = (store: Store): Promise<ServiceClass[]> =>
  store.all<ServiceClass>(`
    SELECT code, name_fi AS "nameFi", name_sv AS "nameSv", name_en AS "nameEn", service_area AS "serviceArea",
      event_kind AS "eventKind", age_from AS "ageFrom", age_to AS "ageTo"
    FROM service_classes
    ORDER BY code`);

/**
 * Units with their producer's name and kind; with a year, only those open on some day of it.
 * Locations come in EPSG:3067 (x, y) and WGS84 (lon, lat).
 */
export const listUnits = async (store: Store, { year }: { year?: number } = {}): Promise<UnitView[]> => {
  const rows = await store.all<Omit<UnitView, 'lon' | 'lat'>>(
    `SELECT u.code, u.name, u.service_classes AS "serviceClasses", u.producer_code AS "producerCode",
      p.name AS "producerName", p.kind AS "producerKind", u.municipality_code AS "municipalityCode",
      u.x, u.y, u.capacity_per_year AS "capacityPerYear", u.capacity_unit AS "capacityUnit",
      u.valid_from AS "validFrom", u.valid_to AS "validTo", u.channels, u.languages
    FROM units u
    LEFT JOIN (SELECT DISTINCT ON (code) code, name, kind FROM producers ORDER BY code, import_id DESC) p
      ON p.code = u.producer_code
    ${
      year === undefined
        ? ''
        : `WHERE u.valid_from <= make_date($year::INTEGER, 12, 31)
          AND (u.valid_to IS NULL OR u.valid_to >= make_date($year::INTEGER, 1, 1))`
    }
    ORDER BY u.code, u.valid_from`,
    year === undefined ? undefined : { year },
  );
  return rows.map((row) => ({ ...row, ...toWgs84(row.x, row.y) }));
};

import type { IndicatorMeasure, ServiceArea } from '../model/index.js';
import type { Store } from '../store/index.js';
import { builtInIndicators } from './package/index.js';

/**
 * The indicator cube: the service events summed by month, municipality, unit, producer, service class,
 * kind, channel, single year of age and sex, with whether a grid cell and a client key were recorded.
 * Every indicator over event counts, quantities or costs at municipality or county level (and per unit)
 * reads it instead of the events: about 10^5–10^6 rows instead of 10^7. Its columns carry the events'
 * names, so that one filter compiles against both. Grid cells cannot be told apart in
 * it: grid-cell requests still read the events.
 *
 * Distinct clients cannot be summed from it. Beside it, the client table keeps the distinct client
 * keys with the same columns, but only of the service classes the built-in package counts clients of
 * (a few of the classes, a sixth of the events): client indicators over those classes read it.
 *
 * It is rebuilt when the events change, told by a stamp of the latest import and the number of events
 * (a count DuckDB answers from its metadata), lazily at the first request after a change.
 */
export const cubeTable = 'indicator_event_cube';
export const clientTable = 'indicator_client_cube';
const stateTable = 'indicator_event_cube_state';

const stampSql = `SELECT coalesce((SELECT max(import_id) FROM imports), -1) || ':' || (SELECT count(*) FROM events) AS stamp`;

const readStamp = async (store: Store): Promise<string> => {
  const [row] = await store.all<{ stamp: string }>(stampSql);
  return String(row?.stamp ?? '');
};

const builtState = async (store: Store): Promise<CubeState | undefined> => {
  const [exists] = await store.all<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${stateTable}' AND NOT temporary`,
  );
  if (!exists?.n) return undefined;
  const [row] = await store.all<{ stamp: string; client_classes: string }>(
    `SELECT stamp, client_classes FROM ${stateTable}`,
  );
  return row === undefined ? undefined : { stamp: row.stamp, clientClasses: row.client_classes.split(',') };
};

/** What a current cube serves: its stamp, and the service classes whose distinct clients it keeps. */
export interface CubeState {
  stamp: string;
  clientClasses: string[];
}

/** The classes any built-in client count admits; every class when one admits them all. */
const clientClassesOf = async (store: Store): Promise<string[]> => {
  const rows = await store.all<{ code: string; area: ServiceArea }>(
    'SELECT code, service_area AS area FROM service_classes ORDER BY code',
  );
  const all = rows.map((r) => r.code);
  const classes = new Set<string>();
  for (const d of builtInIndicators)
    for (const m of [d.numerator, d.denominator] as IndicatorMeasure[]) {
      if (m.source !== 'events' || m.aggregate !== 'clients') continue;
      const { serviceAreas, serviceClasses } = m.filter;
      const ofAreas = serviceAreas
        ? rows.filter((r) => serviceAreas.includes(r.area)).map((r) => r.code)
        : all;
      for (const c of serviceClasses ? ofAreas.filter((x) => serviceClasses.includes(x)) : ofAreas)
        classes.add(c);
    }
  return [...classes].sort();
};

/** Builds (or rebuilds) the cube and the client table from the events; returns the cube's rows. */
export const buildIndicatorCube = async (store: Store): Promise<number> => {
  const stamp = await readStamp(store);
  const clientClasses = await clientClassesOf(store);
  await store.run(`CREATE OR REPLACE TABLE ${cubeTable} AS
    SELECT date_trunc('month', event_date)::DATE AS event_date, municipality_code, unit_code, producer_code,
      service_class, kind, channel, age, sex,
      grid_cell_code IS NOT NULL AS has_grid_cell, client_key IS NOT NULL AS has_client_key,
      count(*)::BIGINT AS events, sum(quantity) AS quantity, sum(cost_euros) AS cost_euros
    FROM events
    GROUP BY ALL
    ORDER BY event_date, municipality_code`);
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  await store.run(`CREATE OR REPLACE TABLE ${clientTable} AS
    SELECT DISTINCT date_trunc('month', event_date)::DATE AS event_date, municipality_code, unit_code,
      producer_code, service_class, kind, channel, age, sex,
      grid_cell_code IS NOT NULL AS has_grid_cell, TRUE AS has_client_key, client_key
    FROM events
    WHERE client_key IS NOT NULL AND service_class IN (${clientClasses.map(quote).join(', ') || 'NULL'})
    ORDER BY event_date, municipality_code`);
  await store.run(
    `CREATE OR REPLACE TABLE ${stateTable} AS SELECT ${quote(stamp)} AS stamp, ${quote(clientClasses.join(','))} AS client_classes`,
  );
  const [row] = await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${cubeTable}`);
  return Number(row?.n ?? 0);
};

/** Per store: the stamp a build is under way or done for, and the cube's state once built. */
const builds = new WeakMap<Store, { stamp: string; ready: Promise<CubeState | undefined> }>();

/**
 * The cube's state when it is current, building it first when it is not. A store opened read-only
 * cannot build it: then the answer is undefined and the events are read, until the stamp changes.
 */
export const ensureIndicatorCube = async (store: Store): Promise<CubeState | undefined> => {
  const stamp = await readStamp(store);
  const known = builds.get(store);
  if (known?.stamp === stamp) return known.ready;
  // Requests wait on one build, so it runs where no request's time budget interrupts it.
  const ready = store.shared(async () => {
    try {
      const built = await builtState(store);
      if (built?.stamp === stamp) return built;
      await buildIndicatorCube(store);
      return await builtState(store);
    } catch {
      return undefined;
    }
  });
  builds.set(store, { stamp, ready });
  return ready;
};

import type { Store } from '../store/index.js';

/**
 * The indicator cube: the service events summed by month, municipality, unit, producer, service class,
 * kind, channel, single year of age and sex, with whether a grid cell and a client key were recorded.
 * Every indicator over event counts, quantities or costs at municipality or county level (and per unit)
 * reads it instead of the events: about 10^5–10^6 rows instead of 10^7. Its columns carry the events'
 * names, so that one filter compiles against both. Distinct clients cannot be summed from it, nor can
 * grid cells be told apart: those indicators still read the events.
 *
 * It is rebuilt when the events change, told by a stamp of the latest import and the number of events
 * (a count DuckDB answers from its metadata), lazily at the first request after a change.
 */
export const cubeTable = 'indicator_event_cube';
const stateTable = 'indicator_event_cube_state';

const stampSql = `SELECT coalesce((SELECT max(import_id) FROM imports), -1) || ':' || (SELECT count(*) FROM events) AS stamp`;

const readStamp = async (store: Store): Promise<string> => {
  const [row] = await store.all<{ stamp: string }>(stampSql);
  return String(row?.stamp ?? '');
};

const builtStamp = async (store: Store): Promise<string | undefined> => {
  const [exists] = await store.all<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${stateTable}' AND NOT temporary`,
  );
  if (!exists?.n) return undefined;
  const [row] = await store.all<{ stamp: string }>(`SELECT stamp FROM ${stateTable}`);
  return row?.stamp;
};

/** Builds (or rebuilds) the cube from the events; returns the number of its rows. */
export const buildIndicatorCube = async (store: Store): Promise<number> => {
  const stamp = await readStamp(store);
  await store.run(`CREATE OR REPLACE TABLE ${cubeTable} AS
    SELECT date_trunc('month', event_date)::DATE AS event_date, municipality_code, unit_code, producer_code,
      service_class, kind, channel, age, sex,
      grid_cell_code IS NOT NULL AS has_grid_cell, client_key IS NOT NULL AS has_client_key,
      count(*)::BIGINT AS events, sum(quantity) AS quantity, sum(cost_euros) AS cost_euros
    FROM events
    GROUP BY ALL
    ORDER BY event_date, municipality_code`);
  await store.run(
    `CREATE OR REPLACE TABLE ${stateTable} AS SELECT ${`'${stamp.replaceAll("'", "''")}'`} AS stamp`,
  );
  const [row] = await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${cubeTable}`);
  return Number(row?.n ?? 0);
};

/** Per store: the stamp a build is under way or done for, and whether the cube may be read. */
const builds = new WeakMap<Store, { stamp: string; ready: Promise<boolean> }>();

/**
 * Whether the cube is current, building it first when it is not. A store opened read-only cannot
 * build it: then the answer is false and the events are read, until the stamp changes.
 */
export const ensureIndicatorCube = async (store: Store): Promise<boolean> => {
  const stamp = await readStamp(store);
  const known = builds.get(store);
  if (known?.stamp === stamp) return known.ready;
  const ready = (async () => {
    try {
      if ((await builtStamp(store)) === stamp) return true;
      await buildIndicatorCube(store);
      return true;
    } catch {
      return false;
    }
  })();
  builds.set(store, { stamp, ready });
  return ready;
};

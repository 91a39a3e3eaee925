import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { filesToImport, generateDemoCounty } from '../demo/index.js';
import { importFiles } from '../importers/index.js';
import { openStore, type Store } from '../store/index.js';
import { copySharedStore } from '../store/testing.js';
import { importOfficialProjectionFile } from './official.js';

/** The county of `openForecastTestStore`, imported into a store file at `storePath`. */
const buildForecastCounty = async (storePath: string): Promise<void> => {
  const dir = join(dirname(storePath), 'files');
  const manifest = await generateDemoCounty({ outDir: dir, population: 3000, years: 1 });
  const store = await openStore(storePath);
  try {
    await importFiles(store, filesToImport(manifest, dir));
    if (manifest.officialProjection)
      await importOfficialProjectionFile(store, join(dir, manifest.officialProjection.path));
  } finally {
    store.close();
  }
};

/** Fills a new in-memory store with every row of the store file at `path`, imports numbered on from its. */
const copyRowsInto = async (store: Store, path: string): Promise<void> => {
  await store.run(`ATTACH '${path}' AS seed (READ_ONLY)`);
  try {
    const tables = await store.all<{ schema: string; name: string }>(
      `SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() WHERE database_name = 'seed'`,
    );
    for (const { schema, name } of tables) {
      await store.run(`DELETE FROM memory."${schema}"."${name}"`);
      await store.run(`INSERT INTO memory."${schema}"."${name}" SELECT * FROM seed."${schema}"."${name}"`);
    }
    const [last] = await store.all<{ id: number }>('SELECT coalesce(max(import_id), 0) AS id FROM imports');
    if (last && last.id > 0)
      await store.run(`SELECT max(nextval('import_id_seq')) FROM range(${Number(last.id)})`);
  } finally {
    await store.run('DETACH seed');
  }
};

/**
 * A small demo county (3 000 residents, population 2015–2025, one year of events) in memory, with its
 * official-style projection imported: enough history for backtests, small enough for a test file. It is
 * generated and imported once per test run; each call gets its own store, filled from that one.
 */
export const openForecastTestStore = async (): Promise<Store> => {
  const dir = mkdtempSync(join(tmpdir(), 'soteatlas-forecast-'));
  try {
    const seed = join(dir, 'seed.duckdb');
    await copySharedStore('forecast-test-county', buildForecastCounty, seed);
    const store = await openStore(':memory:');
    try {
      await copyRowsInto(store, seed);
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export { finlandHistory } from './real-data.fixture.js';

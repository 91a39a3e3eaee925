import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/testing.js';
import { openState } from '../../state/index.js';
import { createTestDatabase, type StateBackend, stateBackends } from '../../state/testing.js';
import { openStore } from '../../store/index.js';

const bin = fileURLToPath(new URL('../../../bin/soteatlas.js', import.meta.url));
const run = async (...args: string[]) =>
  (await promisify(execFile)(process.execPath, [bin, ...args], { timeout: 60_000 })).stdout;

/** A store file, and the state on `backend` beside it, with a target and a saved variant in it. */
const filledState = async (backend: StateBackend, dir: string, name: string) => {
  const db = join(dir, `${name}.duckdb`);
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  const store = await openStore(db);
  const state = await openState({ store, url: database?.url, county: '00' });
  return {
    args: ['--db', db, ...(database ? ['--state', database.url] : [])],
    async fill() {
      await state.run(
        `INSERT INTO state.targets (county, id, indicator_id, scope_level, scope_code, period, target_value,
         direction, tolerance, updated_at)
         VALUES ('00', 1, 'hc-visits-per-1000', 'county', NULL, '2025', 5, 'higherIsBetter', 1, current_timestamp)`,
      );
      await state.run(
        `INSERT INTO state.forecast_variants (county, name, label, labels, kind, assumptions, saved_at)
         VALUES ('00', 'own', 'Own', NULL, 'estimated', '{}', current_timestamp)`,
      );
    },
    /** Lets the command line have the store file: DuckDB gives a file to one process at a time. */
    async release() {
      await state.close();
      store.close();
    },
    drop: async () => database?.drop(),
  };
};

describe.each(stateBackends)('soteatlas backup and restore on the %s backend', (backend: StateBackend) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('round-trips the state: the restore prints the rows and content hash per table the backup printed', async () => {
    const dir = tempDir();
    const source = await filledState(backend, dir, 'source');
    const target = await filledState(backend, dir, 'target');
    cleanups.push(source.drop, target.drop);
    await source.fill();
    await source.release();
    await target.release();
    const file = join(dir, 'state.json');
    const backedUp = JSON.parse(await run('backup', ...source.args, '--out', file, '--json'));
    expect(backedUp).toContainEqual(expect.objectContaining({ table: 'targets', rows: 1 }));
    expect(backedUp).toContainEqual(expect.objectContaining({ table: 'forecast_variants', rows: 1 }));
    const restored = JSON.parse(await run('restore', file, ...target.args, '--json'));
    expect(restored).toEqual(backedUp);
    // The words a person reads name each table with its rows and hash.
    const text = await run('backup', ...target.args, '--out', join(dir, 'again.json'));
    expect(text).toMatch(/^targets +1 {2}[0-9a-f]{64}$/m);
  });
});

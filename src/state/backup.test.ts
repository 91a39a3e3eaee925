import { afterEach, describe, expect, it } from 'vitest';
import { StateBackup } from '../model/index.js';
import { backupState, restoreState, summarise, summariseState } from './backup.js';
import { openState } from './open.js';
import { openTestState, type StateBackend, stateBackends, type TestState } from './testing.js';
import { recordSignIn } from './users.js';

/** A few rows of several kinds: nulls, doubles, booleans, times, JSON text, in two counties. */
const fill = async ({ state }: TestState): Promise<void> => {
  await state.run(
    `INSERT INTO state.targets (county, id, indicator_id, scope_level, scope_code, period, target_value,
     direction, tolerance, updated_at) VALUES
     ($1, 4, 'hc-visits-per-1000', 'county', NULL, '2025', 5.25, 'higherIsBetter', 1, CAST('2026-01-02T03:04:05.678Z' AS TIMESTAMP)),
     ($1, 9, 'hc-visits-per-1000', 'municipality', '002', '2025', 4, 'higherIsBetter', 0, CAST('2026-01-02T03:04:05.000Z' AS TIMESTAMP)),
     ('09', 10, 'hc-visits-per-1000', 'county', NULL, '2025', 1, 'higherIsBetter', 0, CAST('2026-01-02T03:04:05.000Z' AS TIMESTAMP))`,
    [state.county],
  );
  await state.run(
    `INSERT INTO state.network_scenarios (county, id, version, created_at, deleted) VALUES
     ($1, 'a', 2, CAST('2026-02-01T00:00:00.000Z' AS TIMESTAMP), true)`,
    [state.county],
  );
  await state.run(
    `INSERT INTO state.forecast_variants (county, name, label, labels, kind, assumptions, saved_at) VALUES
     ($1, 'own', 'Own', '{"fi":"Oma"}', 'estimated', '{"toYear":2040}', CAST('2026-03-01T00:00:00.000Z' AS TIMESTAMP))`,
    [state.county],
  );
  await recordSignIn(state, {
    issuer: 'https://login.example',
    subject: 'u1',
    name: 'Ulla',
    claimRoles: ['manager'],
  });
};

describe.each(stateBackends)('a backup of the state on the %s backend', (backend: StateBackend) => {
  const opened: TestState[] = [];
  afterEach(async () => {
    for (const state of opened.splice(0)) await state.close();
  });

  it('restores into a fresh state with the same row counts and content hashes per table', async () => {
    const source = await openTestState(backend);
    opened.push(source);
    await fill(source);
    const backup = StateBackup.parse(JSON.parse(JSON.stringify(await backupState(source.state))));
    const taken = summarise(backup.tables);
    expect(taken.find((t) => t.table === 'targets')?.rows).toBe(2);
    expect(taken.find((t) => t.table === 'users')?.rows).toBe(1);
    // Tables made by any migration are in it, without being named anywhere in the backup code.
    expect(taken.map((t) => t.table)).toEqual(expect.arrayContaining(['monitoring_sets', 'audit_log']));
    expect(await summariseState(source.state)).toEqual(taken);

    const target = await openTestState(backend);
    opened.push(target);
    expect(await restoreState(target.state, backup)).toEqual(taken);
    expect(await target.state.all('SELECT target_value, updated_at FROM state.targets WHERE id = 4')).toEqual(
      [{ target_value: 5.25, updated_at: '2026-01-02T03:04:05.678Z' }],
    );
    // Ids drawn after a restore go on after the highest restored.
    expect(await target.state.all("SELECT nextval('state.target_id_seq') AS id")).toEqual([{ id: 10 }]);
  });

  it('replaces what the county has since, and refuses the backup of another county', async () => {
    const source = await openTestState(backend);
    opened.push(source);
    await fill(source);
    const backup = await backupState(source.state);
    await source.state.run('DELETE FROM state.targets WHERE county = $1 AND id = 4', [source.state.county]);
    await source.state.run("UPDATE state.forecast_variants SET label = 'changed' WHERE county = $1", [
      source.state.county,
    ]);
    expect(await restoreState(source.state, backup)).toEqual(summarise(backup.tables));
    // The other county's rows are neither in the backup nor touched by the restore.
    expect(await source.state.all("SELECT id FROM state.targets WHERE county = '09'")).toEqual([{ id: 10 }]);

    const elsewhere = await openState({ store: source.store, url: source.url, county: '09' });
    try {
      await expect(restoreState(elsewhere, backup)).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await elsewhere.close();
    }
  });
});

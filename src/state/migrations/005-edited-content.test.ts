import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { openState } from '../open.js';

/** The tables as a store made before the state existed kept them (src/store/schema.ts of that time). */
const olderStoreTables = [
  `CREATE TABLE targets (id INTEGER NOT NULL, indicator_id VARCHAR NOT NULL, scope_level VARCHAR NOT NULL,
    scope_code VARCHAR, period VARCHAR NOT NULL, target_value DOUBLE NOT NULL, direction VARCHAR NOT NULL,
    tolerance DOUBLE NOT NULL, updated_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE monitoring_sets (id INTEGER NOT NULL, name VARCHAR NOT NULL, description VARCHAR NOT NULL,
    version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, names VARCHAR,
    descriptions VARCHAR)`,
  `CREATE TABLE monitoring_set_items (set_id INTEGER NOT NULL, position INTEGER NOT NULL,
    indicator_id VARCHAR NOT NULL, scope_level VARCHAR NOT NULL, scope_code VARCHAR)`,
  'CREATE TABLE monitoring_set_seeds (name VARCHAR NOT NULL, seeded_at TIMESTAMP NOT NULL)',
  `CREATE TABLE network_scenarios (id VARCHAR PRIMARY KEY, version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL, deleted BOOLEAN NOT NULL)`,
  `CREATE TABLE network_scenario_versions (id VARCHAR NOT NULL, version INTEGER NOT NULL, body VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL, PRIMARY KEY (id, version))`,
];

const olderStoreRows = [
  `INSERT INTO targets VALUES
    (3, 'hc-visits-per-1000', 'county', NULL, '2025', 5, 'higherIsBetter', 1, TIMESTAMP '2025-02-01 08:00:00'),
    (7, 'net-cost-per-resident', 'municipality', '002', '2025', 4000, 'lowerIsBetter', 0, TIMESTAMP '2025-02-02 08:00:00')`,
  `INSERT INTO monitoring_sets VALUES
    (4, 'Oma mittaristo', 'kuvaus', 2, TIMESTAMP '2025-01-01 08:00:00', TIMESTAMP '2025-03-01 08:00:00', NULL, NULL)`,
  `INSERT INTO monitoring_set_items VALUES (4, 0, 'hc-visits-per-1000', 'county', NULL),
    (4, 1, 'net-cost-per-resident', 'municipality', '002')`,
  `INSERT INTO monitoring_set_seeds VALUES ('Top management monitoring set', TIMESTAMP '2025-01-01 08:00:00')`,
  `INSERT INTO network_scenarios VALUES ('s-1', 2, TIMESTAMP '2025-04-01 08:00:00', false)`,
  `INSERT INTO network_scenario_versions VALUES ('s-1', 1, '{"name":"a"}', TIMESTAMP '2025-04-01 08:00:00'),
    ('s-1', 2, '{"name":"b"}', TIMESTAMP '2025-04-02 08:00:00')`,
  // A saved variant with labels moves; the imported official projection stays in the analytic store.
  `INSERT INTO forecast_variants VALUES
    ('mine', 'Mine', 'estimated', '{}', TIMESTAMP '2025-05-01 08:00:00'),
    ('official', 'Statistics Finland', 'official', '{}', TIMESTAMP '2025-05-01 08:00:00')`,
  `INSERT INTO forecast_variant_labels VALUES ('mine', 'fi', 'Oma'), ('mine', 'en', 'Mine'),
    ('official', 'fi', 'Tilastokeskus')`,
  `INSERT INTO road_network_active VALUES ('street', TIMESTAMP '2025-06-01 08:00:00')`,
];

describe('an embedded store made before the state existed', () => {
  let store: Store | undefined;
  afterEach(() => {
    store?.close();
    store = undefined;
  });

  it('has its edited rows copied into the state once, and ids go on after the highest', async () => {
    store = await openStore(':memory:');
    for (const statement of [...olderStoreTables, ...olderStoreRows]) await store.run(statement);
    const state = await openState({ store, county: '07' });
    try {
      expect(
        await state.all(
          'SELECT county, id, scope_code, target_value, updated_at FROM state.targets ORDER BY id',
        ),
      ).toEqual([
        { county: '07', id: 3, scope_code: null, target_value: 5, updated_at: '2025-02-01T08:00:00.000Z' },
        {
          county: '07',
          id: 7,
          scope_code: '002',
          target_value: 4000,
          updated_at: '2025-02-02T08:00:00.000Z',
        },
      ]);
      expect(await state.all('SELECT county, id, name, version FROM state.monitoring_sets')).toEqual([
        { county: '07', id: 4, name: 'Oma mittaristo', version: 2 },
      ]);
      expect(
        await state.all(
          'SELECT set_id, position, scope_code FROM state.monitoring_set_items ORDER BY position',
        ),
      ).toEqual([
        { set_id: 4, position: 0, scope_code: null },
        { set_id: 4, position: 1, scope_code: '002' },
      ]);
      expect(await state.all('SELECT name FROM state.monitoring_set_seeds')).toEqual([
        { name: 'Top management monitoring set' },
      ]);
      expect(await state.all('SELECT id, version, deleted FROM state.network_scenarios')).toEqual([
        { id: 's-1', version: 2, deleted: false },
      ]);
      expect(
        await state.all('SELECT version, body FROM state.network_scenario_versions ORDER BY version'),
      ).toEqual([
        { version: 1, body: '{"name":"a"}' },
        { version: 2, body: '{"name":"b"}' },
      ]);
      const variants = await state.all<{ name: string; labels: string }>(
        'SELECT name, labels, kind FROM state.forecast_variants',
      );
      expect(variants.map((v) => ({ ...v, labels: JSON.parse(v.labels) }))).toEqual([
        { name: 'mine', labels: { fi: 'Oma', en: 'Mine' }, kind: 'estimated' },
      ]);
      expect(await state.all('SELECT county, name FROM state.road_network_choice')).toEqual([
        { county: '07', name: 'street' },
      ]);
      expect(await state.all("SELECT nextval('state.target_id_seq') AS id")).toEqual([{ id: 8 }]);
      expect(await state.all("SELECT nextval('state.monitoring_set_id_seq') AS id")).toEqual([{ id: 5 }]);
    } finally {
      await state.close();
    }
    // Opened again, the state is as it was: the copy was a migration step, applied once.
    await store.run(`INSERT INTO targets VALUES
      (9, 'hc-visits-per-1000', 'county', NULL, '2026', 5, 'higherIsBetter', 1, TIMESTAMP '2026-02-01 08:00:00')`);
    const again = await openState({ store, county: '07' });
    try {
      expect(await again.all('SELECT id FROM state.targets ORDER BY id')).toEqual([{ id: 3 }, { id: 7 }]);
    } finally {
      await again.close();
    }
  });

  it('starts empty, with ids from 1, when the store never had those tables', async () => {
    store = await openStore(':memory:');
    const state = await openState({ store, county: '07' });
    try {
      expect(await state.all('SELECT count(*) AS n FROM state.targets')).toEqual([{ n: 0 }]);
      expect(await state.all("SELECT nextval('state.target_id_seq') AS id")).toEqual([{ id: 1 }]);
    } finally {
      await state.close();
    }
  });
});

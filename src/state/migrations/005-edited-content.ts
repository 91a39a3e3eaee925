import type { StateDb, StateQueries } from '../state-db.js';
import type { Migration } from './migration.js';

/**
 * What users edit: targets, monitoring sets, network scenarios, the forecast variants they save and the
 * road network they choose. Imported data (an official projection, the road networks themselves) stays in
 * the analytic store. Primary keys only where a row is replaced in place (ON CONFLICT needs one):
 * DuckDB checks a key deleted and inserted again in one transaction as a duplicate, and set items are
 * rewritten so on every edit.
 */
const tables = [
  `CREATE TABLE state.targets (
    county VARCHAR NOT NULL,
    id INTEGER NOT NULL,
    indicator_id VARCHAR NOT NULL,
    scope_level VARCHAR NOT NULL,
    scope_code VARCHAR,
    period VARCHAR NOT NULL,
    target_value DOUBLE PRECISION NOT NULL,
    direction VARCHAR NOT NULL,
    tolerance DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE state.monitoring_sets (
    county VARCHAR NOT NULL,
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    names VARCHAR,
    descriptions VARCHAR,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE state.monitoring_set_items (
    county VARCHAR NOT NULL,
    set_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    indicator_id VARCHAR NOT NULL,
    scope_level VARCHAR NOT NULL,
    scope_code VARCHAR
  )`,
  // The shipped sets stored once each: the key lets two processes seed at once without doubling a set.
  `CREATE TABLE state.monitoring_set_seeds (
    county VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    seeded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (county, name)
  )`,
  `CREATE TABLE state.network_scenarios (
    county VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    deleted BOOLEAN NOT NULL
  )`,
  `CREATE TABLE state.network_scenario_versions (
    county VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    body VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    PRIMARY KEY (county, id, version)
  )`,
  // labels: the label in fi, sv and en as JSON, or null.
  `CREATE TABLE state.forecast_variants (
    county VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    labels VARCHAR,
    kind VARCHAR NOT NULL,
    assumptions VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    PRIMARY KEY (county, name)
  )`,
  // The road network travel times are computed on unless another is named: one row per county.
  `CREATE TABLE state.road_network_choice (
    county VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    set_at TIMESTAMP NOT NULL,
    PRIMARY KEY (county)
  )`,
];

/** How each table's rows were kept in the DuckDB store before the state existed. */
const fromAnalyticStore: readonly { needs: readonly string[]; sql: string }[] = [
  {
    needs: ['targets'],
    sql: `INSERT INTO state.targets (county, id, indicator_id, scope_level, scope_code, period, target_value,
      direction, tolerance, updated_at)
      SELECT $1, id, indicator_id, scope_level, scope_code, period, target_value, direction, tolerance, updated_at
      FROM main.targets`,
  },
  {
    needs: ['monitoring_sets'],
    sql: `INSERT INTO state.monitoring_sets (county, id, name, description, names, descriptions, version,
      created_at, updated_at)
      SELECT $1, id, name, description, names, descriptions, version, created_at, updated_at
      FROM main.monitoring_sets`,
  },
  {
    needs: ['monitoring_set_items'],
    sql: `INSERT INTO state.monitoring_set_items (county, set_id, position, indicator_id, scope_level, scope_code)
      SELECT $1, set_id, position, indicator_id, scope_level, scope_code FROM main.monitoring_set_items`,
  },
  {
    needs: ['monitoring_set_seeds'],
    sql: `INSERT INTO state.monitoring_set_seeds (county, name, seeded_at)
      SELECT $1, name, min(seeded_at) FROM main.monitoring_set_seeds GROUP BY name`,
  },
  {
    needs: ['network_scenarios'],
    sql: `INSERT INTO state.network_scenarios (county, id, version, created_at, deleted)
      SELECT $1, id, version, created_at, deleted FROM main.network_scenarios`,
  },
  {
    needs: ['network_scenario_versions'],
    sql: `INSERT INTO state.network_scenario_versions (county, id, version, body, saved_at)
      SELECT $1, id, version, body, saved_at FROM main.network_scenario_versions`,
  },
  {
    // Official projections are imported data and stay where they are; the variants users saved move.
    needs: ['forecast_variants', 'forecast_variant_labels'],
    sql: `INSERT INTO state.forecast_variants (county, name, label, labels, kind, assumptions, saved_at)
      SELECT $1, v.name, v.label,
        (SELECT json_group_object(l.language, l.label)::VARCHAR FROM main.forecast_variant_labels l
         WHERE l.variant = v.name HAVING count(*) > 0),
        v.kind, v.assumptions, v.saved_at
      FROM main.forecast_variants v WHERE v.kind <> 'official'`,
  },
  {
    needs: ['road_network_active'],
    sql: `INSERT INTO state.road_network_choice (county, name, set_at)
      SELECT $1, name, set_at FROM main.road_network_active ORDER BY set_at DESC LIMIT 1`,
  },
];

/** Copies the rows an embedded store kept in its own tables, once, when its state is first made. */
const copyFromAnalyticStore = async (tx: StateQueries, county: string): Promise<void> => {
  const present = new Set(
    (
      await tx.all<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'main' AND table_catalog = current_database()`,
      )
    ).map((row) => row.table_name),
  );
  for (const { needs, sql } of fromAnalyticStore)
    if (needs.every((table) => present.has(table))) await tx.run(sql, [county]);
};

/** The sequences ids are drawn from, and the table whose ids they give. */
export const idSequences = [
  { sequence: 'target_id_seq', table: 'targets' },
  { sequence: 'monitoring_set_id_seq', table: 'monitoring_sets' },
] as const;

/**
 * Makes a sequence give ids after the highest its table holds (over every county: ids are unique across
 * them), so that rows carried over or restored keep their ids and new ones do not collide. DuckDB cannot
 * move a sequence, so there it is made anew; nothing else refers to it.
 */
export const sequenceAfter = async (
  tx: StateQueries,
  backend: StateDb['backend'],
  { sequence, table }: (typeof idSequences)[number],
): Promise<void> => {
  const [row] = await tx.all<{ next: number }>(`SELECT coalesce(max(id), 0) + 1 AS next FROM state.${table}`);
  const next = Math.trunc(row?.next ?? 1);
  if (backend === 'postgres') {
    await tx.all(`SELECT setval('state.${sequence}', $1, false)`, [next]);
    return;
  }
  await tx.run(`DROP SEQUENCE IF EXISTS state.${sequence}`);
  await tx.run(`CREATE SEQUENCE state.${sequence} START ${next}`);
};

export const editedContent: Migration = {
  version: 5,
  name: 'targets, monitoring sets, network scenarios, saved forecast variants and the chosen road network',
  statements: () => [
    ...tables,
    ...idSequences.map(({ sequence }) => `CREATE SEQUENCE state.${sequence} START 1`),
  ],
  async carryOver(tx, { backend, county }) {
    if (backend === 'embedded') await copyFromAnalyticStore(tx, county);
    for (const sequence of idSequences) await sequenceAfter(tx, backend, sequence);
  },
};

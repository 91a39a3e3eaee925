import { createHash } from 'node:crypto';
import {
  SoteatlasError,
  type StateBackup,
  type StateBackupTable,
  type StateTableSummary,
} from '../model/index.js';
import { idSequences, sequenceAfter } from './migrations/005-edited-content.js';
import type { StateDb, StateQueries } from './state-db.js';

/**
 * The tables of the schema `state` that carry a county, with their columns in order: found, not listed,
 * so that tables later migrations add (users, sessions, the audit log) are backed up without a change here.
 */
const countyTables = async (db: StateQueries): Promise<{ name: string; columns: string[] }[]> => {
  const rows = await db.all<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema
       AND t.table_name = c.table_name
     WHERE c.table_schema = 'state' AND c.table_catalog = current_database() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of rows)
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  return [...byTable]
    .filter(([, columns]) => columns.includes('county'))
    .map(([name, columns]) => ({ name, columns }));
};

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A table's rows of the county, as arrays in column order, in one order whatever the backend. */
const rowsOf = async (db: StateQueries, county: string, table: { name: string; columns: string[] }) => {
  const rows = await db.all(
    `SELECT ${table.columns.map(quoted).join(', ')} FROM state.${quoted(table.name)} WHERE county = $1`,
    [county],
  );
  return rows
    .map((row) =>
      table.columns.map((column) => (row[column] ?? null) as StateBackupTable['rows'][number][number]),
    )
    .sort((a, b) => {
      const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
};

const appliedMigrations = async (db: StateQueries): Promise<number[]> =>
  (await db.all<{ version: number }>('SELECT version FROM state.migrations ORDER BY version')).map(
    (r) => r.version,
  );

/** Row count and a hash of the rows (in their sorted order) per table, to compare two states by. */
export const summarise = (tables: readonly StateBackupTable[]): StateTableSummary[] =>
  tables.map((table) => ({
    table: table.name,
    rows: table.rows.length,
    sha256: createHash('sha256')
      .update(JSON.stringify([table.columns, table.rows]))
      .digest('hex'),
  }));

/** The county's whole state, read in one transaction so that it is one moment's. */
export const backupState = async (state: StateDb): Promise<StateBackup> =>
  state.transaction(async (tx) => {
    const tables = [];
    for (const table of await countyTables(tx))
      tables.push({ ...table, rows: await rowsOf(tx, state.county, table) });
    return {
      format: 'soteatlas-state-backup',
      formatVersion: 1,
      county: state.county,
      backend: state.backend,
      takenAt: new Date().toISOString(),
      migrations: await appliedMigrations(tx),
      tables,
    };
  });

/** The summary of the county's state as it is now. */
export const summariseState = async (state: StateDb): Promise<StateTableSummary[]> =>
  summarise((await backupState(state)).tables);

const refuse = (message: string, details: Record<string, string>) =>
  new SoteatlasError('conflict', message, { details });

/**
 * Replaces the county's rows in every table of the backup with the backup's, in one transaction: all of
 * it is restored, or nothing changes. The state must be of the same county and schema version.
 */
export const restoreState = async (state: StateDb, backup: StateBackup): Promise<StateTableSummary[]> => {
  if (backup.county !== state.county)
    throw refuse(`The backup is of county ${backup.county}, this state of county ${state.county}.`, {
      county: backup.county,
    });
  await state.transaction(async (tx) => {
    const migrations = await appliedMigrations(tx);
    if (migrations.join(',') !== backup.migrations.join(','))
      throw refuse(
        `The backup was taken at schema versions ${backup.migrations.join(', ')}; this state is at ${migrations.join(', ')}.`,
        { migrations: backup.migrations.join(',') },
      );
    const known = new Map((await countyTables(tx)).map((table) => [table.name, table.columns]));
    for (const table of backup.tables) {
      const columns = known.get(table.name);
      if (!columns || columns.join(',') !== table.columns.join(','))
        throw refuse(`The state has no table ${table.name} with the backup's columns.`, {
          table: table.name,
        });
    }
    for (const table of backup.tables) {
      await tx.run(`DELETE FROM state.${quoted(table.name)} WHERE county = $1`, [state.county]);
      const insert = `INSERT INTO state.${quoted(table.name)} (${table.columns.map(quoted).join(', ')})
        VALUES (${table.columns.map((_, i) => `$${i + 1}`).join(', ')})`;
      for (const row of table.rows) await tx.run(insert, row);
    }
    for (const sequence of idSequences) await sequenceAfter(tx, state.backend, sequence);
  });
  return summariseState(state);
};

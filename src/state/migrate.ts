import { migrations as allMigrations, type Migration } from './migrations/index.js';
import type { StateDb } from './state-db.js';

/** Applies the steps not yet applied; answers the versions it applied. */
export const migrate = async (
  db: StateDb,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> => {
  await db.run('CREATE SCHEMA IF NOT EXISTS state');
  await db.run(`CREATE TABLE IF NOT EXISTS state.migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
  )`);
  const done = new Set(
    (await db.all<{ version: number }>('SELECT version FROM state.migrations')).map((row) => row.version),
  );
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of migration.statements(db.backend)) await tx.run(statement);
      await migration.carryOver?.(tx, { backend: db.backend, county: db.county });
      await tx.run('INSERT INTO state.migrations VALUES ($1, $2, current_timestamp)', [
        migration.version,
        migration.name,
      ]);
    });
    applied.push(migration.version);
  }
  return applied;
};

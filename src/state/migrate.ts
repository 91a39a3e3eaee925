import { migrations as allMigrations, type Migration } from './migrations/index.js';
import type { StateDb, StateQueries } from './state-db.js';

/** The versions applied so far; none when the state has no record of them yet. */
const appliedVersions = async (db: StateQueries): Promise<Set<number>> => {
  try {
    const rows = await db.all<{ version: number }>('SELECT version FROM state.migrations');
    return new Set(rows.map((row) => row.version));
  } catch {
    return new Set();
  }
};

/**
 * Applies the steps not yet applied, all in one transaction; answers the versions it applied. A state
 * already up to date is only read, so that a database role that owns nothing can open it. On PostgreSQL
 * an advisory lock makes server processes started together apply the steps once, one after another.
 */
export const migrate = async (
  db: StateDb,
  migrations: readonly Migration[] = allMigrations,
): Promise<number[]> => {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const before = await appliedVersions(db);
  if (ordered.every((migration) => before.has(migration.version))) return [];
  return db.transaction(async (tx) => {
    if (db.backend === 'postgres') await tx.all("SELECT pg_advisory_xact_lock(hashtext('soteatlas state'))");
    // Only when missing: PostgreSQL asks for the right to create schemas even when the schema is there.
    const schemas = await tx.all("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'state'");
    if (schemas.length === 0) await tx.run('CREATE SCHEMA state');
    await tx.run(`CREATE TABLE IF NOT EXISTS state.migrations (
      version INTEGER PRIMARY KEY,
      name VARCHAR NOT NULL,
      applied_at TIMESTAMP NOT NULL
    )`);
    const done = await appliedVersions(tx);
    const applied: number[] = [];
    for (const migration of ordered) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements(db.backend)) await tx.run(statement);
      await migration.carryOver?.(tx, { backend: db.backend, county: db.county });
      await tx.run('INSERT INTO state.migrations VALUES ($1, $2, current_timestamp)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
};

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPostgresState } from './postgres.js';
import { setUpPostgres } from './postgres-setup.js';
import type { StateDb } from './state-db.js';
import { createTestDatabase, testPostgres } from './testing.js';

/** A row of the audit log with every column it requires. */
const auditRow = `INSERT INTO state.audit_log (county, seq, occurred_at, roles, scope, action, resource,
  parameters, outcome, request_id, source_address, hmac)
  VALUES ($1, $2, current_timestamp, '[]', '{}', 'read', '/api', '{}', 'ok', 'r', '127.0.0.1', 'x')`;

describe('a PostgreSQL state set up for servers', () => {
  const suffix = randomBytes(4).toString('hex');
  const appRole = `soteatlas_app_${suffix}`;
  const ownerRole = `soteatlas_owner_${suffix}`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const asApp = (county: string): Promise<StateDb> => {
    const url = new URL(database.url);
    url.username = appRole;
    return openPostgresState(url.href, county);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // A server run before the setup, as the administrator, made the schema: the setup takes it over.
    const earlier = await openPostgresState(database.url, '07');
    await migrate(earlier);
    await earlier.close();
    await setUpPostgres({ adminUrl: database.url, appRole, ownerRole });
  });

  afterAll(async () => {
    await database?.drop();
    const admin = new pg.Client({ ...testPostgres, database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${appRole}, ${ownerRole}`);
    await admin.end();
  });

  it('is owned by the owner role, which the application role is not', async () => {
    const app = await asApp('07');
    try {
      const owners = await app.all<{ tableowner: string }>(
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'state'",
      );
      expect(owners).toEqual([{ tableowner: ownerRole }]);
      await expect(app.run('CREATE TABLE state.mine (county VARCHAR)')).rejects.toThrow(/permission denied/);
      await expect(app.run('DROP TABLE state.targets')).rejects.toThrow(/must be owner/);
    } finally {
      await app.close();
    }
  });

  it("keeps one county's rows from another's, even for a query that does not filter by county", async () => {
    const mine = await asApp('07');
    const theirs = await asApp('09');
    try {
      await mine.run(
        `INSERT INTO state.targets (county, id, indicator_id, scope_level, period, target_value, direction,
         tolerance, updated_at) VALUES ('07', nextval('state.target_id_seq'), 'hc-visits-per-1000', 'county',
         '2025', 5, 'higherIsBetter', 1, current_timestamp)`,
      );
      expect(await mine.all('SELECT county FROM state.targets')).toEqual([{ county: '07' }]);
      expect(await theirs.all('SELECT county FROM state.targets')).toEqual([]);
      await theirs.run('UPDATE state.targets SET target_value = 0');
      await theirs.run('DELETE FROM state.targets');
      expect(await mine.all('SELECT target_value FROM state.targets')).toEqual([{ target_value: 5 }]);
      await expect(
        theirs.run(
          `INSERT INTO state.targets (county, id, indicator_id, scope_level, period, target_value, direction,
           tolerance, updated_at) VALUES ('07', 99, 'x', 'county', '2025', 1, 'higherIsBetter', 0, current_timestamp)`,
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('lets the application append to the audit log and read it, never change or delete a row', async () => {
    const app = await asApp('07');
    try {
      await app.run(auditRow, ['07', 1]);
      expect(await app.all('SELECT seq FROM state.audit_log')).toEqual([{ seq: 1 }]);
      await expect(app.run("UPDATE state.audit_log SET outcome = 'denied'")).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.run('DELETE FROM state.audit_log')).rejects.toThrow(/permission denied/);
      await expect(app.run('TRUNCATE state.audit_log')).rejects.toThrow(/permission denied/);
    } finally {
      await app.close();
    }
  });

  it('is run again after an upgrade without harm, and servers then open it as the application role', async () => {
    const grants = await setUpPostgres({ adminUrl: database.url, appRole, ownerRole });
    expect(grants.find((g) => g.table === 'audit_log')).toEqual({
      table: 'audit_log',
      privileges: ['SELECT', 'INSERT'],
      rowLevelSecurity: true,
    });
    expect(grants.find((g) => g.table === 'migrations')).toMatchObject({ privileges: ['SELECT'] });
    expect(grants.find((g) => g.table === 'audit_chain_start')).toMatchObject({ privileges: ['SELECT'] });
    expect(grants.filter((g) => g.table !== 'migrations').every((g) => g.rowLevelSecurity)).toBe(true);
    // A server opening the state as the application role finds it up to date and changes no schema.
    const app = await asApp('07');
    try {
      expect(await migrate(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

import pg from 'pg';
import { migrate } from './migrate.js';
import { openPostgresState } from './postgres.js';
import type { StateQueries } from './state-db.js';

/**
 * Tables the application may only read and append to: a row once written is never changed or deleted
 * by it (the audit log; only the owner role prunes it).
 */
export const appendOnlyTables: readonly string[] = ['audit_log'];

/**
 * Tables the application may only read: where the audit chain starts after pruning, which only the
 * owner role's pruning writes.
 */
export const readOnlyTables: readonly string[] = ['audit_chain_start'];

/** The policy every county table gets: a connection sees and writes only its own county's rows. */
const countyPolicy = "county = current_setting('soteatlas.county', true)";

const roleName = /^[a-z_][a-z0-9_]*$/;

export interface PostgresSetup {
  /** A role that may create roles and databases' schemas (e.g. postgres), as a connection URL. */
  adminUrl: string;
  /** The role the servers connect as: it owns nothing, and may only read and write rows. */
  appRole: string;
  /** The role that owns the schema and its tables, and runs migrations; it does not log in. */
  ownerRole?: string;
}

/** What the application role was granted on each table. */
export interface TableGrant {
  table: string;
  privileges: string[];
  rowLevelSecurity: boolean;
}

const createRoleIfMissing = async (admin: pg.Client, role: string, login: boolean): Promise<void> => {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (rowCount === 0) await admin.query(`CREATE ROLE ${role} ${login ? 'LOGIN' : 'NOLOGIN'}`);
};

/** The schema and everything in it made the owner's, whoever made them before (a server run as postgres). */
const giveSchemaTo = async (admin: pg.Client, owner: string): Promise<void> => {
  // The first migration says CREATE SCHEMA IF NOT EXISTS, which asks for the right even when the schema is there.
  const { rows: database } = await admin.query<{ name: string }>('SELECT current_database() AS name');
  await admin.query(`GRANT CREATE ON DATABASE "${database[0]?.name}" TO ${owner}`);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS state AUTHORIZATION ${owner}`);
  await admin.query(`ALTER SCHEMA state OWNER TO ${owner}`);
  const { rows: tables } = await admin.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'state'",
  );
  for (const { name } of tables) await admin.query(`ALTER TABLE state."${name}" OWNER TO ${owner}`);
  const { rows: sequences } = await admin.query<{ name: string }>(
    "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'state'",
  );
  for (const { name } of sequences) await admin.query(`ALTER SEQUENCE state."${name}" OWNER TO ${owner}`);
  const { rows } = await admin.query<{ rolsuper: boolean }>(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
  );
  // An administrator that is not a superuser acts as the owner only as a member of it.
  if (!rows[0]?.rolsuper) await admin.query(`GRANT ${owner} TO current_user`);
};

/** Grants the application role rows, never objects, and turns on the county policy on every county table. */
const grantRows = async (tx: StateQueries, app: string): Promise<TableGrant[]> => {
  await tx.run(`REVOKE ALL ON SCHEMA state FROM ${app}`);
  await tx.run(`GRANT USAGE ON SCHEMA state TO ${app}`);
  const tables = await tx.all<{ table_name: string; has_county: boolean }>(
    `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'state'
       AND c.table_name = t.table_name AND c.column_name = 'county') AS has_county
     FROM information_schema.tables t WHERE t.table_schema = 'state' AND t.table_type = 'BASE TABLE'
     ORDER BY t.table_name`,
  );
  const grants: TableGrant[] = [];
  for (const { table_name: table, has_county: hasCounty } of tables) {
    const name = `state."${table}"`;
    await tx.run(`REVOKE ALL ON ${name} FROM ${app}`);
    const privileges =
      !hasCounty || readOnlyTables.includes(table)
        ? ['SELECT']
        : appendOnlyTables.includes(table)
          ? ['SELECT', 'INSERT']
          : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
    await tx.run(`GRANT ${privileges.join(', ')} ON ${name} TO ${app}`);
    if (hasCounty) {
      await tx.run(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY`);
      await tx.run(`DROP POLICY IF EXISTS county_rows ON ${name}`);
      await tx.run(
        `CREATE POLICY county_rows ON ${name} USING (${countyPolicy}) WITH CHECK (${countyPolicy})`,
      );
    }
    grants.push({ table, privileges, rowLevelSecurity: hasCounty });
  }
  await tx.run(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA state TO ${app}`);
  return grants;
};

/**
 * Prepares a PostgreSQL database for Soteatlas servers: an owner role that owns the schema and runs the
 * migrations, and an application role that owns nothing and may only read and write rows, each row only
 * of the county its connection names (row-level security, as defence in depth beside the queries' own
 * filter). Run it again after an upgrade: it migrates, and grants on the tables new migrations made.
 */
export const setUpPostgres = async ({
  adminUrl,
  appRole,
  ownerRole = 'soteatlas_owner',
}: PostgresSetup): Promise<TableGrant[]> => {
  for (const role of [appRole, ownerRole])
    if (!roleName.test(role)) throw new Error(`not a role name: ${JSON.stringify(role)}`);
  if (appRole === ownerRole) throw new Error('the application role must not be the owner role');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await createRoleIfMissing(admin, ownerRole, false);
    await createRoleIfMissing(admin, appRole, true);
    await giveSchemaTo(admin, ownerRole);
  } finally {
    await admin.end();
  }
  // The county only names the connections' setting here: migrations and grants are for every county.
  const asOwner = await openPostgresState(adminUrl, '00', { role: ownerRole });
  try {
    await migrate(asOwner);
    return await asOwner.transaction((tx) => grantRows(tx, appRole));
  } finally {
    await asOwner.close();
  }
};

import pg from 'pg';
import type { StateDb, StateQueries, StateRow, StateValue } from './state-db.js';

// int8 and numeric come back as strings by default; the state keeps counts and ids well within 2^53.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    if (oid === pg.types.builtins.TIMESTAMP) return (text: string) => new Date(`${text}Z`).toISOString();
    if (oid === pg.types.builtins.TIMESTAMPTZ) return (text: string) => new Date(text).toISOString();
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const queriesOn = (client: pg.Pool | pg.PoolClient): StateQueries => ({
  async all<T = StateRow>(sql: string, params: readonly StateValue[] = []) {
    return (await client.query({ text: sql, values: [...params], types })).rows as T[];
  },
  async run(sql, params = []) {
    await client.query({ text: sql, values: [...params], types });
  },
});

/** Names that go into SQL and connection options unquoted: a county's code, a role's name. */
const plainName = /^[A-Za-z0-9_]+$/;

export interface PostgresStateOptions {
  /**
   * The role to act as (as SET ROLE does) on every connection: the owner of the schema, for `soteatlas state
   * setup`, which connects as an administrator and migrates as the owner.
   */
  role?: string;
}

/**
 * The state on a PostgreSQL server, shared by every server process of a county. Each session works in
 * UTC, so that TIMESTAMP values mean the same whichever process wrote them, and names its county in
 * `soteatlas.county`, which the row-level security policies compare each row's county with.
 */
export const openPostgresState = async (
  url: string,
  county: string,
  { role }: PostgresStateOptions = {},
): Promise<StateDb> => {
  if (!plainName.test(county)) throw new Error(`not a county code: ${JSON.stringify(county)}`);
  if (role !== undefined && !plainName.test(role))
    throw new Error(`not a role name: ${JSON.stringify(role)}`);
  // Startup options: every connection the pool opens works in UTC, for the county, as the role.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c TimeZone=UTC -c soteatlas.county=${county}${role === undefined ? '' : ` -c role=${role}`}`,
  });
  pool.on('error', () => undefined); // an idle client's lost connection is replaced on next use
  const queries = queriesOn(pool);
  await queries.run('SELECT 1');
  return {
    backend: 'postgres',
    county,
    ...queries,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queriesOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};

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

/**
 * The state on a PostgreSQL server, shared by every server process of a county. Each session works in
 * UTC, so that TIMESTAMP values mean the same whichever process wrote them.
 */
export const openPostgresState = async (url: string, county: string): Promise<StateDb> => {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c TimeZone=UTC' });
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

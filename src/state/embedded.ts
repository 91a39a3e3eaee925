import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../store/index.js';
import { serial } from './serial.js';
import type { StateDb, StateQueries, StateRow, StateValue } from './state-db.js';

const plain = (value: unknown): unknown => {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
};

const queriesOn = (connection: DuckDBConnection): StateQueries => ({
  async all<T = StateRow>(sql: string, params: readonly StateValue[] = []) {
    const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJS().map((row) => {
      const out: StateRow = {};
      for (const [key, value] of Object.entries(row)) out[key] = plain(value);
      return out;
    }) as T[];
  },
  async run(sql, params = []) {
    await connection.run(sql, params as DuckDBValue[]);
  },
});

/**
 * The state inside the DuckDB store, so that a single county on one machine needs nothing else. It has a
 * connection of its own, and every query waits for the one before: a transaction on a shared connection
 * would otherwise take in whatever another request ran meanwhile.
 */
export const openEmbeddedState = async (store: Store, county: string): Promise<StateDb> => {
  const connection = await store.connect();
  const queries = queriesOn(connection);
  const oneAtATime = serial();
  return {
    backend: 'embedded',
    county,
    all: (sql, params) => oneAtATime(() => queries.all(sql, params)),
    run: (sql, params) => oneAtATime(() => queries.run(sql, params)),
    transaction: (work) =>
      oneAtATime(async () => {
        await connection.run('BEGIN TRANSACTION');
        try {
          const result = await work(queries);
          await connection.run('COMMIT');
          return result;
        } catch (error) {
          await connection.run('ROLLBACK');
          throw error;
        }
      }),
    async close() {
      await oneAtATime(async () => connection.closeSync());
    },
  };
};

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { openState } from './open.js';
import type { StateDb } from './state-db.js';

/** The machine's PostgreSQL, as the tests and the benchmarks reach it. */
export const testPostgres = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

const adminUrl = `postgres://${testPostgres.user}@${testPostgres.host}:${testPostgres.port}/postgres`;

/** A new, empty database on the test server; dropped by the function it answers with. */
export const createTestDatabase = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `soteatlas_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${testPostgres.user}@${testPostgres.host}:${testPostgres.port}/${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

export interface TestState {
  state: StateDb;
  store: Store;
  /** The PostgreSQL database's URL on the postgres backend, for a second connection to the same state. */
  url: string | undefined;
  close(): Promise<void>;
}

/** The backends every state test runs against: `describe.each(stateBackends)`. */
export const stateBackends = ['embedded', 'postgres'] as const;
export type StateBackend = (typeof stateBackends)[number];

/** A fresh state on `backend`, beside a fresh sample store, for county "07". */
export const openTestState = async (backend: StateBackend, county = '07'): Promise<TestState> => {
  const store = await openSampleStore();
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  const state = await openState({ store, url: database?.url, county });
  return {
    state,
    store,
    url: database?.url,
    async close() {
      await state.close();
      store.close();
      await database?.drop();
    },
  };
};
export { sampleAuditEntry, testAuditKey } from './audit/testing.js';

import type { Store } from '../store/index.js';
import { openEmbeddedState } from './embedded.js';
import { migrate } from './migrate.js';
import { openPostgresState } from './postgres.js';
import type { StateDb } from './state-db.js';

export interface StateOptions {
  /** The analytic store, which holds the state too unless `url` names a PostgreSQL server. */
  store: Store;
  /** `postgres://…` for a shared server; absent for the embedded default. */
  url?: string;
  county: string;
  /** On PostgreSQL, the role to act as on every connection (the schema's owner, when setting it up). */
  role?: string;
}

/** Opens the state and brings its schema up to date. */
export const openState = async ({ store, url, county, role }: StateOptions): Promise<StateDb> => {
  const db = url
    ? await openPostgresState(url, county, role === undefined ? {} : { role })
    : await openEmbeddedState(store, county);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
};

import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ServiceClass } from '../model/index.js';
import { schemaStatements, schemaVersion } from './schema.js';
import { loadServiceClasses } from './service-classes.js';
import { explainStoreLock } from './store-lock.js';

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

/** The embedded DuckDB store: one file, one writer. */
export interface Store {
  readonly path: string;
  readonly connection: DuckDBConnection;
  run(sql: string, params?: SqlParams): Promise<void>;
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Another connection to the same database, for work that must not share this one's transactions. */
  connect(): Promise<DuckDBConnection>;
  /**
   * Runs `work` with every query it makes on a connection of its own, interrupted when `signal` aborts:
   * a request over its time budget stops its own query and nobody else's. The connection is closed when
   * `work` settles, so work started inside must also finish inside.
   */
  interruptible<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` on the shared connection even when called from interruptible work: for what other
   * requests wait on too (a cache being built), which one request's time budget must not stop.
   */
  shared<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Closes the store at once when nothing runs on it; otherwise interrupts what runs and closes once it
   * has stopped. The promise settles when the store is closed.
   */
  close(): Promise<void>;
}

const toPlain = (value: unknown): unknown => {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  const plain: Row = {};
  for (const [key, item] of Object.entries(value)) plain[key] = toPlain(item);
  return plain;
};

/** DATE columns come back as "YYYY-MM-DD", as the model's IsoDate; other values as plain JSON-able data. */
const plainRows = (reader: DuckDBResultReader): Row[] => {
  const dateColumns = new Set(
    reader.columnNames().filter((_, i) => reader.columnTypes()[i]?.typeId === DuckDBTypeId.DATE),
  );
  return reader.getRowObjectsJS().map((row) => {
    const plain: Row = {};
    for (const [key, value] of Object.entries(row)) {
      plain[key] =
        dateColumns.has(key) && value instanceof Date ? value.toISOString().slice(0, 10) : toPlain(value);
    }
    return plain;
  });
};

export const openStore = async (path: string, options: { readOnly?: boolean } = {}): Promise<Store> => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(
    path,
    options.readOnly ? { access_mode: 'READ_ONLY' } : {},
  ).catch((error: unknown) => {
    throw explainStoreLock(error, path) ?? error;
  });
  const shared = await instance.connect();
  // The connection of the interruptible work this call runs inside, if any; else the shared one. Caches
  // are kept per store, so the work must see the same store object, only on another connection.
  const scopes = new AsyncLocalStorage<DuckDBConnection>();
  const current = (): DuckDBConnection => scopes.getStore() ?? shared;
  const inTransaction = new WeakSet<DuckDBConnection>();
  // Queries still running on a connection of interruptible work. Work that fails while a query it
  // started beside another is still running (Promise.all) must not close the connection under it:
  // DuckDB would then run that query on a freed connection and take the process down.
  const running = new WeakMap<DuckDBConnection, Set<Promise<unknown>>>();
  // Every query still running, on any connection: closing the store waits for them, for the same reason.
  const inFlight = new Set<Promise<unknown>>();
  const tracked = <T>(connection: DuckDBConnection, query: Promise<T>): Promise<T> => {
    const queries = running.get(connection);
    queries?.add(query);
    inFlight.add(query);
    const done = () => {
      queries?.delete(query);
      inFlight.delete(query);
    };
    query.then(done, done);
    return query;
  };
  // An interrupt that reaches DuckDB before it has begun a query is lost, and the query then runs to
  // its end (a busy machine makes that likely), so it is repeated until every tracked query has stopped.
  const interruptUntilStopped = async (
    connections: () => Iterable<DuckDBConnection>,
    queries: Set<Promise<unknown>>,
  ) => {
    do {
      for (const connection of connections()) connection.interrupt();
      if (queries.size === 0) return;
      await Promise.race([
        Promise.allSettled([...queries]),
        new Promise((resolve) => setTimeout(resolve, 50)),
      ]);
    } while (queries.size > 0);
  };
  // Code that queries the raw connection (appenders, readers) inside interruptible work is tracked too,
  // so that the connection is never closed under one of its queries.
  const queryMethods = new Set<PropertyKey>([
    'run',
    'runAndRead',
    'runAndReadAll',
    'stream',
    'streamAndReadAll',
  ]);
  const trackedConnection = (connection: DuckDBConnection): DuckDBConnection =>
    new Proxy(connection, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (!queryMethods.has(property)) return value.bind(target);
        return (...args: unknown[]) => tracked(target, value.apply(target, args) as Promise<unknown>);
      },
    });
  // Connections of interruptible work that is still going on.
  const ownConnections = new Set<DuckDBConnection>();
  let closed = false;
  let closing: Promise<void> | undefined;
  const closeNow = () => {
    if (closed) return;
    closed = true;
    shared.closeSync();
    instance.closeSync();
  };
  // A store closed while a query still runs (a request whose client has gone, a cache being built) stops
  // that query first: closing a connection under its own running query takes the process down.
  const stopThenClose = async () => {
    await interruptUntilStopped(() => [shared, ...ownConnections], inFlight);
    closeNow();
  };
  const store: Store = {
    path,
    get connection() {
      return trackedConnection(current());
    },
    async run(sql, params) {
      const connection = current();
      await tracked(connection, connection.run(sql, params));
    },
    async all<T>(sql: string, params?: SqlParams) {
      const connection = current();
      return plainRows(await tracked(connection, connection.runAndReadAll(sql, params))) as T[];
    },
    async transaction(work) {
      const connection = current();
      if (inTransaction.has(connection)) throw new Error('nested transactions are not supported');
      inTransaction.add(connection);
      await tracked(connection, connection.run('BEGIN TRANSACTION'));
      try {
        const result = await work();
        await tracked(connection, connection.run('COMMIT'));
        return result;
      } catch (error) {
        await tracked(connection, connection.run('ROLLBACK'));
        throw error;
      } finally {
        inTransaction.delete(connection);
      }
    },
    connect: () => instance.connect(),
    async interruptible(signal, work) {
      signal.throwIfAborted();
      const own = await instance.connect();
      const queries = new Set<Promise<unknown>>();
      running.set(own, queries);
      ownConnections.add(own);
      const interrupt = () => void interruptUntilStopped(() => [own], queries);
      signal.addEventListener('abort', interrupt, { once: true });
      try {
        return await scopes.run(own, work);
      } finally {
        // Whatever is still running is interrupted, and the connection closed only once it has stopped.
        if (queries.size > 0) await interruptUntilStopped(() => [own], queries);
        signal.removeEventListener('abort', interrupt);
        ownConnections.delete(own);
        own.closeSync();
      }
    },
    shared: (work) => scopes.exit(work),
    close() {
      if (inFlight.size === 0) {
        closeNow();
        return Promise.resolve();
      }
      closing ??= stopThenClose();
      return closing;
    },
  };
  if (!options.readOnly) await migrate(store);
  return store;
};

const migrate = async (store: Store): Promise<void> => {
  for (const statement of schemaStatements) await store.run(statement);
  const versions = await store.all<{ version: number }>('SELECT version FROM schema_version');
  if (versions.length === 0) {
    await store.transaction(async () => {
      await store.run('INSERT INTO schema_version VALUES ($1)', [schemaVersion]);
      await seedServiceClasses(store, loadServiceClasses());
    });
  }
};

export const seedServiceClasses = async (store: Store, classes: ServiceClass[]): Promise<void> => {
  for (const c of classes) {
    await store.run(`INSERT OR REPLACE INTO service_classes VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      c.code,
      c.nameFi,
      c.nameSv,
      c.nameEn,
      c.serviceArea,
      c.eventKind,
      c.ageFrom,
      c.ageTo,
    ]);
  }
};

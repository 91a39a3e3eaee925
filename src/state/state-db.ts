/** A row as the state store answers it: numbers as numbers, times as ISO 8601 strings in UTC. */
export type StateRow = Record<string, unknown>;

/** A value bound to a `$1`-style placeholder. */
export type StateValue = string | number | boolean | null;

/** The queries both backends answer alike. SQL is written once, in the dialect both PostgreSQL and DuckDB read. */
export interface StateQueries {
  all<T = StateRow>(sql: string, params?: readonly StateValue[]): Promise<T[]>;
  /** Runs a statement; answers the number of rows it changed where the backend says so. */
  run(sql: string, params?: readonly StateValue[]): Promise<void>;
}

/**
 * Where users, sessions, role grants, the audit log and everything users edit are kept: inside the
 * DuckDB store by default, or on a PostgreSQL server that several server processes share. Every table
 * lives in the `state` schema and carries the county it belongs to.
 */
export interface StateDb extends StateQueries {
  readonly backend: 'embedded' | 'postgres';
  /** The county whose state this is (its code, e.g. "07" for Päijät-Häme). */
  readonly county: string;
  /** Runs `work` in one transaction: all of it is kept, or none of it. Transactions never interleave. */
  transaction<T>(work: (tx: StateQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

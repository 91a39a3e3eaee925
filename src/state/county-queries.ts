import type { StateDb, StateQueries } from './state-db.js';

/** Queries that know the county they read and write for: a state, or a transaction on one. */
export interface CountyQueries extends StateQueries {
  readonly county: string;
}

/** A transaction on `state` whose queries carry the state's county, for helpers shared with plain reads. */
export const countyTransaction = <T>(state: StateDb, work: (tx: CountyQueries) => Promise<T>): Promise<T> =>
  state.transaction((tx) => work({ county: state.county, all: tx.all, run: tx.run }));

import type { StateDb, StateQueries } from '../state-db.js';

/**
 * One step of the state's schema. Steps are applied in version order, each once, each in a transaction;
 * a step already applied is never edited, only followed by another.
 */
export interface Migration {
  version: number;
  name: string;
  /** The statements, for the backend at hand where the dialects differ. */
  statements: (backend: StateDb['backend']) => readonly string[];
  /**
   * Work that fixed statements cannot say, run after them in the same transaction: rows carried over
   * from where an older version kept them, or objects whose settings depend on rows already there.
   */
  carryOver?: (tx: StateQueries, context: Pick<StateDb, 'backend' | 'county'>) => Promise<void>;
}

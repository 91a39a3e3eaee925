import { createHash } from 'node:crypto';
import type { StateDb, StateQueries } from '../state-db.js';
import { firstPrevious } from './chain.js';

/**
 * Takes the county's audit lock for the rest of the transaction. On PostgreSQL, processes that append
 * to one county's log wait for each other here, so that no two rows take the same place in the chain;
 * the embedded state runs one transaction at a time already. The key is a hash of the county, so that
 * counties sharing a server do not wait for each other.
 */
export const lockAuditChain = async (
  tx: StateQueries,
  { backend, county }: Pick<StateDb, 'backend' | 'county'>,
): Promise<void> => {
  if (backend !== 'postgres') return;
  const key = createHash('sha256').update(`soteatlas audit log ${county}`).digest().readBigInt64BE(0);
  await tx.run('SELECT pg_advisory_xact_lock(CAST($1 AS BIGINT))', [key.toString()]);
};

/** The row the next one chains to: the newest, else the pruned boundary, else the chain's beginning. */
export const chainTail = async (tx: StateQueries, county: string): Promise<{ seq: number; hmac: string }> => {
  const [newest] = await tx.all<{ seq: number; hmac: string }>(
    'SELECT seq, hmac FROM state.audit_log WHERE county = $1 ORDER BY seq DESC LIMIT 1',
    [county],
  );
  if (newest) return newest;
  const [start] = await tx.all<{ seq: number; hmac: string }>(
    'SELECT seq, hmac FROM state.audit_chain_start WHERE county = $1',
    [county],
  );
  return start ?? firstPrevious;
};

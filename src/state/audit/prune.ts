import type { StateDb } from '../state-db.js';
import { type ChainStart, chainStartMac } from './chain.js';
import { sqlTimestamp } from './rows.js';
import { lockAuditChain } from './tail.js';
import { verifyAuditLog } from './verify.js';

/** As long as Kanta keeps its logs of who saw a patient's data. */
export const defaultRetentionYears = 12;

export interface PruneOptions {
  retentionYears?: number;
  now?: Date;
}

export interface PruneResult {
  rowsPruned: number;
  /** The new start of the chain: the last row pruned. */
  start?: ChainStart;
}

const cutoffOf = (now: Date, retentionYears: number): Date => {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
  return cutoff;
};

/**
 * Removes the rows older than the retention, from the oldest on, and keeps the last removed row's
 * number and HMAC as where the chain now starts (with an HMAC of its own), so that the rows left still
 * verify. Only a log that verifies is pruned: pruning must not wash away the evidence of tampering.
 * On PostgreSQL this needs the owner role; the application's role may not delete audit rows.
 */
export const pruneAuditLog = async (
  state: StateDb,
  key: Buffer,
  { retentionYears = defaultRetentionYears, now = new Date() }: PruneOptions = {},
): Promise<PruneResult> => {
  const verification = await verifyAuditLog(state, key);
  if (!verification.ok)
    throw new Error(`The audit log does not verify, so it is not pruned: ${verification.problem?.message}`);
  const cutoff = sqlTimestamp(cutoffOf(now, retentionYears).toISOString());
  return state.transaction(async (tx) => {
    await lockAuditChain(tx, state);
    const [last] = await tx.all<{ seq: number; hmac: string; occurredAt: string }>(
      `SELECT seq, hmac, occurred_at AS "occurredAt" FROM state.audit_log
       WHERE county = $1 AND occurred_at < CAST($2 AS TIMESTAMP) ORDER BY seq DESC LIMIT 1`,
      [state.county, cutoff],
    );
    if (!last) return { rowsPruned: 0 };
    const [counted] = await tx.all<{ rows: number }>(
      'SELECT count(*) AS "rows" FROM state.audit_log WHERE county = $1 AND seq <= $2',
      [state.county, last.seq],
    );
    await tx.run('DELETE FROM state.audit_log WHERE county = $1 AND seq <= $2', [state.county, last.seq]);
    const start: ChainStart = { county: state.county, ...last, prunedAt: now.toISOString() };
    await tx.run(
      `INSERT INTO state.audit_chain_start (county, seq, hmac, occurred_at, pruned_at, mac)
       VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), CAST($5 AS TIMESTAMP), $6)
       ON CONFLICT (county) DO UPDATE SET seq = excluded.seq, hmac = excluded.hmac,
         occurred_at = excluded.occurred_at, pruned_at = excluded.pruned_at, mac = excluded.mac`,
      [
        start.county,
        start.seq,
        start.hmac,
        sqlTimestamp(start.occurredAt),
        sqlTimestamp(start.prunedAt),
        chainStartMac(key, start),
      ],
    );
    return { rowsPruned: counted?.rows ?? 0, start };
  });
};

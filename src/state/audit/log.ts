import type { AuditEntry } from '../../model/index.js';
import type { AuditSink } from '../audit-sink.js';
import type { StateDb } from '../state-db.js';
import { type ChainedRow, rowHmac } from './chain.js';
import { cleanEntry } from './clean.js';
import { sqlTimestamp } from './rows.js';
import { chainTail, lockAuditChain } from './tail.js';

const insert = `INSERT INTO state.audit_log (county, seq, occurred_at, user_issuer, user_subject, roles, scope,
  action, resource, parameters, rows_returned, cells_suppressed, outcome, status, request_id, source_address,
  hmac) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

/**
 * The audit log of `state`'s county, chained with `key` (see key.ts). Each entry is appended in a
 * transaction of its own, under the county's lock, after the newest row: its number is that row's plus
 * one and its HMAC covers that row's HMAC. The time is taken under the lock, so numbers and times agree.
 */
export const openAuditLog = (state: StateDb, key: Buffer, { now = () => new Date() } = {}): AuditSink => ({
  append: (entry: AuditEntry) =>
    state.transaction(async (tx) => {
      await lockAuditChain(tx, state);
      const previous = await chainTail(tx, state.county);
      const row: ChainedRow = {
        county: state.county,
        seq: previous.seq + 1,
        occurredAt: now().toISOString(),
        ...cleanEntry(entry),
      };
      await tx.run(insert, [
        row.county,
        row.seq,
        sqlTimestamp(row.occurredAt),
        row.userIssuer,
        row.userSubject,
        row.roles,
        row.scope,
        row.action,
        row.resource,
        row.parameters,
        row.rowsReturned,
        row.cellsSuppressed,
        row.outcome,
        row.status,
        row.requestId,
        row.sourceAddress,
        rowHmac(key, row, previous.hmac),
      ]);
    }),
});

import type { AuditOutcome, AuditRecord, Role } from '../../model/index.js';
import type { ChainedRow, ChainStart } from './chain.js';

/** The columns of state.audit_log, each named as ChainedRow names it, and the HMAC. */
export const auditColumns = `county, seq, occurred_at AS "occurredAt", user_issuer AS "userIssuer",
  user_subject AS "userSubject", roles, scope, action, resource, parameters,
  rows_returned AS "rowsReturned", cells_suppressed AS "cellsSuppressed", outcome, status,
  request_id AS "requestId", source_address AS "sourceAddress", hmac`;

export interface StoredRow extends ChainedRow {
  hmac: string;
}

export const chainStartColumns = `county, seq, hmac, occurred_at AS "occurredAt", pruned_at AS "prunedAt", mac`;

export interface StoredChainStart extends ChainStart {
  mac: string;
}

/** A time as both backends read it into a TIMESTAMP: "2026-12-05 01:02:03.456", in UTC. */
export const sqlTimestamp = (isoTime: string): string =>
  new Date(isoTime).toISOString().replace('T', ' ').replace('Z', '');

/** A stored row as the API answers it. */
export const auditRecordOf = (row: StoredRow): AuditRecord => ({
  seq: row.seq,
  time: row.occurredAt,
  ...(row.userIssuer !== null &&
    row.userSubject !== null && { user: { issuer: row.userIssuer, subject: row.userSubject } }),
  roles: JSON.parse(row.roles) as Role[],
  scope: JSON.parse(row.scope) as AuditRecord['scope'],
  action: row.action,
  resource: row.resource,
  parameters: JSON.parse(row.parameters) as Record<string, unknown>,
  ...(row.rowsReturned !== null && { rowsReturned: row.rowsReturned }),
  ...(row.cellsSuppressed !== null && { cellsSuppressed: row.cellsSuppressed }),
  outcome: row.outcome as AuditOutcome,
  ...(row.status !== null && { status: row.status }),
  requestId: row.requestId,
  sourceAddress: row.sourceAddress,
});

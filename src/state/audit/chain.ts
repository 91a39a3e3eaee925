import { createHmac } from 'node:crypto';

/** A row of state.audit_log as stored, but for its HMAC: the text of JSON columns exactly as written. */
export interface ChainedRow {
  county: string;
  seq: number;
  /** ISO 8601 in UTC, to the millisecond, as the database gives it back. */
  occurredAt: string;
  userIssuer: string | null;
  userSubject: string | null;
  roles: string;
  scope: string;
  action: string;
  resource: string;
  parameters: string;
  rowsReturned: number | null;
  cellsSuppressed: number | null;
  outcome: string;
  status: number | null;
  requestId: string;
  sourceAddress: string;
}

/** Where the chain begins once old rows are pruned: the last pruned row's number, HMAC and time. */
export interface ChainStart {
  county: string;
  seq: number;
  hmac: string;
  occurredAt: string;
  prunedAt: string;
}

/** What the first row of a county's log chains to while nothing has been pruned. */
export const firstPrevious = { seq: 0, hmac: '' } as const;

// A version tag first, so that a later change to the serialisation can be told from tampering.
const rowTag = 'soteatlas-audit-row-1';
const startTag = 'soteatlas-audit-start-1';

const hmacOf = (key: Buffer, fields: readonly unknown[]): string =>
  createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');

/**
 * HMAC-SHA256 over the row and the HMAC of the row before it. The canonical form is a JSON array of
 * the columns in a fixed order, so that no two different rows serialise alike (JSON quotes every string).
 */
export const rowHmac = (key: Buffer, row: ChainedRow, previousHmac: string): string =>
  hmacOf(key, [
    rowTag,
    row.county,
    row.seq,
    row.occurredAt,
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
    previousHmac,
  ]);

/** The chain start's own HMAC: without the key, nobody can move the start to hide rows after it. */
export const chainStartMac = (key: Buffer, start: ChainStart): string =>
  hmacOf(key, [startTag, start.county, start.seq, start.hmac, start.occurredAt, start.prunedAt]);

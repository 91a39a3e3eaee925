import type { AuditAnchor } from '../../model/index.js';
import type { StateDb } from '../state-db.js';
import { chainStartMac, firstPrevious, rowHmac } from './chain.js';
import { auditColumns, chainStartColumns, type StoredChainStart, type StoredRow } from './rows.js';

/** The first thing wrong, and the row it shows at. */
export interface AuditProblem {
  /** The first row that is not as it was written (or, for the start, the pruned boundary's number). */
  seq: number;
  kind: 'changed' | 'missing' | 'startChanged' | 'truncated' | 'anchorDiffers' | 'otherCounty';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  /** Where the chain begins: 0, or the last pruned row. */
  startSeq: number;
  lastSeq: number;
  problem?: AuditProblem;
  /** Whether an anchor was given and its row could be compared (not when pruned since). */
  anchor?: 'matches' | 'prunedSince';
}

const batchRows = 5000;

const startOf = async (
  state: StateDb,
  key: Buffer,
): Promise<{ seq: number; hmac: string; problem?: AuditProblem }> => {
  const [start] = await state.all<StoredChainStart>(
    `SELECT ${chainStartColumns} FROM state.audit_chain_start WHERE county = $1`,
    [state.county],
  );
  if (!start) return firstPrevious;
  if (chainStartMac(key, start) === start.mac) return start;
  const message = `The chain's start (rows up to ${start.seq} pruned) is not as pruning wrote it.`;
  return { ...start, problem: { seq: start.seq, kind: 'startChanged', message } };
};

const rowProblem = (row: StoredRow, previous: { seq: number }, expectedHmac: string) => {
  if (row.seq !== previous.seq + 1) {
    const missing =
      row.seq - 1 === previous.seq + 1 ? `${row.seq - 1}` : `${previous.seq + 1}–${row.seq - 1}`;
    const message = `Row ${row.seq} follows row ${previous.seq}: row ${missing} is missing, or row ${row.seq}'s number was changed.`;
    return { seq: row.seq, kind: 'missing' as const, message };
  }
  if (row.hmac !== expectedHmac) {
    const message = `Row ${row.seq} does not match its HMAC: it was changed, inserted, or moved here from elsewhere in the log.`;
    return { seq: row.seq, kind: 'changed' as const, message };
  }
  return undefined;
};

const anchorProblem = (
  anchor: AuditAnchor,
  county: string,
  verification: AuditVerification,
  hmacAtAnchor: string | undefined,
): AuditProblem | 'matches' | 'prunedSince' => {
  if (anchor.county !== county)
    return { seq: anchor.seq, kind: 'otherCounty', message: `The anchor is of county ${anchor.county}.` };
  if (anchor.seq > verification.lastSeq) {
    const message = `The log ends at row ${verification.lastSeq}, but the anchor exported at ${anchor.exportedAt} has row ${anchor.seq}: rows ${verification.lastSeq + 1}–${anchor.seq} were removed.`;
    return { seq: verification.lastSeq + 1, kind: 'truncated', message };
  }
  if (hmacAtAnchor === undefined) return 'prunedSince';
  if (hmacAtAnchor === anchor.hmac) return 'matches';
  const message = `Row ${anchor.seq} is not the row the anchor exported at ${anchor.exportedAt} saw: the log was rewritten from there on.`;
  return { seq: anchor.seq, kind: 'anchorDiffers', message };
};

/**
 * Walks the county's log in order and recomputes every row's HMAC from its content and the row
 * before: a changed, inserted, deleted or swapped row breaks the chain there, and the first break is
 * named. Rows removed from the end are caught against `anchor`, the last one exported.
 */
export const verifyAuditLog = async (
  state: StateDb,
  key: Buffer,
  anchor?: AuditAnchor,
): Promise<AuditVerification> => {
  const start = await startOf(state, key);
  const verification: AuditVerification = {
    ok: true,
    rowsChecked: 0,
    startSeq: start.seq,
    lastSeq: start.seq,
  };
  if (start.problem) return { ...verification, ok: false, problem: start.problem };
  let previous = { seq: start.seq, hmac: start.hmac };
  let hmacAtAnchor = anchor?.seq === start.seq ? start.hmac : undefined;
  for (;;) {
    const rows = await state.all<StoredRow>(
      `SELECT ${auditColumns} FROM state.audit_log WHERE county = $1 AND seq > $2 ORDER BY seq LIMIT ${batchRows}`,
      [state.county, previous.seq],
    );
    for (const row of rows) {
      const problem = rowProblem(row, previous, rowHmac(key, row, previous.hmac));
      if (problem) return { ...verification, ok: false, problem };
      verification.rowsChecked += 1;
      verification.lastSeq = row.seq;
      if (row.seq === anchor?.seq) hmacAtAnchor = row.hmac;
      previous = row;
    }
    if (rows.length < batchRows) break;
  }
  if (!anchor) return verification;
  const checked = anchorProblem(anchor, state.county, verification, hmacAtAnchor);
  if (typeof checked === 'string') return { ...verification, anchor: checked };
  return { ...verification, ok: false, problem: checked };
};

/**
 * Whether `key` made the newest row: checked when a server starts, so that a process given another key
 * (another machine's key file) refuses to start rather than append rows nobody can verify.
 */
export const checkAuditKey = async (state: StateDb, key: Buffer): Promise<void> => {
  const [newest, before] = await state.all<StoredRow>(
    `SELECT ${auditColumns} FROM state.audit_log WHERE county = $1 ORDER BY seq DESC LIMIT 2`,
    [state.county],
  );
  if (!newest) return;
  const previous = before ?? (await startOf(state, key));
  if (previous.seq === newest.seq - 1 && rowHmac(key, newest, previous.hmac) === newest.hmac) return;
  throw new Error(
    `The newest audit row (${newest.seq}) does not match this process's audit key: the key differs from the one the log was written with (every process of a county needs the same key), or the row was changed; run soteatlas audit verify.`,
  );
};

import { z } from 'zod';
import { Role, UserKey } from './viewer.js';

export const AuditOutcome = z.enum(['ok', 'denied', 'failed', 'error']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/**
 * One thing that happened, as the audit log keeps it: who, with which roles and scope, did what to which
 * resource with which parameters, and what came of it. Never figures, client keys or tokens.
 */
export const AuditEntry = z.object({
  /** Absent for someone not signed in. */
  user: UserKey.optional(),
  roles: z.array(Role),
  scope: z.object({ areas: z.array(z.string()).optional(), producerCode: z.string().optional() }),
  /** For a route, its method and path pattern ("GET /api/indicators/:id/values"); else e.g. "signIn". */
  action: z.string(),
  /** The thing acted on: the request's path, or e.g. the user whose roles changed. */
  resource: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  rowsReturned: z.int().nonnegative().optional(),
  cellsSuppressed: z.int().nonnegative().optional(),
  outcome: AuditOutcome,
  /** The HTTP status answered, where there was one. */
  status: z.int().optional(),
  requestId: z.string(),
  sourceAddress: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entry as the log keeps it: its place in the chain and when it was appended (UTC, ISO 8601). */
export const AuditRecord = AuditEntry.extend({
  seq: z.int().positive(),
  time: z.iso.datetime(),
  /** The user's name, where the users table knows them; not part of the logged row. */
  userName: z.string().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** A time in UTC ("2026-03-01T10:00:00Z") or a day ("2026-03-01", from its midnight in UTC). */
const AuditTime = z.iso
  .datetime()
  .or(z.iso.date())
  .refine((text) => {
    const time = Date.parse(text);
    return time >= Date.UTC(1900, 0, 1) && time < Date.UTC(10_000, 0, 1);
  }, 'Not a date that exists, or not in 1900–9999.');

/** Which entries to read: all of them by default, newest first. */
export const AuditFilter = z.object({
  /** The user's subject, or a part of their name in any case (optionally with `issuer`): their entries only. */
  user: z.string().min(1).max(256).optional(),
  issuer: z.string().min(1).max(512).optional(),
  /** From this time on (inclusive), and before `to` (exclusive). */
  from: AuditTime.optional(),
  to: AuditTime.optional(),
  /** Entries whose action contains this text, in any case ("PUT /api/targets"). */
  action: z.string().min(1).max(200).optional(),
  outcome: AuditOutcome.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditPage = z.object({
  rows: z.array(AuditRecord),
  /** How many entries match the filter, whatever the page. */
  total: z.int().nonnegative(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/**
 * The newest row's number and HMAC, exported to somewhere the database's users cannot write (a
 * ticket, a mail to the security officer, write-once storage). Rows removed from the end of the log
 * leave a chain that still verifies; against an anchor they show.
 */
export const AuditAnchor = z.object({
  county: z.string(),
  seq: z.int().nonnegative(),
  hmac: z.string(),
  exportedAt: z.iso.datetime(),
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

/** The audit log as CSV (see state/audit/csv.ts). */
export const AuditCsv = z.string();

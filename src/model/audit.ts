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

import type { FastifyRequest } from 'fastify';
import type { AuditEntry, AuditOutcome, UserKey, Viewer } from '../../model/index.js';

/** The audit row of a sign-in, a failed one or a sign-out: who (as far as known), what came of it. */
export const signInAuditEntry = (
  request: FastifyRequest,
  entry: {
    action: 'signIn' | 'signOut';
    outcome: AuditOutcome;
    status: number;
    user?: UserKey;
    viewer?: Viewer;
    parameters?: Record<string, unknown>;
  },
): AuditEntry => ({
  ...(entry.user && { user: { issuer: entry.user.issuer, subject: entry.user.subject } }),
  roles: entry.viewer?.roles ?? [],
  scope: {
    ...(entry.viewer?.areas && { areas: entry.viewer.areas }),
    ...(entry.viewer?.producerCode !== undefined && { producerCode: entry.viewer.producerCode }),
  },
  action: entry.action,
  resource: request.url.split('?')[0] ?? '',
  parameters: entry.parameters ?? {},
  outcome: entry.outcome,
  status: entry.status,
  requestId: String(request.id),
  sourceAddress: request.ip,
});

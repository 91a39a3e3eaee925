import type { FastifyRequest } from 'fastify';
import type { AuditEntry, AuditOutcome, Viewer } from '../model/index.js';
import { routeEntry } from './access.js';
import { answerCounts } from './answer-counts.js';
import type { Route } from './route.js';

/** What an answer's status says came of a request the guard let through. */
export const outcomeOf = (status: number): AuditOutcome => {
  if (status >= 500) return 'error';
  if (status === 401 || status === 403) return 'denied';
  return status >= 400 ? 'failed' : 'ok';
};

/**
 * The audit row of a request that was served, or failed while being served: what came of it and, for
 * an answer, how many rows it held and cells it withheld.
 */
export const answeredEntry = (
  route: Route,
  request: FastifyRequest,
  viewer: Viewer,
  { status, answer }: { status: number; answer: unknown },
): AuditEntry =>
  routeEntry(route, request, viewer, {
    outcome: outcomeOf(status),
    status,
    ...(status < 400 && answerCounts(answer, route.mediaType)),
  });

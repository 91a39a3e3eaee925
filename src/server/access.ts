import type { FastifyRequest } from 'fastify';
import { type AuditEntry, hasPermission, SoteatlasError, type Viewer } from '../model/index.js';
import type { AuditSink } from '../state/index.js';
import type { Authenticator } from './auth/index.js';
import { statusOfCode } from './errors.js';
import type { AuditEvent, Route } from './route.js';

/**
 * Routes that answer a POST without changing anything (a map layer whose changes do not fit in a URL)
 * need no proof of origin: a page on another site could send the request but never read the answer.
 */
const changesState = (route: Route): boolean =>
  route.method !== 'GET' &&
  !['open', 'viewAggregates', 'viewUnsuppressed', 'viewAudit'].includes(route.permission);

/** Why `viewer` is refused `route`, or undefined when they may be served. */
export const refusalOf = (
  route: Route,
  viewer: Viewer,
  provesOrigin: boolean,
): SoteatlasError | undefined => {
  if (route.permission !== 'open' && !hasPermission(viewer, route.permission))
    return viewer.user
      ? new SoteatlasError('forbidden', `This needs the permission ${route.permission}.`)
      : new SoteatlasError('unauthorised', 'Sign in first: this needs a permission the public lacks.');
  if (changesState(route) && !provesOrigin)
    return new SoteatlasError('forbidden', 'The request did not prove it came from the app (CSRF token).');
  return undefined;
};

/** Parameter names whose values must never reach the log, whatever a route calls them. */
const secretName = /token|secret|password|key|code_verifier|nonce/i;

/** The request's path and query parameters as the route validates them, without anything secret. */
const parametersOf = (route: Route, request: FastifyRequest): Record<string, unknown> => {
  const params = route.params.safeParse(request.params);
  const query = route.query.safeParse(request.query ?? {});
  const all: Record<string, unknown> = {
    ...(params.success && (params.data as object)),
    ...(query.success && (query.data as object)),
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => !secretName.test(name)));
};

/** The audit row of `event`, done by `viewer` in `request`: who, with which roles and scope, from where. */
export const auditEntryOf = (request: FastifyRequest, viewer: Viewer, event: AuditEvent): AuditEntry => ({
  ...(viewer.user && { user: { issuer: viewer.user.issuer, subject: viewer.user.subject } }),
  roles: viewer.roles,
  scope: {
    ...(viewer.areas && { areas: viewer.areas }),
    ...(viewer.producerCode !== undefined && { producerCode: viewer.producerCode }),
  },
  outcome: 'ok',
  ...event,
  requestId: request.id,
  sourceAddress: request.ip,
});

/** The audit row of a request to `route`: refused, or served with what came of it. */
export const routeEntry = (
  route: Route,
  request: FastifyRequest,
  viewer: Viewer,
  outcome: Pick<AuditEntry, 'outcome' | 'status' | 'rowsReturned' | 'cellsSuppressed'>,
): AuditEntry =>
  auditEntryOf(request, viewer, {
    action: `${route.method} ${route.path}`,
    resource: request.url.split('?')[0] ?? '',
    parameters: parametersOf(route, request),
    ...outcome,
  });

/**
 * Resolves who is asking and refuses them, with an audit row, unless they hold the route's permission
 * (and, for a change, prove the request came from the app). Runs before the body is even read.
 */
export const guardRoute = async (
  route: Route,
  request: FastifyRequest,
  { authenticator, audit }: { authenticator: Authenticator; audit: AuditSink },
): Promise<Viewer> => {
  const viewer = await authenticator.viewerOf(request);
  const refusal = refusalOf(route, viewer, authenticator.provesOrigin(request));
  if (!refusal) return viewer;
  await audit.append(
    routeEntry(route, request, viewer, { outcome: 'denied', status: statusOfCode[refusal.code] }),
  );
  throw refusal;
};

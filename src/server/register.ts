import type { FastifyInstance } from 'fastify';
import type { Viewer } from '../model/index.js';
import { SoteatlasError } from '../model/index.js';
import type { AuditSink, StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { auditEntryOf, guardRoute } from './access.js';
import { answeredEntry } from './answered.js';
import type { Authenticator } from './auth/index.js';
import { invalidParameters } from './errors.js';
import { runWithinBudget } from './limits/time-budget.js';
import type { RunningServer } from './listen.js';
import { isBinary, type Route } from './route.js';

/** What every route is served with. */
export interface RouteContext {
  store: Store;
  state: StateDb;
  audit: AuditSink;
  authenticator: Authenticator;
  /** Serves the app on a free local port, every request seen as `viewer`. */
  serveAppAs: (viewer: Viewer) => Promise<RunningServer>;
}

/** Adds a route to Fastify: the parameters are checked here, at the edge, before the handler runs. */
export const registerRoute = (
  app: FastifyInstance,
  { store, state, audit, authenticator, serveAppAs }: RouteContext,
  route: Route,
): void => {
  const viewers = new WeakMap<object, Viewer>();
  const answers = new WeakMap<object, unknown>();
  const audited = new WeakSet<object>();
  app.route({
    method: route.method,
    url: route.path,
    bodyLimit: route.bodyLimitBytes,
    config: { permission: route.permission },
    // Deny by default: who asks is settled before the body is read, and only those allowed go on.
    onRequest: async (request) => {
      viewers.set(request, await guardRoute(route, request, { authenticator, audit }));
    },
    // One audit row for every request let through (a refusal left its own above, and a route may write
    // its own, below), written before the answer leaves, so that nothing is served unrecorded: if the
    // row cannot be written, the answer is a 500. Open routes (health, session, the API document) touch
    // no sote data and are not recorded.
    onSend: async (request, reply, payload) => {
      const viewer = viewers.get(request);
      if (!viewer || route.permission === 'open' || audited.has(request)) return payload;
      audited.add(request);
      const answer = answers.get(request);
      await audit.append(answeredEntry(route, request, viewer, { status: reply.statusCode, answer }));
      return payload;
    },
    handler: async (request, reply) => {
      const params = route.params.safeParse(request.params);
      if (!params.success) throw invalidParameters('path', params.error);
      const query = route.query.safeParse(request.query ?? {});
      if (!query.success) throw invalidParameters('query', query.error);
      const requestBody = route.body?.safeParse(request.body ?? {});
      if (requestBody && !requestBody.success) throw invalidParameters('body', requestBody.error);
      // The client has gone when the response closes before it was written out. Not the request's
      // 'close': Node emits that as soon as the body has been read, while the client is still waiting.
      const aborted = new AbortController();
      if (request.raw.socket?.destroyed) aborted.abort();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) aborted.abort();
      });

      const viewer = viewers.get(request) as Viewer;
      const budget = { store, seconds: route.timeBudgetSeconds, clientGone: aborted.signal };
      const body = await runWithinBudget(budget, (signal) =>
        route.handler({
          store,
          state,
          query: query.data,
          params: params.data,
          body: requestBody?.data,
          viewer,
          // A route that records what it did says more than the request's row would: it stands in for it.
          audit: (event) => {
            audited.add(request);
            return audit.append(auditEntryOf(request, viewer, event));
          },
          signal,
          serveApp: () => serveAppAs(viewer),
        }),
      );
      answers.set(request, body);
      if (body === undefined)
        throw new SoteatlasError('notFound', route.notFound?.(params.data) ?? 'Not found.');
      if (route.download) {
        reply.header('Content-Disposition', `attachment; filename="${route.download(params.data)}"`);
      }
      if (route.mediaType === 'text/csv' || route.mediaType === 'text/calendar')
        return reply.type(`${route.mediaType}; charset=utf-8`).send(body);
      if (isBinary(route.mediaType)) return reply.type(route.mediaType).send(body);
      return reply.type(`${route.mediaType}; charset=utf-8`).send(JSON.stringify(body));
    },
  });
};

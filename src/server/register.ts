import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { invalidParameters, notFound } from './errors.js';
import type { Route } from './route.js';

/** Adds a route to Fastify: the parameters are checked here, at the edge, before the handler runs. */
export const registerRoute = (app: FastifyInstance, store: Store, route: Route): void => {
  app.get(route.path, async (request, reply) => {
    const params = route.params.safeParse(request.params);
    if (!params.success) return reply.code(400).send(invalidParameters('path', params.error));
    const query = route.query.safeParse(request.query ?? {});
    if (!query.success) return reply.code(400).send(invalidParameters('query', query.error));

    const body = await route.handler({ store, query: query.data, params: params.data });
    if (body === undefined) {
      return reply.code(404).send(notFound(route.notFound?.(params.data) ?? 'Not found.'));
    }
    if (route.download) {
      reply.header('Content-Disposition', `attachment; filename="${route.download(params.data)}"`);
    }
    if (route.mediaType === 'text/csv') return reply.type('text/csv; charset=utf-8').send(body);
    return reply.type(`${route.mediaType}; charset=utf-8`).send(JSON.stringify(body));
  });
};

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Store } from '../store/index.js';
import { internalError, notFound } from './errors.js';
import { listen } from './listen.js';
import { defaultWebRoot } from './paths.js';
import { registerRoute } from './register.js';
import { apiRoutes } from './routes/index.js';
import { registerWebApp } from './web-app.js';

export interface ServerOptions {
  store: Store;
  /** The built web app; by default dist/web under the package root. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
}

const isApiPath = (url: string): boolean =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** The HTTP server: the JSON API over `store` under /api, and the web app everywhere else. */
export const buildServer = async ({
  store,
  webRoot = defaultWebRoot,
  logger = false,
}: ServerOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger,
    // Requests Fastify cannot even route (a malformed URL) still get the API's error shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply.code(400).send({ error: 'badRequest', message: error.message });
    },
  });
  const serveApp = async () => listen(await buildServer({ store, webRoot }), 0, 'localhost');
  for (const route of apiRoutes) registerRoute(app, { store, serveApp }, route);
  const webAppFallback = await registerWebApp(app, webRoot);

  app.setNotFoundHandler((request, reply) => {
    if (!isApiPath(request.url)) return webAppFallback(request, reply);
    return reply
      .code(404)
      .send(notFound(`There is no API route ${request.method} ${request.url.split('?')[0]}.`));
  });

  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status < 500)
      return reply.code(status).send({ error: 'badRequest', message: error.message ?? 'Bad request.' });
    request.log.error(error);
    return reply.code(500).send(internalError());
  });

  return app;
};

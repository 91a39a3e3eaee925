import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A path whose last segment has a dot asks for a file; anything else is a page of the single-page app. */
const asksForFile = (path: string): boolean => /\.[^/]*$/.test(path);

/**
 * Serves the built web app from `webRoot` and answers what it cannot find: pages of the app get
 * index.html, so that the browser's router can show them; missing files get a plain 404.
 */
export const registerWebApp = async (
  app: FastifyInstance,
  webRoot: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> => {
  const built = existsSync(join(webRoot, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: true });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (built && (request.method === 'GET' || request.method === 'HEAD') && !asksForFile(path)) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    const message = built ? 'Not found.' : 'The web app has not been built; run "npm run build".';
    return reply.code(404).type('text/plain; charset=utf-8').send(message);
  };
};

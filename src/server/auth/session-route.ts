import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionInfo, Viewer } from '../../model/index.js';

/** What `GET /api/session` says of a viewer. */
export const sessionInfoOf = (
  mode: SessionInfo['mode'],
  viewer: Viewer,
  extra: Pick<SessionInfo, 'csrfToken' | 'demoUsers'> = {},
): SessionInfo => ({
  mode,
  ...(viewer.user && { user: viewer.user }),
  roles: viewer.roles,
  permissions: viewer.permissions,
  ...(viewer.areas && { areas: viewer.areas }),
  ...(viewer.producerCode !== undefined && { producerCode: viewer.producerCode }),
  ...extra,
});

/** `GET /api/session`, open to all: who is signed in, or that no one is. */
export const registerSessionRoute = (
  app: FastifyInstance,
  answer: (request: FastifyRequest) => Promise<SessionInfo>,
): void => {
  // Open to all, as the routes' own permission check (src/server/access.ts) reads it.
  app.get('/api/session', { config: { permission: 'open' } }, async (request, reply) =>
    reply.header('Cache-Control', 'no-store').send(await answer(request)),
  );
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SoteatlasError } from '../../model/index.js';
import { cookiesOf } from '../auth/cookies.js';
import type { Authenticator } from '../auth/index.js';
import { hashOf } from '../auth/secrets.js';
import { sessionCookie } from '../auth/session-viewer.js';
import { errorAnswer } from '../errors.js';
import type { Route } from '../route.js';
import { type RateLimit, rateCounter } from './rate-counter.js';

/** Who a request is counted against. */
export type ClientKey = (request: FastifyRequest) => string | Promise<string>;

/**
 * The address the request came from. Behind a reverse proxy that is the proxy's, unless the server is
 * told to trust its X-Forwarded-For (Fastify's trustProxy).
 */
export const clientAddress = (request: FastifyRequest): string => request.ip;

/**
 * The session a request comes with, else its address: people of one office behind one address are
 * counted apart. Only a live session counts (one the authenticator finds a signed-in user for), so a
 * made-up cookie is counted by address. Kept by the session id's hash, as the state keeps it.
 */
export const sessionOrAddress =
  (authenticator: Pick<Authenticator, 'viewerOf'>): ClientKey =>
  async (request) => {
    const { user } = await authenticator.viewerOf(request);
    const sessionId = user && cookiesOf(request.headers.cookie).get(sessionCookie);
    return sessionId ? `session ${hashOf(sessionId)}` : `address ${clientAddress(request)}`;
  };

export interface RateRule extends RateLimit {
  /** Which requests the rule counts; one counter per rule, shared by all it matches. */
  matches: (request: FastifyRequest) => boolean;
  keyOf?: ClientKey;
  nowMs?: () => number;
}

/** Requests whose path starts with `prefix`, e.g. "/auth/". */
export const underPath =
  (prefix: string) =>
  (request: FastifyRequest): boolean =>
    request.url.startsWith(prefix);

/** Requests of the routes given, by method and path as registered. */
export const ofRoutes = (routes: readonly Route[]) => {
  const keys = new Set(routes.map((route) => `${route.method} ${route.path}`));
  return (request: FastifyRequest): boolean => keys.has(`${request.method} ${request.routeOptions.url}`);
};

/**
 * Answers 429, with Retry-After in seconds, to a client that asks more often than `rule` allows of the
 * requests it matches. Counted before anything else of the request is done, so that a refused request
 * costs next to nothing. Each server process counts alone.
 */
export const limitRate = (
  app: FastifyInstance,
  { matches, keyOf = clientAddress, nowMs = Date.now, ...limit }: RateRule,
): void => {
  const take = rateCounter(limit);
  app.addHook('onRequest', async (request, reply) => {
    if (!matches(request)) return;
    const verdict = take(await keyOf(request), nowMs());
    if (verdict.allowed) return;
    const { status, body } = errorAnswer(
      new SoteatlasError(
        'tooManyRequests',
        `More than ${limit.limit} requests in ${limit.windowSeconds} s; try again in ${verdict.retryAfterSeconds} s.`,
        { details: { retryAfterSeconds: verdict.retryAfterSeconds } },
      ),
    );
    return reply.code(status).header('Retry-After', String(verdict.retryAfterSeconds)).send(body);
  });
};

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What the built app may load: its own scripts, styles, images and API, nothing from elsewhere and no
 * inline script. MapLibre draws tiles in workers made from blob: URLs and decodes images from blob: and
 * data: URLs. No other site may frame a page (clickjacking), and a page's forms post only to the app.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The same on every answer, page, file or API. */
const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  // Browsers keep to HTTPS for a year once they have seen this over HTTPS (and ignore it over HTTP).
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
};

/** Whether a request asks for the API rather than the web app. */
export const isApiPath = (url: string): boolean =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** Answers carry the request's id, which the server log and the audit log name it by. */
export const requestIdHeader = 'X-Request-Id';

/**
 * A request's id, made by the server and never taken from the client, so that a client cannot make two
 * requests look like one in the logs. Random, so that ids from two server processes never collide.
 */
export const newRequestId = (): string => randomUUID();

/**
 * The headers every answer carries. API answers are never cached (they hold figures a viewer may see
 * and the next may not); no answer allows another origin in: the app and its API share one, so CORS
 * stays off and a cross-origin preflight gets no Access-Control header.
 */
export const registerHeaders = (app: FastifyInstance): void => {
  app.addHook('onRequest', async (request, reply) => setHeaders(request, reply));
};

/** For answers given before any hook runs (a URL Fastify cannot route). */
export const setHeaders = (request: FastifyRequest, reply: FastifyReply): void => {
  reply.headers({ ...securityHeaders, [requestIdHeader]: request.id });
  if (isApiPath(request.url)) reply.header('Cache-Control', 'no-store');
};

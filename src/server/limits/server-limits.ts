import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/index.js';
import type { Route } from '../route.js';
import {
  type ClientKey,
  clientAddress,
  limitRate,
  ofRoutes,
  sessionOrAddress,
  underPath,
} from './limit-rate.js';
import type { RateLimit } from './rate-counter.js';

/** How often clients may ask for what is limited; a county can loosen or tighten each. */
export interface ServerLimits {
  /**
   * Requests under /auth/ per client address: enough for a person signing in and out now and then, too
   * few to guess passwords or flood the identity provider through the server.
   */
  signIn: RateLimit;
  /** Requests of heavy routes (evaluations, optimisations, reports, comparisons) per client. */
  heavy: RateLimit;
  /** Who a heavy request is counted against: by default its live session, else the client address. */
  heavyClientOf: ClientKey;
}

/** The limits unless a server is given others; heavy requests counted by `sessionOrAddress(authenticator)`. */
export const defaultLimits = (authenticator: Pick<Authenticator, 'viewerOf'>): ServerLimits => ({
  signIn: { limit: 30, windowSeconds: 60 },
  // Live evaluation while a planner edits is debounced in the app; two a second is past any person.
  heavy: { limit: 120, windowSeconds: 60 },
  heavyClientOf: sessionOrAddress(authenticator),
});

/** Sign-in is counted by address only: before signing in there is no session, and one is easy to drop. */
export const registerLimits = (
  app: FastifyInstance,
  routes: readonly Route[],
  { signIn, heavy, heavyClientOf }: ServerLimits,
): void => {
  limitRate(app, { ...signIn, matches: underPath('/auth/'), keyOf: clientAddress });
  limitRate(app, {
    ...heavy,
    matches: ofRoutes(routes.filter((route) => route.heavy)),
    keyOf: heavyClientOf,
  });
};

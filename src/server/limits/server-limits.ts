import type { FastifyInstance } from 'fastify';
import type { Route } from '../route.js';
import { type ClientKey, clientAddress, limitRate, ofRoutes, underPath } from './limit-rate.js';
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
  /**
   * Who a heavy request is counted against: by default its client address. With sign-in, its session
   * when it has one, so that a county's people behind one office address do not share one count.
   */
  heavyClientOf: ClientKey;
}

export const defaultLimits: ServerLimits = {
  signIn: { limit: 30, windowSeconds: 60 },
  // Live evaluation while a planner edits is debounced in the app; two a second is past any person.
  heavy: { limit: 120, windowSeconds: 60 },
  heavyClientOf: clientAddress,
};

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

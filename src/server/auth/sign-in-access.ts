import type { FastifyRequest } from 'fastify';
import type { DemoUser, SignInSettings } from '../../model/index.js';
import type { Authenticator, AuthServices } from './authenticator.js';
import { relyingParty } from './relying-party.js';
import { sameSecret } from './secrets.js';
import { registerSessionRoute, sessionInfoOf } from './session-route.js';
import { type SessionViewer, sessionViewerOf } from './session-viewer.js';
import { registerSignInRoutes } from './sign-in-routes.js';

export interface SignInAccessOptions {
  /** The demo provider's users, for the sign-in page to list. */
  demoUsers?: readonly DemoUser[];
  /** The clock sessions expire by. */
  now?: () => Date;
}

const needsSession = (url: string): boolean => url.startsWith('/api/') || url.startsWith('/auth/');

/**
 * Sign-in with OpenID Connect: the provider named in `settings` says who someone is, the state says what
 * they may do. Sessions are kept in the state, so that every server process of a county shares them and
 * ending one ends it everywhere.
 */
export const signInAccess = (settings: SignInSettings, options: SignInAccessOptions = {}): Authenticator => {
  const limits = { idleMs: settings.idleMinutes * 60_000, lifetimeMs: settings.lifetimeHours * 3_600_000 };
  const now = options.now ?? (() => new Date());
  const appOrigin = new URL(settings.appUrl).origin;
  let registered: AuthServices | undefined;
  const services = (): AuthServices => {
    if (!registered) throw new Error('sign-in is used before it was registered with a server');
    return registered;
  };
  // Resolved once a request, before its handler, so that the CSRF check (which is synchronous) has it.
  const resolving = new WeakMap<FastifyRequest, Promise<SessionViewer>>();
  const resolved = new WeakMap<FastifyRequest, SessionViewer>();
  const sessionViewer = (request: FastifyRequest): Promise<SessionViewer> => {
    let pending = resolving.get(request);
    if (!pending) {
      pending = sessionViewerOf(services().state, request.headers.cookie, limits, now()).then((result) => {
        resolved.set(request, result);
        return result;
      });
      resolving.set(request, pending);
    }
    return pending;
  };
  const provesOrigin = (request: FastifyRequest): boolean => {
    const expected = resolved.get(request)?.session?.csrfToken;
    const given = request.headers['x-csrf-token'];
    const origin = request.headers.origin;
    return (
      expected !== undefined &&
      typeof given === 'string' &&
      sameSecret(given, expected) &&
      (origin === undefined || origin === appOrigin)
    );
  };

  return {
    mode: 'signIn',
    async register(app, given) {
      registered = given;
      app.addHook('onRequest', async (request) => {
        if (needsSession(request.url)) await sessionViewer(request);
      });
      registerSessionRoute(app, async (request) => {
        const { viewer, session } = await sessionViewer(request);
        return sessionInfoOf('signIn', viewer, {
          ...(session && { csrfToken: session.csrfToken }),
          ...(options.demoUsers && { demoUsers: [...options.demoUsers] }),
        });
      });
      registerSignInRoutes(app, {
        settings,
        party: relyingParty(settings),
        services,
        limits,
        now,
        sessionViewer,
        provesOrigin,
      });
    },
    viewerOf: async (request) => (await sessionViewer(request)).viewer,
    provesOrigin,
    close: async () => undefined,
  };
};

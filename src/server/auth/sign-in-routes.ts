import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignInSettings } from '../../model/index.js';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  recordSignIn,
  rolePermissionsOf,
  saveSignInRequest,
  takeSignInRequest,
  viewerOfUser,
} from '../../state/index.js';
import { signInAuditEntry } from './audit-entry.js';
import type { AuthServices } from './authenticator.js';
import { signInOfClaims } from './claims.js';
import { cookieHeader, cookiesOf } from './cookies.js';
import { signInFailedPage } from './failure-page.js';
import { newSignInChecks, type RelyingParty } from './relying-party.js';
import { safeReturnTo } from './return-to.js';
import { hashOf, newSecret } from './secrets.js';
import { type SessionLimits, type SessionViewer, sessionCookie } from './session-viewer.js';

/** The cookie naming a sign-in under way, from the redirect to the provider until its answer. */
const signInCookie = '__Host-soteatlas-signin';
const signInMaxMs = 10 * 60_000;

export interface SignInRoutesContext {
  settings: SignInSettings;
  party: RelyingParty;
  services: () => AuthServices;
  limits: SessionLimits;
  now: () => Date;
  sessionViewer: (request: FastifyRequest) => Promise<SessionViewer>;
  provesOrigin: (request: FastifyRequest) => boolean;
}

/** A short code for the audit log of why a sign-in failed; never a token or a claim's value. */
const failureOf = (error: unknown): Record<string, string> => {
  const safe = (value: unknown): value is string =>
    typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value);
  const { code, error: providerError } = (error ?? {}) as { code?: unknown; error?: unknown };
  const failure: Record<string, string> = { reason: 'responseRejected' };
  // Named "check", not "code": the audit log leaves out a parameter named code (an authorisation code).
  if (safe(code)) failure.check = code;
  if (safe(providerError)) failure.providerError = providerError;
  return failure;
};

const login = (context: SignInRoutesContext) => async (request: FastifyRequest, reply: FastifyReply) => {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const id = newSecret();
  const signInRequest = { idHash: hashOf(id), ...newSignInChecks(), returnTo: safeReturnTo(query.returnTo) };
  const loginHint = typeof query.login_hint === 'string' ? query.login_hint.slice(0, 200) : undefined;
  let target: URL;
  try {
    target = await context.party.authorisationUrl(signInRequest, loginHint);
  } catch (error) {
    request.log.error({ err: error }, 'the identity provider could not be reached');
    return reply.code(503).type('text/html; charset=utf-8').send(signInFailedPage);
  }
  await saveSignInRequest(context.services().state, signInRequest, context.now());
  return reply
    .header('Set-Cookie', cookieHeader(signInCookie, id, signInMaxMs / 1000))
    .header('Cache-Control', 'no-store')
    .redirect(target.href, 302);
};

const callback = (context: SignInRoutesContext) => async (request: FastifyRequest, reply: FastifyReply) => {
  const { state, audit } = context.services();
  const cookies = cookiesOf(request.headers.cookie);
  const fail = async (parameters: Record<string, string>, error?: unknown) => {
    request.log.warn({ err: error, ...parameters }, 'sign-in failed');
    await audit.append(
      signInAuditEntry(request, { action: 'signIn', outcome: 'failed', status: 400, parameters }),
    );
    return reply
      .code(400)
      .header('Set-Cookie', cookieHeader(signInCookie, '', 0))
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(signInFailedPage);
  };

  const id = cookies.get(signInCookie);
  const now = context.now();
  const pending = id && (await takeSignInRequest(state, hashOf(id), new Date(now.getTime() - signInMaxMs)));
  if (!pending) return fail({ reason: 'noSignInUnderWay' });
  const queryAt = request.url.indexOf('?');
  let claims: Record<string, unknown>;
  try {
    claims = await context.party.claimsOf(queryAt < 0 ? '' : request.url.slice(queryAt), pending);
  } catch (error) {
    return fail(failureOf(error), error);
  }
  const user = await recordSignIn(state, signInOfClaims(claims, context.settings));
  const viewer = viewerOfUser(user, await rolePermissionsOf(state));
  if (!viewer) return fail({ reason: 'userDisabled' });

  // A new id at every sign-in: an id someone planted before it (session fixation) signs no one in.
  const previous = cookies.get(sessionCookie);
  if (previous) await deleteSession(state, hashOf(previous));
  await deleteExpiredSessions(state, {
    idleBefore: new Date(now.getTime() - context.limits.idleMs),
    createdBefore: new Date(now.getTime() - context.limits.lifetimeMs),
  });
  const sessionId = newSecret();
  await createSession(state, { idHash: hashOf(sessionId), ...user, csrfToken: newSecret(), at: now });
  await audit.append(
    signInAuditEntry(request, { action: 'signIn', outcome: 'ok', status: 302, user, viewer }),
  );
  return reply
    .header('Set-Cookie', [
      cookieHeader(sessionCookie, sessionId, context.limits.lifetimeMs / 1000),
      cookieHeader(signInCookie, '', 0),
    ])
    .header('Cache-Control', 'no-store')
    .redirect(pending.returnTo, 302);
};

const logout = (context: SignInRoutesContext) => async (request: FastifyRequest, reply: FastifyReply) => {
  const { session, viewer } = await context.sessionViewer(request);
  if (session && !context.provesOrigin(request))
    return reply.code(403).send({ error: 'forbidden', message: 'The request did not come from the app.' });
  if (session) {
    await deleteSession(context.services().state, session.idHash);
    await context
      .services()
      .audit.append(
        signInAuditEntry(request, { action: 'signOut', outcome: 'ok', status: 204, user: session, viewer }),
      );
  }
  return reply
    .code(204)
    .header('Set-Cookie', cookieHeader(sessionCookie, '', 0))
    .send();
};

/** `GET /auth/login`, `GET /auth/callback` and `POST /auth/logout`. */
export const registerSignInRoutes = (app: FastifyInstance, context: SignInRoutesContext): void => {
  app.get('/auth/login', login(context));
  app.get('/auth/callback', callback(context));
  app.post('/auth/logout', logout(context));
};

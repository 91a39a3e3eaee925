import type { Permission, SessionInfo } from '../../../src/model/index.js';

/**
 * What `GET /api/session` answers: who is signed in (if anyone), with which roles, permissions and
 * scope, and whether the server signs anyone in at all ('public' is the read-only mode without sign-in).
 */
export type Session = SessionInfo;

/** Until the session is read, and when it cannot be: what anyone may see, and nothing more. */
export const publicSession: Session = {
  mode: 'public',
  roles: ['public'],
  permissions: ['viewAggregates'],
};

export const can = (session: Session, permission: Permission): boolean =>
  session.permissions.includes(permission);

/** Where signing in starts; the server returns the reader to `returnTo` afterwards. */
export const signInPath = (returnTo: string, loginHint?: string): string => {
  const query = new URLSearchParams({ returnTo });
  if (loginHint !== undefined) query.set('login_hint', loginHint);
  return `/auth/login?${query.toString()}`;
};

/**
 * A path the server will return to: only one on this site. Anything else (another host, "//host",
 * a scheme) becomes the overview, so that a crafted sign-in link cannot send the reader elsewhere.
 */
export const localPath = (candidate: string | null): string =>
  candidate !== null && /^\/(?![/\\])/.test(candidate) ? candidate : '/';

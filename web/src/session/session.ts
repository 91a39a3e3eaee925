import type { Permission, Role, Viewer } from '../../../src/model/index.js';

/** A user of the demo identity provider, offered on the sign-in page in demo mode. */
export interface DemoUser {
  id: string;
  name: string;
  roles: Role[];
  producerCode?: string;
}

/**
 * What `GET /api/session` answers: who is signed in (if anyone), with which roles, permissions and
 * scope, and whether the server signs anyone in at all ('public' is the read-only mode without sign-in).
 */
export type Session = Viewer & {
  mode: 'public' | 'signIn';
  /** Sent back in X-CSRF-Token with every write. */
  csrfToken?: string;
  /** Only in demo mode: the identity provider's users, one per role. */
  demoUsers?: DemoUser[];
};

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

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Viewer } from '../../model/index.js';
import type { AuditSink, StateDb } from '../../state/index.js';

/** What a way of signing in works with: the state (users, sessions) and the audit log. */
export interface AuthServices {
  state: StateDb;
  audit: AuditSink;
}

/**
 * How the server learns who is asking. Sign-in (OpenID Connect) is one way; with none configured the
 * server is public and read-only. Headers a client sets are never believed.
 */
export interface Authenticator {
  /** What the UI and the start-up message say of it. */
  readonly mode: 'public' | 'signIn';
  /** Adds the routes the way of signing in needs (none for public access). */
  register(app: FastifyInstance, services: AuthServices): Promise<void>;
  /**
   * Who is asking, resolved on every request against the state as it is now, so that a disabled user or
   * a changed role takes effect at once. Anyone not signed in is the public role.
   */
  viewerOf(request: FastifyRequest): Promise<Viewer>;
  /** Whether a request that changes something proves it came from the app (CSRF); reads need no proof. */
  provesOrigin(request: FastifyRequest): boolean;
  close(): Promise<void>;
}

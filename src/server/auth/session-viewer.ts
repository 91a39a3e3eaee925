import { publicViewer, type Viewer } from '../../model/index.js';
import {
  deleteSession,
  findSession,
  findUser,
  rolePermissionsOf,
  type Session,
  type StateDb,
  touchSession,
  viewerOfUser,
} from '../../state/index.js';
import { cookiesOf } from './cookies.js';
import { hashOf } from './secrets.js';

/** The session cookie; `__Host-` makes browsers refuse it unless Secure, for this host only, at Path=/. */
export const sessionCookie = '__Host-soteatlas';

export interface SessionLimits {
  idleMs: number;
  lifetimeMs: number;
}

/** Who a request is, and the session that says so; anyone without a live session is the public role. */
export interface SessionViewer {
  viewer: Viewer;
  session?: Session;
}

// Writing the time of use on every request would make every read a write; a minute's slack is harmless
// against a 30-minute idle timeout.
const touchEveryMs = 60_000;

const ended = async (state: StateDb, idHash: string): Promise<SessionViewer> => {
  await deleteSession(state, idHash);
  return { viewer: publicViewer };
};

/**
 * Resolves the session cookie against the state as it is now: an expired session, or one whose user is
 * gone or disabled, is ended; the user's roles and their permissions are read afresh.
 */
export const sessionViewerOf = async (
  state: StateDb,
  cookieHeader: string | undefined,
  limits: SessionLimits,
  now: Date,
): Promise<SessionViewer> => {
  const id = cookiesOf(cookieHeader).get(sessionCookie);
  if (!id) return { viewer: publicViewer };
  const idHash = hashOf(id);
  const session = await findSession(state, idHash);
  if (!session) return { viewer: publicViewer };
  const sinceUse = now.getTime() - Date.parse(session.lastSeenAt);
  if (sinceUse > limits.idleMs || now.getTime() - Date.parse(session.createdAt) > limits.lifetimeMs)
    return ended(state, idHash);
  const user = await findUser(state, session);
  const viewer = user && viewerOfUser(user, await rolePermissionsOf(state));
  if (!viewer) return ended(state, idHash);
  if (sinceUse > touchEveryMs) await touchSession(state, idHash, now);
  return { viewer, session };
};

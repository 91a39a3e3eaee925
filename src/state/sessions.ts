import type { UserKey } from '../model/index.js';
import type { StateDb } from './state-db.js';

/** A signed-in user's session, found by the hash of the id its cookie holds. */
export interface Session extends UserKey {
  idHash: string;
  /** Sent back by the app with every write (X-CSRF-Token), which a page elsewhere cannot read to forge. */
  csrfToken: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  lastSeenAt: string;
}

interface SessionRow {
  id_hash: string;
  issuer: string;
  subject: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

const sessionOf = (row: SessionRow): Session => ({
  idHash: row.id_hash,
  issuer: row.issuer,
  subject: row.subject,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
});

export const createSession = async (
  db: StateDb,
  session: Omit<Session, 'createdAt' | 'lastSeenAt'> & { at: Date },
): Promise<void> => {
  await db.run(
    `INSERT INTO state.sessions (county, id_hash, issuer, subject, csrf_token, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP), CAST($6 AS TIMESTAMP))`,
    [db.county, session.idHash, session.issuer, session.subject, session.csrfToken, session.at.toISOString()],
  );
};

export const findSession = async (db: StateDb, idHash: string): Promise<Session | undefined> => {
  const [row] = await db.all<SessionRow>(
    `SELECT id_hash, issuer, subject, csrf_token, created_at, last_seen_at FROM state.sessions
     WHERE county = $1 AND id_hash = $2`,
    [db.county, idHash],
  );
  return row && sessionOf(row);
};

/** Marks the session used at `at`, which holds off its idle timeout. */
export const touchSession = async (db: StateDb, idHash: string, at: Date): Promise<void> => {
  await db.run(
    'UPDATE state.sessions SET last_seen_at = CAST($3 AS TIMESTAMP) WHERE county = $1 AND id_hash = $2',
    [db.county, idHash, at.toISOString()],
  );
};

export const deleteSession = async (db: StateDb, idHash: string): Promise<void> => {
  await db.run('DELETE FROM state.sessions WHERE county = $1 AND id_hash = $2', [db.county, idHash]);
};

/** Ends every session of a user, e.g. when they are disabled. */
export const deleteSessionsOf = async (db: StateDb, user: UserKey): Promise<void> => {
  await db.run('DELETE FROM state.sessions WHERE county = $1 AND issuer = $2 AND subject = $3', [
    db.county,
    user.issuer,
    user.subject,
  ]);
};

/** Forgets sessions idle since before `idleBefore` or begun before `createdBefore`. */
export const deleteExpiredSessions = async (
  db: StateDb,
  { idleBefore, createdBefore }: { idleBefore: Date; createdBefore: Date },
): Promise<void> => {
  await db.run(
    `DELETE FROM state.sessions WHERE county = $1
     AND (last_seen_at < CAST($2 AS TIMESTAMP) OR created_at < CAST($3 AS TIMESTAMP))`,
    [db.county, idleBefore.toISOString(), createdBefore.toISOString()],
  );
};

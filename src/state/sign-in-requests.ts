import type { StateDb } from './state-db.js';

/**
 * A sign-in under way: what was sent to the identity provider, kept until its answer comes back to the
 * browser that asked (the cookie whose hash is `idHash`), and used once.
 */
export interface SignInRequest {
  idHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The app path to go back to once signed in. */
  returnTo: string;
}

export const saveSignInRequest = async (db: StateDb, request: SignInRequest, at: Date): Promise<void> => {
  await db.run(
    `INSERT INTO state.sign_in_requests (county, id_hash, state, nonce, code_verifier, return_to, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMP))`,
    [
      db.county,
      request.idHash,
      request.state,
      request.nonce,
      request.codeVerifier,
      request.returnTo,
      at.toISOString(),
    ],
  );
};

/**
 * The sign-in under way for `idHash`, begun no earlier than `startedAfter`, removed as it is read: an
 * answer from the identity provider is taken once, whatever comes of it. Stale ones go at the same time.
 */
export const takeSignInRequest = async (
  db: StateDb,
  idHash: string,
  startedAfter: Date,
): Promise<SignInRequest | undefined> =>
  db.transaction(async (tx) => {
    const [row] = await tx.all<{
      state: string;
      nonce: string;
      code_verifier: string;
      return_to: string;
      created_at: string;
    }>(
      `SELECT state, nonce, code_verifier, return_to, created_at FROM state.sign_in_requests
       WHERE county = $1 AND id_hash = $2`,
      [db.county, idHash],
    );
    await tx.run(
      `DELETE FROM state.sign_in_requests
       WHERE county = $1 AND (id_hash = $2 OR created_at < CAST($3 AS TIMESTAMP))`,
      [db.county, idHash, startedAfter.toISOString()],
    );
    if (!row || Date.parse(row.created_at) < startedAfter.getTime()) return undefined;
    return {
      idHash,
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      returnTo: row.return_to,
    };
  });

import type { Migration } from './migration.js';

/**
 * Sessions of signed-in users, and sign-ins under way (between the redirect to the identity provider and
 * its answer). Both are found by a hash of the id in the browser's cookie, never by the id itself, so that
 * a copy of the state signs no one in.
 */
export const sessions: Migration = {
  version: 3,
  name: 'sessions and sign-ins under way',
  statements: () => [
    `CREATE TABLE state.sessions (
      county VARCHAR NOT NULL,
      id_hash VARCHAR NOT NULL,
      issuer VARCHAR NOT NULL,
      subject VARCHAR NOT NULL,
      csrf_token VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      last_seen_at TIMESTAMP NOT NULL,
      PRIMARY KEY (county, id_hash)
    )`,
    `CREATE TABLE state.sign_in_requests (
      county VARCHAR NOT NULL,
      id_hash VARCHAR NOT NULL,
      state VARCHAR NOT NULL,
      nonce VARCHAR NOT NULL,
      code_verifier VARCHAR NOT NULL,
      return_to VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      PRIMARY KEY (county, id_hash)
    )`,
  ],
};

import type { Migration } from './migration.js';

/**
 * Users as first seen at sign-in, what an administrator has granted them, and each role's permissions
 * where the county has changed them from the built-in ones. Role lists and area lists are JSON arrays.
 */
export const users: Migration = {
  version: 2,
  name: 'users, role grants and role permissions',
  statements: () => [
    `CREATE TABLE state.users (
      county VARCHAR NOT NULL,
      issuer VARCHAR NOT NULL,
      subject VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      email VARCHAR,
      claim_roles VARCHAR NOT NULL,
      claim_producer_code VARCHAR,
      granted_roles VARCHAR NOT NULL,
      areas VARCHAR,
      producer_code VARCHAR,
      disabled BOOLEAN NOT NULL,
      first_seen_at TIMESTAMP NOT NULL,
      last_seen_at TIMESTAMP NOT NULL,
      PRIMARY KEY (county, issuer, subject)
    )`,
    `CREATE TABLE state.role_permissions (
      county VARCHAR NOT NULL,
      role VARCHAR NOT NULL,
      permissions VARCHAR NOT NULL,
      changed_at TIMESTAMP NOT NULL,
      PRIMARY KEY (county, role)
    )`,
  ],
};

import type { Migration } from './migration.js';

/**
 * The reform programme's projects, each kept whole as JSON in every version it was saved in (who saved
 * it, when), as scenarios are: a project is read and edited as one document, and its history is the list
 * of its versions. The seed row lets two processes seed the shipped example programme at once, once.
 */
export const programme: Migration = {
  version: 6,
  name: 'the reform programme',
  statements: () => [
    `CREATE TABLE state.programme_projects (
      county VARCHAR NOT NULL,
      code VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      created_at TIMESTAMP NOT NULL,
      deleted BOOLEAN NOT NULL,
      PRIMARY KEY (county, code)
    )`,
    `CREATE TABLE state.programme_project_versions (
      county VARCHAR NOT NULL,
      code VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      body VARCHAR NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      saved_by VARCHAR,
      PRIMARY KEY (county, code, version)
    )`,
    `CREATE TABLE state.programme_seeds (
      county VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      seeded_at TIMESTAMP NOT NULL,
      PRIMARY KEY (county, name)
    )`,
  ],
};

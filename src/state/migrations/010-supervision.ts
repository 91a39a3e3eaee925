import type { Migration } from './migration.js';

/**
 * Supervision as the steering officer keeps it: every saved version of a finding (the newest is in
 * force), kept whole with its inspection as JSON and validated by its schema on the way in and out. An
 * imported finding never edited has no row; it comes from the store as version 1. An inspection entered
 * in the app is a row of its own, so one without findings is still on record.
 */
export const supervision: Migration = {
  version: 10,
  name: 'supervision finding versions and inspections',
  statements: () => [
    `CREATE TABLE state.finding_versions (
      county VARCHAR NOT NULL,
      finding_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      finding VARCHAR NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      saved_by VARCHAR,
      PRIMARY KEY (county, finding_id, version)
    )`,
    `CREATE TABLE state.inspections (
      county VARCHAR NOT NULL,
      inspection_id VARCHAR NOT NULL,
      inspection VARCHAR NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      saved_by VARCHAR,
      PRIMARY KEY (county, inspection_id)
    )`,
  ],
};

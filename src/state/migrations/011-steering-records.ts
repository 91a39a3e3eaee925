import type { Migration } from './migration.js';

/**
 * Invoice lines, voucher values and inspections as the steering officer corrects them: every saved
 * version is a row (the newest is in force), kept whole as JSON and validated by its schema on the way
 * in and out. `kind` names which of them a row is and `record_key` which one (an invoice id, a class and
 * year, an inspection id). An imported record never edited has no row; it comes from the store as
 * version 1. One table for the three: they are versioned alike, and none needs a column of its own.
 */
export const steeringRecords: Migration = {
  version: 11,
  name: 'versions of invoice lines, voucher values and inspections',
  statements: () => [
    `CREATE TABLE state.steering_record_versions (
      county VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      record_key VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      record VARCHAR NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      saved_by VARCHAR,
      PRIMARY KEY (county, kind, record_key, version)
    )`,
  ],
};

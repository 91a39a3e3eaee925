import type { Migration } from './migration.js';

/**
 * Contracts with producers as people edit them: every saved version is a row (the newest is in force),
 * its terms kept whole as JSON and validated by their schema on the way in and out. An imported contract
 * never edited has no row; its terms come from the store as version 1.
 */
export const contracts: Migration = {
  version: 8,
  name: 'contract versions',
  statements: () => [
    `CREATE TABLE state.contract_versions (
      county VARCHAR NOT NULL,
      contract_code VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      terms VARCHAR NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      saved_by VARCHAR,
      PRIMARY KEY (county, contract_code, version)
    )`,
  ],
};

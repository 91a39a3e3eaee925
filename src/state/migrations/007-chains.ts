import type { Migration } from './migration.js';

/**
 * Service-chain definitions people edit: every saved version is a row (the newest is in force), kept
 * whole as JSON, since a definition is validated by its schema on the way in and out. A shipped chain
 * never edited has no row; its definition comes from config/chains as version 1.
 */
export const chains: Migration = {
  version: 7,
  name: 'service-chain definitions',
  statements: () => [
    `CREATE TABLE state.chain_definitions (
      county VARCHAR NOT NULL,
      chain_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      definition VARCHAR NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      saved_by VARCHAR,
      PRIMARY KEY (county, chain_id, version)
    )`,
  ],
};

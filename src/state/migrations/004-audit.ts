import type { Migration } from './migration.js';

/**
 * The audit log: one row per thing that happened, numbered per county, each carrying an HMAC over its
 * content and the HMAC of the row before (see state/audit/chain.ts). The application appends and reads;
 * only the owner role prunes. `audit_chain_start` is where the chain begins once old rows have been
 * pruned: the last pruned row's number and HMAC, under an HMAC of their own.
 */
export const audit: Migration = {
  version: 4,
  name: 'the audit log',
  statements: (backend) => [
    `CREATE TABLE state.audit_log (
      county VARCHAR NOT NULL,
      seq BIGINT NOT NULL,
      occurred_at TIMESTAMP NOT NULL,
      user_issuer VARCHAR,
      user_subject VARCHAR,
      roles VARCHAR NOT NULL,
      scope VARCHAR NOT NULL,
      action VARCHAR NOT NULL,
      resource VARCHAR NOT NULL,
      parameters VARCHAR NOT NULL,
      rows_returned INTEGER,
      cells_suppressed INTEGER,
      outcome VARCHAR NOT NULL,
      status INTEGER,
      request_id VARCHAR NOT NULL,
      source_address VARCHAR NOT NULL,
      hmac VARCHAR NOT NULL,
      PRIMARY KEY (county, seq)
    )`,
    `CREATE TABLE state.audit_chain_start (
      county VARCHAR NOT NULL PRIMARY KEY,
      seq BIGINT NOT NULL,
      hmac VARCHAR NOT NULL,
      occurred_at TIMESTAMP NOT NULL,
      pruned_at TIMESTAMP NOT NULL,
      mac VARCHAR NOT NULL
    )`,
    // DuckDB scans a column fast enough; on PostgreSQL the audit page's time filter wants an index.
    ...(backend === 'postgres'
      ? ['CREATE INDEX audit_log_time ON state.audit_log (county, occurred_at)']
      : []),
  ],
};

import type { AuditEntry } from '../model/index.js';

/** Where what happened is written: one append-only row an entry, in the order appended. */
export interface AuditSink {
  append(entry: AuditEntry): Promise<void>;
}

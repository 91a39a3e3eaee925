import type { RejectReason } from '../model/index.js';
import type { IdentityCodeGuard, UnlistedText } from './identity-guard.js';

/**
 * A record as a reader hands it over: CSV text in the source's dialect, or fields in header order,
 * or a problem that makes it a rejected row (an item that is not valid JSON, say). `unlisted` holds
 * what the fields do not show (JSON members outside the headers, nested values, an unparsable
 * item's text), so that identity codes are looked for there too.
 */
export type SourceRecord =
  | { line: number; text: string; fields?: undefined; problem?: undefined; unlisted?: undefined }
  | { line: number; fields: string[]; text?: undefined; problem?: RejectReason; unlisted?: UnlistedText[] };

export interface SourceBatch {
  records: SourceRecord[];
  /** False when a cheap scan of the batch's text found no identity code, so fields need no check. */
  mayHoldIdentityCodes: boolean;
  /** How far into the file the reader is, for progress. */
  bytesRead: number;
}

/** Staging bytes with every record already tagged with its line (`line;record\n`). */
export interface TaggedBatch {
  bytes: Buffer;
  /** Records tagged so far, in all. */
  rows: number;
  bytesRead: number;
  /** Lines of records rejected for their quoting, not staged. */
  malformedLines: number[];
}

/** What every reader returns: how the file is written, its column names and its records in batches. */
export interface SourceTable {
  format: 'csv' | 'xlsx' | 'json' | 'ndjson' | 'jsonstat' | 'geojson';
  encoding: string | null;
  delimiter: string | null;
  decimalSeparator: ',' | '.';
  headers: string[];
  bytesTotal: number;
  batches: AsyncIterable<SourceBatch>;
  /** The fast path of delimited text: records tagged with their lines, identity codes checked by `guard`. */
  tagged?: (guard: IdentityCodeGuard) => AsyncIterable<TaggedBatch>;
  /** Lines that held nothing; known once the batches are read. */
  emptyLines(): number;
  /** Title lines above the header and footnotes below the data (PxWeb exports): text, not rows. */
  noteLines?: () => number;
}

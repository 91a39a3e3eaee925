/** A record as a reader hands it over: CSV text in the source's dialect, or fields in header order. */
export type SourceRecord =
  | { line: number; text: string; fields?: undefined }
  | { line: number; fields: string[]; text?: undefined };

export interface SourceBatch {
  records: SourceRecord[];
  /** False when a cheap scan of the batch's text found no identity code, so fields need no check. */
  mayHoldIdentityCodes: boolean;
  /** How far into the file the reader is, for progress. */
  bytesRead: number;
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
  /** Lines that held nothing; known once the batches are read. */
  emptyLines(): number;
}

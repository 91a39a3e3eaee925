import { z } from 'zod';
import { RejectReason, RejectReasonCode, RejectReasonParams } from './reject-reason.js';

export const ImportKind = z.enum([
  'areas',
  'population',
  'producers',
  'units',
  'events',
  'costs',
  'referenceValues',
  'contracts',
  'contractOptions',
  'qualityRequirements',
  'invoices',
  'voucherValues',
  'voucherApprovals',
  'inspections',
  'findings',
  'complaints',
  'populationLanguages',
]);
export type ImportKind = z.infer<typeof ImportKind>;

/** One rejected row of an import: where it is, what was there and why it was not accepted. */
export const RejectedRow = z.object({
  line: z.int().nonnegative(),
  column: z.string(),
  value: z.string().nullable(),
  /** The reason in words, in the language asked for. */
  reason: z.string(),
  code: RejectReasonCode,
  params: RejectReasonParams,
});
export type RejectedRow = z.infer<typeof RejectedRow>;

/** What an import did. Always rowsRead = rowsAccepted + rowsRejected. */
export const ImportSummary = z.object({
  importId: z.int().positive().nullable(),
  kind: ImportKind,
  source: z.string(),
  sourceFile: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  decimalSeparator: z.string().nullable(),
  rowsRead: z.int().nonnegative(),
  rowsAccepted: z.int().nonnegative(),
  rowsRejected: z.int().nonnegative(),
  rowsInserted: z.int().nonnegative(),
  rowsUpdated: z.int().nonnegative(),
  /** Empty lines (or empty cells of a JSON-stat cube): they hold no record and are not rows. */
  emptyLinesSkipped: z.int().nonnegative(),
  /** Title lines above the header and footnotes below the data, as PxWeb exports carry: text, not rows. */
  noteLinesSkipped: z.int().nonnegative().default(0),
  /**
   * Rows that are totals (`SSS`, `Yhteensä`, `Koko maa` …): rejected with the reason "total row,
   * skipped", so they are a part of rowsRejected and rowsRead = rowsAccepted + rowsRejected holds.
   */
  totalsSkipped: z.int().nonnegative().default(0),
  refused: z.boolean(),
  /** Why the file was refused, in words (in the language asked for) and as a code with parameters. */
  reason: z.string().nullable(),
  refusal: RejectReason.nullable(),
  dryRun: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

import { z } from 'zod';
import { Code } from './common.js';

/** A calendar month, `2025-03`. */
export const YearMonth = z.string().regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, 'month must look like 2025-03');

/** One line of what a producer billed: a month's amount and quantity for one class (and unit). */
export const InvoiceLine = z.object({
  invoiceId: Code,
  producerCode: Code,
  month: YearMonth,
  serviceClass: Code,
  unitCode: Code.optional(),
  amountEuros: z.number().min(-10_000_000).max(100_000_000),
  quantity: z.number().min(0).max(10_000_000),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

const Note = z.string().trim().max(500);
const AmountEuros = z.number().min(-10_000_000).max(100_000_000);
const Quantity = z.number().min(0).max(10_000_000);

/**
 * An invoice line as it stands: imported (version 1 until corrected), added in the app, or corrected
 * there. Every save is a new version; the note says why the line was corrected.
 */
export const InvoiceLineView = z.object({
  invoiceId: Code,
  producerCode: Code,
  month: YearMonth,
  serviceClass: Code,
  unitCode: Code.nullable(),
  amountEuros: z.number(),
  quantity: z.number(),
  note: z.string().nullable(),
  version: z.int().min(1),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type InvoiceLineView = z.infer<typeof InvoiceLineView>;
export const InvoiceLineList = z.array(InvoiceLineView);
export const InvoiceLineHistory = z
  .array(InvoiceLineView)
  .describe('Every version of an invoice line, newest first.');

/** A correction of an invoice line's amount and quantity, naming the version corrected. */
export const InvoiceLineCorrection = z.strictObject({
  version: z.int().min(1).describe('The version the edit started from; a newer one answers 409.'),
  amountEuros: AmountEuros,
  quantity: Quantity,
  note: Note.nullable().optional(),
});
export type InvoiceLineCorrection = z.infer<typeof InvoiceLineCorrection>;

/** An invoice line the county adds by hand, as the invoice file would have carried it. */
export const InvoiceLineCreate = z.strictObject({
  invoiceId: Code,
  producerCode: Code,
  month: YearMonth,
  serviceClass: Code,
  unitCode: Code.nullable().optional(),
  amountEuros: AmountEuros,
  quantity: Quantity,
  note: Note.nullable().optional(),
});
export type InvoiceLineCreate = z.infer<typeof InvoiceLineCreate>;

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

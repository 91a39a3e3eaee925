import { z } from 'zod';
import { Code, IsoDate, Year } from './common.js';

/** A service voucher's value for one class and year, and the client's own share on average. */
export const VoucherValue = z.object({
  serviceClass: Code,
  year: Year,
  valueEuros: z.number().min(0).max(100_000),
  clientShareEuros: z.number().min(0).max(100_000).optional(),
  /** Where the value depends on the client's income, the rule in words. */
  incomeRule: z.string().trim().max(300).optional(),
});
export type VoucherValue = z.infer<typeof VoucherValue>;

/** A producer approved to take a class's vouchers, from a day and possibly to one. */
export const VoucherApproval = z.object({
  serviceClass: Code,
  producerCode: Code,
  approvedFrom: IsoDate,
  approvedTo: IsoDate.optional(),
});
export type VoucherApproval = z.infer<typeof VoucherApproval>;

/**
 * A voucher's value for a class and year as it stands: imported (version 1 until edited) or set in the
 * app. Every save is a new version.
 */
export const VoucherValueView = z.object({
  serviceClass: Code,
  year: Year,
  valueEuros: z.number(),
  clientShareEuros: z.number().nullable(),
  incomeRule: z.string().nullable(),
  version: z.int().min(1),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type VoucherValueView = z.infer<typeof VoucherValueView>;
export const VoucherValueList = z.array(VoucherValueView);
export const VoucherValueHistory = z
  .array(VoucherValueView)
  .describe('Every version of a voucher value, newest first.');

/** A voucher's value for a class and year, naming the version edited (0 for a class and year not yet valued). */
export const VoucherValueUpdate = z.strictObject({
  version: z.int().min(0).describe('The version the edit started from; a newer one answers 409.'),
  valueEuros: z.number().min(0).max(100_000),
  clientShareEuros: z.number().min(0).max(100_000).nullable().optional(),
  incomeRule: z.string().trim().max(300).nullable().optional(),
});
export type VoucherValueUpdate = z.infer<typeof VoucherValueUpdate>;

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

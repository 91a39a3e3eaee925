import { z } from 'zod';
import { isValidBusinessId } from './business-id.js';
import { Code } from './common.js';

export const ProducerKind = z.enum(['own', 'purchased', 'voucher', 'ngo']);
export type ProducerKind = z.infer<typeof ProducerKind>;

export const BusinessId = z
  .string()
  .trim()
  .regex(/^\d{7}-\d$/, 'business id must look like 1234567-8')
  .refine(isValidBusinessId, 'business id check digit does not match');

export const Producer = z.object({
  code: Code,
  name: z.string().trim().min(1),
  kind: ProducerKind,
  businessId: BusinessId.optional(),
});
export type Producer = z.infer<typeof Producer>;

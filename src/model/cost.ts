import { z } from 'zod';
import { Code, Year } from './common.js';

/** Net operating cost (nettokäyttökustannukset) of one service class in one area and year. */
export const NetOperatingCost = z.object({
  areaCode: Code,
  year: Year,
  serviceClass: Code,
  netOperatingCostEuros: z.number(),
});
export type NetOperatingCost = z.infer<typeof NetOperatingCost>;

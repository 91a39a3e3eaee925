import { z } from 'zod';

const Minutes = z.number().nullable();
const Count = z.number().nullable();

/** The travel-time distribution of one group of residents (an age group, a municipality, a mode). */
export const EquityGroup = z.object({
  group: z.string(),
  /** Null when withheld (1–4 residents) for a viewer without unsuppressed access. */
  residents: Count,
  mean: Minutes,
  median: Minutes,
  p90: Minutes,
  beyondLimit: Count,
  unreachable: Count,
  suppressed: z.boolean(),
});
export type EquityGroup = z.infer<typeof EquityGroup>;

/**
 * Equity of access to one service class under a scenario: how unequally travel time is borne (Gini
 * and Palma of travel time over residents), how many live beyond the limit, and the distribution by
 * age group and municipality.
 */
export const EquityResult = z.object({
  serviceClass: z.string(),
  limitMinutes: z.number(),
  residents: z.number(),
  gini: z.number().nullable(),
  palma: z.number().nullable(),
  beyondLimit: Count,
  byAgeGroup: z.array(EquityGroup),
  byMunicipality: z.array(EquityGroup),
});
export type EquityResult = z.infer<typeof EquityResult>;

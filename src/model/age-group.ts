import { z } from 'zod';

/**
 * The age groups population summaries are reported in: children under school age, school age,
 * working age, and three bands of old age, where the use of elderly care rises steeply.
 */
export const AgeGroup = z.object({
  code: z.string(),
  ageFrom: z.int().min(0).max(100),
  /** Inclusive; 100 stands for "100 and over". */
  ageTo: z.int().min(0).max(100),
});
export type AgeGroup = z.infer<typeof AgeGroup>;

export const populationAgeGroups: readonly AgeGroup[] = [
  { code: '0-6', ageFrom: 0, ageTo: 6 },
  { code: '7-17', ageFrom: 7, ageTo: 17 },
  { code: '18-64', ageFrom: 18, ageTo: 64 },
  { code: '65-74', ageFrom: 65, ageTo: 74 },
  { code: '75-84', ageFrom: 75, ageTo: 84 },
  { code: '85+', ageFrom: 85, ageTo: 100 },
];

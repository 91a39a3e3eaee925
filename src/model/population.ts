import { z } from 'zod';
import { AreaLevel } from './area.js';
import { Age, Code, Sex, Year } from './common.js';

/** Residents of one area on 31 December of a year, by single-year age and sex. */
export const PopulationCount = z.object({
  areaLevel: AreaLevel,
  areaCode: Code,
  year: Year,
  age: Age,
  sex: Sex,
  count: z.int().min(0),
});
export type PopulationCount = z.infer<typeof PopulationCount>;

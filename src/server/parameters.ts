import { z } from 'zod';
import { AreaLevel, ReasonLanguage, Year } from '../model/index.js';

/** Query strings carry text; numbers are read as numbers before the model's schema checks them. */
const numberFromText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), schema);

export const YearParameter = numberFromText(Year)
  .optional()
  .describe('Statistical year; by default the latest year that has population.');

export const AreaLevelParameter = AreaLevel.describe('Level of the area hierarchy.');

export const AreaCodeParameter = z.string().trim().min(1).max(64).describe('Code of one area.');

export const ImportIdParameter = numberFromText(z.int().positive()).describe('Id of an import.');

export const PageLimitParameter = numberFromText(z.int().min(1).max(10_000))
  .default(100)
  .describe('How many rows to return.');

export const PageOffsetParameter = numberFromText(z.int().min(0))
  .default(0)
  .describe('How many rows to skip.');

export const ReasonLanguageParameter = ReasonLanguage.default('fi').describe(
  'Language the reasons are written in; the code and parameters are the same in every language.',
);

import { z } from 'zod';
import { Code, Year } from './common.js';

/** The three sectors of THL's need model: health care, social care and elderly care (65+). */
export const NeedSector = z.enum(['health', 'social', 'elderly']);
export type NeedSector = z.infer<typeof NeedSector>;

export const needSectors: readonly NeedSector[] = NeedSector.options;

/**
 * How a need coefficient was worked out:
 * - `thlRegression`: THL's regression models over the area means of every explanatory variable
 *   (age × sex, diagnosis groups, socioeconomic factors), as in the county funding model;
 * - `indirectAgeSex`: indirect age-sex standardisation, for when only age and sex are known: the area's
 *   expected cost at the reference area's cost per resident of each age band and sex.
 */
export const NeedMethod = z.enum(['thlRegression', 'indirectAgeSex']);
export type NeedMethod = z.infer<typeof NeedMethod>;

/** Per-sector weights of the total coefficient; THL's are each sector's share of national cost. */
export const SectorWeights = z.object({ health: z.number(), social: z.number(), elderly: z.number() });
export type SectorWeights = z.infer<typeof SectorWeights>;

/** One area's need relative to the reference (1.0 = the reference's need per resident). */
export const AreaNeedCoefficients = z.object({
  /** Code of the area where known (the THL workbook names areas only). */
  areaCode: Code.nullable(),
  name: z.string(),
  health: z.number(),
  social: z.number(),
  elderly: z.number(),
  total: z.number(),
});
export type AreaNeedCoefficients = z.infer<typeof AreaNeedCoefficients>;

export const NeedCoefficientSet = z.object({
  year: Year,
  method: NeedMethod,
  /** The area whose need is 1.0: the whole country in THL's model, or the county in a county's own comparison. */
  reference: z.object({ level: z.enum(['country', 'county']), code: Code.nullable(), name: z.string() }),
  sectorWeights: SectorWeights,
  areas: z.array(AreaNeedCoefficients),
});
export type NeedCoefficientSet = z.infer<typeof NeedCoefficientSet>;

/**
 * An area's coefficients as the API serves them: for anyone but an analyst, an area of 1–4 residents has
 * its coefficients withheld (null, with `suppressed`), since they describe those few people's ages.
 */
export const AreaNeedCoefficientsView = z.object({
  areaCode: Code.nullable(),
  name: z.string(),
  health: z.number().nullable(),
  social: z.number().nullable(),
  elderly: z.number().nullable(),
  total: z.number().nullable(),
  suppressed: z.boolean(),
});
export type AreaNeedCoefficientsView = z.infer<typeof AreaNeedCoefficientsView>;

export const NeedCoefficientSetView = NeedCoefficientSet.extend({ areas: z.array(AreaNeedCoefficientsView) });
export type NeedCoefficientSetView = z.infer<typeof NeedCoefficientSetView>;

/**
 * One area's cost compared with the reference, before and after needs standardisation:
 * rawIndex = cost per resident / reference cost per resident × 100, and
 * costIndex = rawIndex / total need coefficient (THL's needs-standardised cost index, 100 = reference).
 */
export const NeedsStandardisedCostRow = z.object({
  areaCode: Code,
  name: z.string(),
  /** Residents; null when withheld from a non-analyst viewer (then populationSuppressed). */
  population: z.int().nullable(),
  populationSuppressed: z.boolean(),
  netCostEuros: z.number(),
  costPerResidentEuros: z.number().nullable(),
  /** The area's total need coefficient; null when withheld with its population. */
  needCoefficient: z.number().nullable(),
  rawIndex: z.number().nullable(),
  costIndex: z.number().nullable(),
  needsStandardisedCostPerResidentEuros: z.number().nullable(),
});
export type NeedsStandardisedCostRow = z.infer<typeof NeedsStandardisedCostRow>;

export const NeedsStandardisedCost = z.object({
  year: Year,
  method: NeedMethod,
  reference: z.object({ level: z.enum(['country', 'county']), code: Code.nullable(), name: z.string() }),
  referenceCostPerResidentEuros: z.number().nullable(),
  rows: z.array(NeedsStandardisedCostRow),
});
export type NeedsStandardisedCost = z.infer<typeof NeedsStandardisedCost>;

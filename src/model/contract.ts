import { z } from 'zod';
import { Code, IsoDate } from './common.js';

/** What one price of a contract is paid for: a visit, a care day or a whole episode. */
export const PricingBasis = z.enum(['visit', 'careDay', 'episode']);
export type PricingBasis = z.infer<typeof PricingBasis>;

/** How prices follow an index: not at all, the cost-of-living index, or the health-care price index. */
export const IndexClause = z.enum(['none', 'consumerPrice', 'healthCarePrice']);
export type IndexClause = z.infer<typeof IndexClause>;

/**
 * A procurement contract (hankintasopimus) with one producer: what it covers, how long, at what price
 * and with which volume bounds. Volumes are a year's units of the pricing basis.
 */
export const Contract = z.object({
  code: Code,
  producerCode: Code,
  name: z.string().trim().min(1).max(200),
  serviceClasses: z.array(Code).min(1),
  unitCodes: z.array(Code).optional(),
  validFrom: IsoDate,
  validTo: IsoDate,
  pricingBasis: PricingBasis,
  unitPriceEuros: z.number().min(0).max(1_000_000),
  monthlyFeeEuros: z.number().min(0).max(100_000_000).optional(),
  indexClause: IndexClause.optional(),
  /** The most prices may rise a year under the index clause, per cent. */
  indexCapPercent: z.number().min(0).max(100).optional(),
  volumeFloor: z.number().min(0).optional(),
  volumeCeiling: z.number().min(0).optional(),
  reportingDuties: z.string().trim().max(500).optional(),
  /** Sanction for an unmet quality requirement, per cent of the month's invoice. */
  sanctionPercent: z.number().min(0).max(100).optional(),
  /** Bonus for every quality requirement met, per cent of the month's invoice. */
  bonusPercent: z.number().min(0).max(100).optional(),
  /** When preparing the next tender starts, if it is planned. */
  tenderPlannedFrom: IsoDate.optional(),
});
export type Contract = z.infer<typeof Contract>;

export const OptionDecision = z.enum(['open', 'exercised', 'declined']);
export type OptionDecision = z.infer<typeof OptionDecision>;

/** An option period of a contract: how far it extends it and by when the county must decide. */
export const ContractOption = z.object({
  contractCode: Code,
  optionNumber: z.int().min(1).max(20),
  extendsTo: IsoDate,
  decideBy: IsoDate,
  decision: OptionDecision,
});
export type ContractOption = z.infer<typeof ContractOption>;

/** The measures a quality requirement can be set on; each is computed from the county's own data. */
export const SteeringMeasure = z.enum([
  'waitingWithinLimitShare',
  'medianWaitingDays',
  'dataCompleteness',
  'complaintsPer10000',
]);
export type SteeringMeasure = z.infer<typeof SteeringMeasure>;

/**
 * Measures that are shares (0–1): their targets are shares too (0.9 for 90 %), and are shown in the
 * same unit as the value they are set on.
 */
export const isShareMeasure = (measure: SteeringMeasure): boolean =>
  measure === 'waitingWithinLimitShare' || measure === 'dataCompleteness';

export const RequirementDirection = z.enum(['atLeast', 'atMost']);
export type RequirementDirection = z.infer<typeof RequirementDirection>;

/** A quality requirement of a contract: a target on one measure of the producer's service. */
export const QualityRequirement = z.object({
  contractCode: Code,
  measure: SteeringMeasure,
  direction: RequirementDirection,
  target: z.number().min(0).max(1_000_000),
});
export type QualityRequirement = z.infer<typeof QualityRequirement>;

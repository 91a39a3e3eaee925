import { z } from 'zod';
import { Code, IsoDate } from './common.js';
import { OptionDecision, PricingBasis, RequirementDirection, SteeringMeasure } from './contract.js';
import { ActionState, FindingSeverity } from './supervision.js';

/**
 * The limits producer steering is measured against, read from configuration (config/steering.json):
 * the care-guarantee limit in days per class and the months a tender takes to prepare per class.
 */
export const SteeringConfig = z.object({
  careGuaranteeDays: z.record(z.string(), z.int().positive()),
  tenderLeadMonths: z.record(z.string(), z.int().positive()),
  optionWarningDays: z.int().positive(),
  horizonMonths: z.int().positive(),
});
export type SteeringConfig = z.infer<typeof SteeringConfig>;

/** A steering period: a year `2025` or a month `2025-03`. */
export const SteeringPeriod = z
  .string()
  .regex(/^(19|20|21)\d\d(-(0[1-9]|1[0-2]))?$/, 'period must look like 2025 or 2025-03');

export const ReconciliationStatus = z.enum(['matched', 'overBilled', 'underBilled', 'noPrice', 'noEvents']);
export type ReconciliationStatus = z.infer<typeof ReconciliationStatus>;

/**
 * One invoice line against the events behind it: `invoicedCents = matchedCents + differenceCents`
 * always, and `expectedCents` is what the events at the contract's price come to.
 */
export const ReconciledLine = z.object({
  invoiceId: z.string(),
  producerCode: Code,
  month: z.string(),
  serviceClass: Code,
  unitCode: Code.nullable(),
  invoicedQuantity: z.number(),
  eventQuantity: z.number(),
  priceEuros: z.number().nullable(),
  invoicedCents: z.int(),
  expectedCents: z.int().nullable(),
  matchedCents: z.int(),
  differenceCents: z.int(),
  status: ReconciliationStatus,
});
export type ReconciledLine = z.infer<typeof ReconciledLine>;

/** Events a producer has with no invoice line at all: neither billed nor a difference of an invoice. */
export const UnbilledEvents = z.object({
  producerCode: Code,
  month: z.string(),
  serviceClass: Code,
  unitCode: Code.nullable(),
  eventQuantity: z.number(),
});
export type UnbilledEvents = z.infer<typeof UnbilledEvents>;

export const Reconciliation = z.object({
  period: z.string(),
  invoicedCents: z.int(),
  matchedCents: z.int(),
  differenceCents: z.int(),
  lines: z.array(ReconciledLine),
  unbilled: z.array(UnbilledEvents),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const ProducerFlag = z.enum([
  'overCeiling',
  'underFloor',
  'billingDifference',
  'overdueAction',
  'optionDue',
  'requirementMissed',
]);
export type ProducerFlag = z.infer<typeof ProducerFlag>;

export const RegisterEntry = z.object({
  code: Code,
  name: z.string(),
  kind: z.string(),
  businessId: z.string().nullable(),
  contracts: z.array(z.object({ code: Code, name: z.string(), validTo: IsoDate })),
  units: z.array(
    z.object({ code: Code, name: z.string(), municipalityCode: Code, lon: z.number(), lat: z.number() }),
  ),
  flags: z.array(ProducerFlag),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

/** A figure that passed disclosure control: `value` is null when it was withheld. */
export const SteeringFigure = z.object({
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** How many events the figure rests on. */
  count: z.number().nullable(),
  suppressed: z.boolean(),
});
export type SteeringFigure = z.infer<typeof SteeringFigure>;

export const VolumeStatus = z.enum(['underFloor', 'within', 'overCeiling']);

export const Scorecard = z.object({
  producer: z.object({ code: Code, name: z.string(), kind: z.string(), businessId: z.string().nullable() }),
  period: z.string(),
  asOf: IsoDate,
  volumes: z.array(
    z.object({
      contractCode: Code,
      serviceClass: Code,
      pricingBasis: PricingBasis,
      volume: z.number(),
      floor: z.number().nullable(),
      ceiling: z.number().nullable(),
      status: VolumeStatus,
    }),
  ),
  billing: z.object({
    invoicedCents: z.int(),
    expectedCents: z.int(),
    matchedCents: z.int(),
    differenceCents: z.int(),
    differences: z.array(ReconciledLine),
  }),
  costs: z.array(
    z.object({
      serviceClass: Code,
      producerEurosPerUnit: z.number().nullable(),
      ownEurosPerUnit: z.number().nullable(),
      ratio: z.number().nullable(),
    }),
  ),
  quality: z.array(
    z.object({
      contractCode: Code,
      measure: SteeringMeasure,
      direction: RequirementDirection,
      target: z.number(),
      figure: SteeringFigure,
      met: z.boolean().nullable(),
    }),
  ),
  waiting: z.array(
    z.object({
      serviceClass: Code,
      limitDays: z.int(),
      medianDays: SteeringFigure,
      withinLimitShare: SteeringFigure,
    }),
  ),
  supervision: z.array(
    z.object({
      findingId: Code,
      inspectionId: Code,
      inspectionDate: IsoDate,
      unitCode: Code.nullable(),
      severity: FindingSeverity,
      description: z.string(),
      actionDeadline: IsoDate,
      actionState: ActionState,
      actionDoneOn: IsoDate.nullable(),
      actionNote: z.string().nullable(),
      version: z.int(),
      overdue: z.boolean(),
    }),
  ),
  complaints: z.array(z.object({ quarter: z.string(), objections: z.int(), complaints: z.int() })),
  completeness: SteeringFigure,
  flags: z.array(ProducerFlag),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const ProductionMode = z.enum(['own', 'purchased', 'voucher', 'ngo']);

/** Own production against purchased services, vouchers and NGOs for one class: the make-or-buy question. */
export const ModeComparison = z.object({
  serviceClass: Code,
  period: z.string(),
  modes: z.array(
    z.object({
      mode: ProductionMode,
      producers: z.int(),
      volume: z.number(),
      eurosPerUnit: z.number().nullable(),
      complaintsPer10000: z.number().nullable(),
      medianWaitingDays: SteeringFigure,
      withinLimitShare: SteeringFigure,
    }),
  ),
});
export type ModeComparison = z.infer<typeof ModeComparison>;

export const CalendarItemKind = z.enum(['contractEnds', 'optionDecision', 'tenderPreparation']);

export const CalendarItem = z.object({
  date: IsoDate,
  kind: CalendarItemKind,
  contractCode: Code,
  producerCode: Code,
  serviceClasses: z.array(Code),
  title: z.string(),
  /** Due within the horizon with neither a tender planned nor an open option to extend. */
  nothingPlanned: z.boolean(),
});
export type CalendarItem = z.infer<typeof CalendarItem>;

export const ProcurementCalendar = z.object({
  asOf: IsoDate,
  withinMonths: z.int(),
  items: z.array(CalendarItem),
  warnings: z.array(CalendarItem),
});
export type ProcurementCalendar = z.infer<typeof ProcurementCalendar>;

/** A contract as the register shows it, with its options and quality requirements. */
export const ContractView = z.object({
  code: Code,
  producerCode: Code,
  name: z.string(),
  serviceClasses: z.array(Code),
  unitCodes: z.array(Code).nullable(),
  validFrom: IsoDate,
  validTo: IsoDate,
  pricingBasis: PricingBasis,
  unitPriceEuros: z.number(),
  monthlyFeeEuros: z.number(),
  volumeFloor: z.number().nullable(),
  volumeCeiling: z.number().nullable(),
  tenderPlannedFrom: IsoDate.nullable(),
  options: z.array(
    z.object({ optionNumber: z.int(), extendsTo: IsoDate, decideBy: IsoDate, decision: OptionDecision }),
  ),
  requirements: z.array(
    z.object({ measure: SteeringMeasure, direction: RequirementDirection, target: z.number() }),
  ),
  /** 1 as imported; each save in the UI or API makes the next. */
  version: z.int().positive(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ContractView = z.infer<typeof ContractView>;

/** A contract's terms as an editor sends them: everything but its version record. */
export const ContractTerms = z
  .strictObject({
    code: Code,
    producerCode: Code,
    name: z.string().trim().min(1).max(200),
    serviceClasses: z.array(Code).min(1).max(50),
    unitCodes: z.array(Code).max(500).nullable(),
    validFrom: IsoDate,
    validTo: IsoDate,
    pricingBasis: PricingBasis,
    unitPriceEuros: z.number().min(0).max(1_000_000),
    monthlyFeeEuros: z.number().min(0).max(100_000_000),
    volumeFloor: z.number().min(0).max(1e9).nullable(),
    volumeCeiling: z.number().min(0).max(1e9).nullable(),
    tenderPlannedFrom: IsoDate.nullable(),
    options: z
      .array(
        z.strictObject({
          optionNumber: z.int().min(1).max(20),
          extendsTo: IsoDate,
          decideBy: IsoDate,
          decision: OptionDecision,
        }),
      )
      .max(20),
    requirements: z
      .array(
        z.strictObject({ measure: SteeringMeasure, direction: RequirementDirection, target: z.number() }),
      )
      .max(50),
  })
  .refine((c) => c.validFrom <= c.validTo, { message: 'validFrom must not be after validTo' })
  .refine((c) => c.volumeFloor === null || c.volumeCeiling === null || c.volumeFloor <= c.volumeCeiling, {
    message: 'the volume floor must not be above the ceiling',
  });
export type ContractTerms = z.infer<typeof ContractTerms>;

/** An edit: the whole terms and the version they were made from (0 for a new contract). */
export const ContractUpdate = z.strictObject({ version: z.int().min(0), contract: ContractTerms });
export type ContractUpdate = z.infer<typeof ContractUpdate>;

/** Every version of one contract, newest first, each whole. */
export const ContractHistory = z.array(ContractView);
export type ContractHistory = z.infer<typeof ContractHistory>;

export const RegisterList = z.array(RegisterEntry);
export const ContractList = z.array(ContractView);
/** The procurement calendar as iCalendar text (RFC 5545). */
export const CalendarIcs = z.string();

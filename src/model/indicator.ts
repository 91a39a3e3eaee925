import { z } from 'zod';
import { Age, Code, IsoDate, Sex, Year } from './common.js';
import { Channel, EventKind } from './service-class.js';
import { CapacityUnit } from './unit.js';

/**
 * Indicators are definitions kept as code (src/indicators/package): what is counted over which
 * population, how the figure is read, and which areas, periods and breakdowns it may be computed for.
 * The engine compiles a definition and a request into one SQL query over the store.
 */

/** A text Soteatlas ships (an indicator's title, a shipped set's name), in each language of the UI. */
export const LocalText = z.object({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof LocalText>;

export const ServiceArea = z.enum(['health', 'social', 'elderly']);
export type ServiceArea = z.infer<typeof ServiceArea>;

export const IndicatorAreaLevel = z.enum(['county', 'municipality', 'gridCell']);
export type IndicatorAreaLevel = z.infer<typeof IndicatorAreaLevel>;

/** A calendar year, quarter or month, or the 12 months ending with a month. */
export const IndicatorPeriodType = z.enum(['year', 'quarter', 'month', 'rolling12']);
export type IndicatorPeriodType = z.infer<typeof IndicatorPeriodType>;

export const BreakdownDimension = z.enum(['ageBand', 'sex', 'serviceClass', 'producer', 'unit', 'channel']);
export type BreakdownDimension = z.infer<typeof BreakdownDimension>;

/** Event fields whose presence the data-completeness indicators measure. */
export const RecordedField = z.enum(['gridCell', 'unit', 'producer', 'clientKey']);
export type RecordedField = z.infer<typeof RecordedField>;

/** Which events count; every condition given must hold. */
export const EventFilter = z.strictObject({
  serviceClasses: z.array(Code).min(1).optional(),
  serviceAreas: z.array(ServiceArea).min(1).optional(),
  kinds: z.array(EventKind).min(1).optional(),
  channels: z.array(Channel).min(1).optional(),
  /** Client's age at the event, inclusive. */
  ageFrom: Age.optional(),
  ageTo: Age.optional(),
  sex: Sex.optional(),
  /** Only events on which these fields were recorded. */
  recorded: z.array(RecordedField).min(1).optional(),
});
export type EventFilter = z.infer<typeof EventFilter>;

/**
 * One side of a ratio. Events are counted as rows (`count`), summed quantity (visits, care days),
 * summed cost, or distinct clients (pseudonymous client keys); population is residents at the end of the
 * period's year; net cost is the yearly net operating cost; capacity is what units could produce in
 * the period: yearly visits pro rata for the days each unit was open, or places × open days (care days).
 */
export const IndicatorMeasure = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('events'),
    aggregate: z.enum(['count', 'quantity', 'cost', 'clients']),
    filter: EventFilter.default({}),
  }),
  z.strictObject({
    source: z.literal('population'),
    ageFrom: Age.default(0),
    ageTo: Age.default(100),
    sex: Sex.optional(),
  }),
  z.strictObject({
    source: z.literal('netCost'),
    serviceClasses: z.array(Code).min(1).optional(),
    serviceAreas: z.array(ServiceArea).min(1).optional(),
  }),
  z.strictObject({
    source: z.literal('capacity'),
    serviceClasses: z.array(Code).min(1),
    capacityUnit: CapacityUnit,
  }),
]);
export type IndicatorMeasure = z.infer<typeof IndicatorMeasure>;
export type IndicatorMeasureInput = z.input<typeof IndicatorMeasure>;

/**
 * - rate: numerator ÷ denominator × perN (e.g. visits per 1 000 residents aged 75+, € per resident);
 * - share: numerator is a subset of the denominator's events, × 100 (%);
 * - ratio: numerator ÷ denominator × perN where the two are of different kinds (use against capacity);
 * - standardisedCostIndex: the area's cost per resident against the county's, divided by the area's
 *   need coefficient, × 100 (100 = the county level once need is accounted for).
 */
export const IndicatorKind = z.enum(['rate', 'share', 'ratio', 'standardisedCostIndex']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/** exact Poisson for counts over a population, Wilson score for shares, none for money and capacity. */
export const IntervalMethod = z.enum(['poisson', 'wilson', 'none']);
export type IntervalMethod = z.infer<typeof IntervalMethod>;

export const IndicatorDirection = z.enum(['higherIsBetter', 'lowerIsBetter', 'neutral']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

export const IndicatorDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    title: LocalText,
    description: LocalText,
    /** The service area the indicator belongs to, or "all" for cross-cutting ones. */
    serviceArea: z.enum(['health', 'social', 'elderly', 'all']),
    kind: IndicatorKind,
    unit: LocalText,
    decimals: z.int().min(0).max(4),
    direction: IndicatorDirection,
    numerator: IndicatorMeasure,
    denominator: IndicatorMeasure,
    /**
     * Shares only: report the complement, 100 − share (e.g. residents 75+ living at home from those in
     * 24-hour care); the interval and suppression follow the counted events as usual.
     */
    complement: z.boolean().default(false),
    /** The rate is per this many of the denominator (1 000 residents, 100 for percent). */
    perN: z.number().positive().default(1),
    interval: IntervalMethod,
    periods: z.array(IndicatorPeriodType).min(1),
    levels: z.array(IndicatorAreaLevel).min(1),
    breakdowns: z.array(BreakdownDimension).default([]),
    /**
     * Where an event counts: in the client's home municipality (residence), or where the unit that
     * produced it lies (unit), as for a unit's use against its capacity.
     */
    place: z.enum(['residence', 'unit']).default('residence'),
    /** THL's Sotkanet indicator with the same definition, where one exists. */
    sotkanetId: z.int().positive().optional(),
    /** Where this definition differs from the Sotkanet indicator's, said beside THL's figure. */
    sotkanetNote: LocalText.optional(),
  })
  .superRefine((d, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (
      d.kind === 'share' &&
      (d.numerator.source !== 'events' || !['events', 'population'].includes(d.denominator.source))
    )
      problem('a share counts events (or clients) out of events or residents');
    if (d.complement && d.kind !== 'share') problem('only a share has a complement');
    if (d.interval === 'wilson' && d.kind !== 'share') problem('the Wilson interval is for shares');
    if (d.interval === 'poisson' && (d.numerator.source !== 'events' || d.numerator.aggregate === 'cost'))
      problem('the Poisson interval is for counts');
    if (d.kind === 'standardisedCostIndex' && d.denominator.source !== 'population')
      problem('a standardised cost index is per resident');
    if (d.place === 'unit' && d.levels.includes('gridCell')) problem('units are placed by municipality');
    if (d.numerator.source === 'netCost' && d.periods.some((p) => p !== 'year'))
      problem('net operating cost is known per year only');
  });
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;
export type IndicatorDefinitionInput = z.input<typeof IndicatorDefinition>;

/** What to compute: years are inclusive and default to the latest year with events. */
export const IndicatorRequest = z.strictObject({
  level: IndicatorAreaLevel.default('municipality'),
  period: IndicatorPeriodType.default('year'),
  fromYear: Year.optional(),
  toYear: Year.optional(),
  breakdown: z.array(BreakdownDimension).max(2).default([]),
  /** Only these areas (of the requested level); all by default. */
  areaCodes: z.array(Code).min(1).optional(),
});
export type IndicatorRequest = z.infer<typeof IndicatorRequest>;
export type IndicatorRequestInput = z.input<typeof IndicatorRequest>;

/**
 * One figure. `breakdown` names the category of each requested breakdown dimension; a row with
 * `isTotal` is the area's figure over all categories. A withheld figure has value, numerator and interval
 * null and `suppressed: true`, never 0.
 */
export const IndicatorValue = z.object({
  period: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  areaCode: z.string(),
  areaName: z.string().nullable(),
  breakdown: z.record(z.string(), z.string()),
  isTotal: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  suppressed: z.boolean(),
  /** Standardised cost indices only: the area's need coefficient and its cost index before standardisation. */
  needCoefficient: z.number().nullable().optional(),
  rawIndex: z.number().nullable().optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** How an area's need was accounted for in a standardised index. */
export const Standardisation = z.enum(['none', 'needCoefficient', 'indirectAgeSexCounty']);
export type Standardisation = z.infer<typeof Standardisation>;

export const IndicatorMetadata = z.object({
  standardisation: Standardisation,
  /** primaryAndComplementary for every viewer but an analyst. */
  suppression: z.enum(['none', 'primaryAndComplementary']),
  /** Confidence level of lower/upper, e.g. 0.95. */
  confidence: z.number(),
  notes: z.array(z.string()),
});
export type IndicatorMetadata = z.infer<typeof IndicatorMetadata>;

export const IndicatorResult = z.object({
  indicatorId: z.string(),
  level: IndicatorAreaLevel,
  period: IndicatorPeriodType,
  fromYear: z.int(),
  toYear: z.int(),
  breakdown: z.array(BreakdownDimension),
  values: z.array(IndicatorValue),
  metadata: IndicatorMetadata,
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

export const IndicatorList = z.array(IndicatorDefinition);

/**
 * Municipalities (or cells) against their county for one year: whether the area's interval lies wholly
 * above or below the county's value, so that noise in a small area is not read as a difference.
 */
export const IndicatorComparisonRow = z.object({
  areaCode: z.string(),
  areaName: z.string().nullable(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  suppressed: z.boolean(),
  rank: z.int().nullable(),
  versusCounty: z.enum(['above', 'below', 'within', 'unknown']),
});
export type IndicatorComparisonRow = z.infer<typeof IndicatorComparisonRow>;

export const IndicatorComparison = z.object({
  indicatorId: z.string(),
  year: z.int(),
  level: IndicatorAreaLevel,
  county: z.object({ areaCode: z.string(), value: z.number().nullable() }).nullable(),
  rows: z.array(IndicatorComparisonRow),
  metadata: IndicatorMetadata,
});
export type IndicatorComparison = z.infer<typeof IndicatorComparison>;

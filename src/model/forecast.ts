import { z } from 'zod';
import { AgeGroup } from './age-group.js';
import { AreaLevel } from './area.js';
import { Age, Sex } from './common.js';

/**
 * Population and demand forecasts. A variant is a named set of assumptions; the projection it gives is
 * computed from the store whenever asked (and cached), so only the assumptions are saved.
 */

/** Lower-case letters, digits and dashes, so that a variant's name can stand in a URL. */
export const ForecastVariantName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case letters, digits and dashes, at most 48');
export type ForecastVariantName = z.infer<typeof ForecastVariantName>;

/**
 * Rates given as tables instead of estimated from the store. Arrays are by single-year age 0…100
 * (101 values). Whatever is left out is estimated as usual.
 */
export const ForecastRateTables = z.object({
  /** Probability of dying within the year, by sex. */
  deathProbability: z
    .object({ male: z.array(z.number().min(0).max(1)), female: z.array(z.number().min(0).max(1)) })
    .optional(),
  /** Births per woman of each age in a year. */
  fertility: z.array(z.number().min(0).max(1)).optional(),
  /** Net migration per resident of each age and sex in a year (negative: more leave than arrive). */
  netMigrationRate: z
    .object({ male: z.array(z.number().min(-1).max(1)), female: z.array(z.number().min(-1).max(1)) })
    .optional(),
});
export type ForecastRateTables = z.infer<typeof ForecastRateTables>;

/** "Home care instead of 24-hour care for x %": a share of one class's demand moves to another. */
export const DemandShift = z.object({
  fromClass: z.string().min(1),
  toClass: z.string().min(1),
  /** Share of the from-class demand moved, reached linearly by the last projection year. */
  share: z.number().min(0).max(1),
  /** Volume of the to-class per unit of from-class volume (e.g. home-care visits per care day). */
  ratio: z.number().min(0).default(1),
});
export type DemandShift = z.infer<typeof DemandShift>;

export const DemandAssumptions = z.object({
  /** Yearly relative change in use rates by service class beyond ageing, e.g. { "MHS": 0.02 }. */
  needTrend: z.record(z.string(), z.number().min(-0.5).max(0.5)).default({}),
  shifts: z.array(DemandShift).default([]),
});
export type DemandAssumptions = z.infer<typeof DemandAssumptions>;

/** What a variant assumes; omitted fields take the defaults shown. */
export const ForecastAssumptions = z.object({
  /** Last observed year the projection starts from; by default the latest with population. */
  baseYear: z.int().min(1900).max(2100).optional(),
  /** Last projected year. */
  toYear: z.int().min(1900).max(2100).default(2045),
  /** Years whose changes the rates are estimated from; by default the ten (at most) before baseYear. */
  basePeriodYears: z.int().min(1).max(30).default(10),
  /** Multiplies the estimated net migration rates. */
  migrationFactor: z.number().min(-5).max(5).default(1),
  /** Extra net migration into the county per year, as a share of its population (0.003 = 0.3 %). */
  extraNetMigrationShare: z.number().min(-0.05).max(0.05).default(0),
  fertilityFactor: z.number().min(0).max(5).default(1),
  mortalityFactor: z.number().min(0).max(5).default(1),
  /**
   * Yearly fall in death probabilities (0.01 = 1 % a year). Omitted: estimated from the history where
   * it has eight years or more, else 1 %.
   */
  mortalityImprovement: z.number().min(-0.1).max(0.1).optional(),
  /**
   * Borrowing strength: a municipality's rates are pulled toward the county's as if the county
   * added this many person-years of exposure at each age and sex.
   */
  smoothingExposure: z.number().min(0).max(1e6).default(400),
  tables: ForecastRateTables.optional(),
  demand: DemandAssumptions.default({ needTrend: {}, shifts: [] }),
});
export type ForecastAssumptions = z.infer<typeof ForecastAssumptions>;

export const ForecastVariantKind = z.enum(['estimated', 'official']);
export type ForecastVariantKind = z.infer<typeof ForecastVariantKind>;

/** A variant's name in the page's languages; a language left out is shown with `label`. */
export const ForecastVariantLabels = z.object({
  fi: z.string().trim().min(1).max(200).optional(),
  sv: z.string().trim().min(1).max(200).optional(),
  en: z.string().trim().min(1).max(200).optional(),
});
export type ForecastVariantLabels = z.infer<typeof ForecastVariantLabels>;
/** A named variant as saved and served. Official variants are imported projections, not computed. */
export const ForecastVariant = z.object({
  name: ForecastVariantName,
  label: z.string().trim().min(1).max(200),
  labels: ForecastVariantLabels.optional(),
  kind: ForecastVariantKind.default('estimated'),
  /** True for base, high and low migration, which exist without being saved. */
  builtIn: z.boolean().default(false),
  assumptions: ForecastAssumptions,
});
export type ForecastVariant = z.infer<typeof ForecastVariant>;

/** The body of POST /api/forecast/variants and PUT /api/forecast/variants/:name. */
export const ForecastVariantInput = z.object({
  name: ForecastVariantName,
  label: z.string().trim().min(1).max(200),
  labels: ForecastVariantLabels.optional(),
  assumptions: ForecastAssumptions.optional(),
});
export type ForecastVariantInput = z.infer<typeof ForecastVariantInput>;

export const ForecastVariantList = z.object({
  variants: z.array(ForecastVariant),
});
export type ForecastVariantList = z.infer<typeof ForecastVariantList>;

/** Where a projection's rates come from: the history, the county's (short history), a default, a table. */
export const ForecastRateSource = z.enum(['estimated', 'county', 'default', 'table']);
export type ForecastRateSource = z.infer<typeof ForecastRateSource>;

/**
 * Why a projection's basis is thin, for a reader in any language: no year of history before the base
 * year, fewer than five, or too few to estimate the mortality improvement (a default assumed).
 */
export const ForecastBasisCaution = z.enum(['noHistory', 'shortHistory', 'improvementDefault']);
export type ForecastBasisCaution = z.infer<typeof ForecastBasisCaution>;

/** What an estimated projection's assumptions rest on, with warnings when that is little. */
export const ForecastBasis = z.object({
  baseYear: z.int(),
  /** Years of changes (pairs of consecutive observed years) before the base year the rates rest on. */
  historyYears: z.int().min(0),
  firstYear: z.int().nullable(),
  mortality: z.object({
    source: ForecastRateSource,
    /** Death probabilities against the reference table, below 85 and from 85 on. */
    levels: z.array(z.number()),
    improvementSource: z.enum(['estimated', 'assumed', 'default']),
    improvementBelow85: z.number(),
    improvementAt95: z.number(),
  }),
  fertility: z.object({ source: ForecastRateSource, years: z.int().min(0) }),
  migration: z.object({
    source: ForecastRateSource,
    /** Years in which a short history's gap to the county's rates halves; null when not damped. */
    halfLifeYears: z.number().nullable(),
  }),
  /** The warnings in English (for the command line and logs). */
  warnings: z.array(z.string()),
  /** The same warnings as codes, in the order of `warnings`. */
  cautions: z.array(ForecastBasisCaution),
  /** Years of history below which `shortHistory` is raised; years a mortality trend needs. */
  fullHistoryYears: z.int().min(1),
  trendYears: z.int().min(1),
});
export type ForecastBasis = z.infer<typeof ForecastBasis>;

/** One year of one line: total and age groups; observed years come from the store, later ones are projected. */
export const ForecastSeriesPoint = z.object({
  year: z.int(),
  observed: z.boolean(),
  total: z.int().nullable(),
  /** By age-group code (see ageGroups); null when withheld. */
  ageGroups: z.record(z.string(), z.int().nullable()),
  suppressed: z.boolean(),
});
export type ForecastSeriesPoint = z.infer<typeof ForecastSeriesPoint>;

export const ForecastSeriesLine = z.object({
  variant: z.string(),
  label: z.string(),
  labels: ForecastVariantLabels.optional(),
  kind: ForecastVariantKind,
  points: z.array(ForecastSeriesPoint),
});
export type ForecastSeriesLine = z.infer<typeof ForecastSeriesLine>;

/** Total and age-group lines by year for one area, the chosen variant beside the official one. */
export const ForecastSeries = z.object({
  areaLevel: AreaLevel,
  areaCode: z.string(),
  baseYear: z.int(),
  ageGroups: z.array(AgeGroup),
  lines: z.array(ForecastSeriesLine),
  /** What the chosen variant's projection rests on; absent for an official (imported) variant. */
  basis: ForecastBasis.optional(),
});
export type ForecastSeries = z.infer<typeof ForecastSeries>;

export const ForecastPyramidRow = z.object({
  age: Age,
  male: z.int().nullable(),
  female: z.int().nullable(),
  suppressed: z.boolean(),
});
export type ForecastPyramidRow = z.infer<typeof ForecastPyramidRow>;

/** Residents by single-year age and sex for an area and year: observed up to baseYear, projected after. */
export const ForecastPyramid = z.object({
  areaLevel: AreaLevel,
  areaCode: z.string(),
  variant: z.string(),
  year: z.int(),
  baseYear: z.int(),
  observed: z.boolean(),
  rows: z.array(ForecastPyramidRow),
});
export type ForecastPyramid = z.infer<typeof ForecastPyramid>;

/**
 * One year of a pyramid, compact: residents by single-year age 0…100 (index = age) for each sex.
 * null is a withheld count (1–4, for viewers other than analysts).
 */
export const ForecastPyramidYear = z.object({
  year: z.int(),
  observed: z.boolean(),
  male: z.array(z.int().nullable()),
  female: z.array(z.int().nullable()),
  /** True when any count of the year is withheld. */
  suppressed: z.boolean(),
});
export type ForecastPyramidYear = z.infer<typeof ForecastPyramidYear>;

/** Every year's pyramid of a variant for an area in one answer: recorded years up to baseYear, then projected. */
export const ForecastPyramids = z.object({
  areaLevel: AreaLevel,
  areaCode: z.string(),
  variant: z.string(),
  baseYear: z.int(),
  /** The largest single-year count of any year, so that a chart can keep one scale over the years. */
  largest: z.int(),
  years: z.array(ForecastPyramidYear),
});
export type ForecastPyramids = z.infer<typeof ForecastPyramids>;

/** Demand for one service class in an area and year, against the capacity of the area's units. */
export const ForecastDemandRow = z.object({
  serviceClass: z.string(),
  eventKind: z.string(),
  /** Volume in the base year (events' quantity: visits, episodes or care days). */
  baseVolume: z.number(),
  demand: z.number(),
  /** Yearly capacity of the area's units for the class in the class's own volume (care days for places). */
  capacity: z.number().nullable(),
  /** demand − capacity; positive means too little capacity. */
  gap: z.number().nullable(),
  /** Staff implied by the demand at the configured volume per full-time equivalent. */
  fte: z.number().nullable(),
  /** Staff implied by the gap. */
  fteGap: z.number().nullable(),
});
export type ForecastDemandRow = z.infer<typeof ForecastDemandRow>;

export const ForecastUnitGapRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  municipalityCode: z.string(),
  serviceClass: z.string(),
  baseVolume: z.number(),
  demand: z.number(),
  capacity: z.number(),
  gap: z.number(),
});
export type ForecastUnitGapRow = z.infer<typeof ForecastUnitGapRow>;

export const ForecastDemand = z.object({
  areaLevel: AreaLevel,
  areaCode: z.string(),
  variant: z.string(),
  year: z.int(),
  baseYear: z.int(),
  rows: z.array(ForecastDemandRow),
  units: z.array(ForecastUnitGapRow),
});
export type ForecastDemand = z.infer<typeof ForecastDemand>;

export const ForecastErrorRow = z.object({
  key: z.string(),
  /** Mean absolute percentage error over the cells of the group (age × sex × year × area), in per cent. */
  mape: z.number().nullable(),
  /** Error of the group's total at the last year, in per cent (signed: positive = projected too many). */
  totalError: z.number().nullable(),
  /** The same for a constant population (the base year's, carried unchanged). */
  baselineMape: z.number().nullable().optional(),
  baselineTotalError: z.number().nullable().optional(),
  /** The same for Statistics Finland's projection from the same base year, when the store holds it. */
  officialMape: z.number().nullable().optional(),
  officialTotalError: z.number().nullable().optional(),
});
export type ForecastErrorRow = z.infer<typeof ForecastErrorRow>;

/** Errors of one year of a backtest, `horizon` years after its base year. */
export const ForecastHorizonError = z.object({
  horizon: z.int().min(1),
  year: z.int(),
  /** MAPE over all cells of the year; age groups' errors of their totals in that year. */
  all: ForecastErrorRow,
  byAgeGroup: z.array(ForecastErrorRow),
});
export type ForecastHorizonError = z.infer<typeof ForecastHorizonError>;

/** A projection from an earlier base year compared with what was observed after it. */
export const ForecastBacktest = z.object({
  variant: z.string(),
  fromYear: z.int(),
  toYear: z.int(),
  mape: z.number().nullable(),
  countyTotalError: z.number().nullable(),
  byAgeGroup: z.array(ForecastErrorRow),
  byMunicipality: z.array(ForecastErrorRow),
  /** Each observed year after the base year. */
  byHorizon: z.array(ForecastHorizonError).optional(),
  /** The official projection compared, if the store holds one from the same base year. */
  official: z.object({ variant: z.string(), label: z.string() }).nullable().optional(),
  /** What the projection's rates rested on. */
  basis: ForecastBasis.optional(),
});
export type ForecastBacktest = z.infer<typeof ForecastBacktest>;

/** One row of projectedPopulation, the plain data network scenarios read. */
export const ProjectedPopulationRow = z.object({
  areaCode: z.string(),
  age: Age,
  sex: Sex,
  count: z.number().min(0),
});
export type ProjectedPopulationRow = z.infer<typeof ProjectedPopulationRow>;

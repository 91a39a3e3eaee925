import { z } from 'zod';
import { Code, IsoDate } from './common.js';
import { IndicatorDirection, LocalText } from './indicator.js';

/** What a target is set for: the whole county, one municipality, one unit or one producer. */
export const TargetScopeLevel = z.enum(['county', 'municipality', 'unit', 'producer']);
export type TargetScopeLevel = z.infer<typeof TargetScopeLevel>;

/** A county scope without a code means the county the store holds, so that shipped sets fit any county. */
export const TargetScope = z
  .object({ level: TargetScopeLevel, code: Code.nullable().default(null) })
  .refine((s) => s.level === 'county' || s.code !== null, {
    message: 'a municipality, unit or producer scope needs its code',
    path: ['code'],
  });
export type TargetScope = z.infer<typeof TargetScope>;

export const TargetDirection = z.enum(['higherIsBetter', 'lowerIsBetter']);
export type TargetDirection = z.infer<typeof TargetDirection>;

/**
 * The period a target is to be reached in, in the indicator engine's keys: a year "2026", a quarter
 * "2026-Q2" or a month "2026-06". The target date is the period's last day.
 */
export const TargetPeriod = z
  .string()
  .trim()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'a year (2026), a quarter (2026-Q2) or a month (2026-06)');
export type TargetPeriod = z.infer<typeof TargetPeriod>;

/** What a client sends to set a target. */
export const TargetInput = z.strictObject({
  indicatorId: z.string().trim().min(1).max(100),
  scope: TargetScope,
  period: TargetPeriod,
  targetValue: z.number().finite(),
  direction: TargetDirection,
  /**
   * How far on the wrong side of the target still counts as near it, in the indicator's unit
   * (e.g. 2 percentage points). 0 makes every miss "off".
   */
  tolerance: z.number().finite().min(0),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const Target = TargetInput.extend({ id: z.int().positive(), updatedAt: z.string() });
export type Target = z.infer<typeof Target>;

export const TargetList = z.array(Target);

/** onTarget: reached or passed; near: missed by at most the tolerance; off: missed by more; unknown: no value. */
export const TargetStatus = z.enum(['onTarget', 'near', 'off', 'unknown']);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const TargetAssessment = z.object({
  status: TargetStatus,
  /** value − target, in the indicator's unit; null without a value. */
  variance: z.number().nullable(),
  /** variance as a percentage of the target; null without a value or when the target is 0. */
  variancePercent: z.number().nullable(),
});
export type TargetAssessment = z.infer<typeof TargetAssessment>;

/**
 * The least-squares line through the recent periods' values, read at the target date: whether the
 * indicator, going on as it has, reaches its target in time. Time is in years.
 */
export const TargetTrend = z.object({
  periodsUsed: z.int(),
  /** Change per year along the line. */
  slopePerYear: z.number(),
  movement: z.enum(['improving', 'worsening', 'flat']),
  targetDate: IsoDate,
  projectedValue: z.number(),
  projectedStatus: TargetStatus,
  headingToTarget: z.boolean(),
});
export type TargetTrend = z.infer<typeof TargetTrend>;

/** A monitoring set's indicator as a client sends it: the scope defaults to the county. */
export const MonitoringSetItemInput = z.strictObject({
  indicatorId: z.string().trim().min(1).max(100),
  scope: TargetScope.default({ level: 'county', code: null }),
  /** Setting it stores (or replaces) the target of this indicator, scope and period. */
  target: TargetInput.omit({ indicatorId: true, scope: true }).optional(),
});
export type MonitoringSetItemInput = z.input<typeof MonitoringSetItemInput>;

/**
 * A monitoring set (seurantamittaristo): a named, ordered collection of indicators with their targets.
 * A set Soteatlas ships also carries its name and description in each language (`names`,
 * `descriptions`); `name` stays the set's one key (seeding, `report --set`). A set a county names itself
 * is shown as named.
 */
export const MonitoringSetInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  names: LocalText.optional(),
  descriptions: LocalText.optional(),
  items: z.array(MonitoringSetItemInput).max(60),
});
export type MonitoringSetInput = z.input<typeof MonitoringSetInput>;

/** An edit names the version it was made on; an edit of an older version is refused, not merged. */
export const MonitoringSetUpdate = MonitoringSetInput.extend({ version: z.int().positive() });
export type MonitoringSetUpdate = z.input<typeof MonitoringSetUpdate>;

export const MonitoringSetSummary = z.object({
  id: z.int().positive(),
  name: z.string(),
  description: z.string(),
  /** The shipped name in each language while the set keeps it; null once renamed, and for a county's own. */
  names: LocalText.nullable(),
  descriptions: LocalText.nullable(),
  version: z.int().positive(),
  updatedAt: z.string(),
  indicatorCount: z.int(),
});
export type MonitoringSetSummary = z.infer<typeof MonitoringSetSummary>;

export const MonitoringSetList = z.array(MonitoringSetSummary);

export const MonitoringSetItem = z.object({
  position: z.int().min(0),
  indicatorId: z.string(),
  scope: TargetScope,
  /** The target of this indicator and scope for the latest period that has one. */
  target: Target.nullable(),
});
export type MonitoringSetItem = z.infer<typeof MonitoringSetItem>;

export const MonitoringSet = MonitoringSetSummary.extend({ items: z.array(MonitoringSetItem) });
export type MonitoringSet = z.infer<typeof MonitoringSet>;

/** One period of an indicator's series: a sparkline point with its uncertainty interval. */
export const MonitoringSeriesPoint = z.object({
  period: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  suppressed: z.boolean(),
});
export type MonitoringSeriesPoint = z.infer<typeof MonitoringSeriesPoint>;

/**
 * A monitoring set's indicator as the overview shows it: the latest period's value with its interval,
 * the target, the status and variance against it, the trend, and the series behind the sparkline.
 * A withheld value is null with `suppressed`, and its status is unknown.
 */
export const MonitoringSetItemView = MonitoringSetItem.extend({
  title: LocalText.nullable(),
  unit: LocalText.nullable(),
  decimals: z.int().nullable(),
  indicatorDirection: IndicatorDirection.nullable(),
  /** The scope's area or producer code the figures are for. */
  areaCode: z.string().nullable(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  suppressed: z.boolean(),
  assessment: TargetAssessment,
  trend: TargetTrend.nullable(),
  series: z.array(MonitoringSeriesPoint),
  /** Why there is no figure, when there is none (an unknown indicator, a scope it is not computed for). */
  note: z.string().nullable(),
});
export type MonitoringSetItemView = z.infer<typeof MonitoringSetItemView>;

export const MonitoringSetView = MonitoringSetSummary.extend({
  periodType: z.enum(['year', 'quarter', 'month']),
  fromYear: z.int(),
  toYear: z.int(),
  items: z.array(MonitoringSetItemView),
});
export type MonitoringSetView = z.infer<typeof MonitoringSetView>;

export const DeletedRecord = z.object({ id: z.int(), deleted: z.literal(true) });
export type DeletedRecord = z.infer<typeof DeletedRecord>;

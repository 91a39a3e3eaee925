import { z } from 'zod';
import { Code, IsoDate } from './common.js';

/** What a target is set for: the whole county, one municipality, one unit or one producer. */
export const TargetScopeLevel = z.enum(['county', 'municipality', 'unit', 'producer']);
export type TargetScopeLevel = z.infer<typeof TargetScopeLevel>;

export const TargetScope = z.object({ level: TargetScopeLevel, code: Code });
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

import type { CourseStatus, EffectPoint, ExpectedEffect } from '../model/index.js';
import { periodRange } from '../targets/index.js';

const dayOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** The last day of a period key ("2027" → 2027-12-31); the key itself when it is a date already. */
export const periodEnd = (period: string): string => periodRange(period)?.end ?? period;

type Line = Pick<ExpectedEffect, 'baselinePeriod' | 'baselineValue' | 'expectedValue' | 'expectedBy'>;

/**
 * The straight line from the baseline value at the baseline period's end to the expected value at the
 * expected period's end, read on `isoDate`: the baseline before it starts, the expected value after it.
 */
export const expectedOn = (effect: Line, isoDate: string): number => {
  const from = dayOf(periodEnd(effect.baselinePeriod));
  const to = dayOf(periodEnd(effect.expectedBy));
  const share = to <= from ? 1 : Math.min(1, Math.max(0, (dayOf(isoDate) - from) / (to - from)));
  return effect.baselineValue + (effect.expectedValue - effect.baselineValue) * share;
};

type Point = Pick<EffectPoint, 'periodEnd' | 'value' | 'lower' | 'upper' | 'suppressed'>;

/**
 * Whether a measured point is on course (see `CourseStatus`). The good direction is the one from the
 * baseline to the expected value; an effect that is to hold a value (expected = baseline) is on course
 * while its interval holds the line and off it otherwise. A point at or before the baseline's end says
 * nothing about the project, nor does a withheld one.
 */
export const courseOf = (effect: Line, point: Point | undefined): CourseStatus => {
  if (!point || point.value === null || point.suppressed) return 'unknown';
  if (point.periodEnd <= periodEnd(effect.baselinePeriod)) return 'unknown';
  const line = expectedOn(effect, point.periodEnd);
  const lower = point.lower ?? point.value;
  const upper = point.upper ?? point.value;
  const direction = Math.sign(effect.expectedValue - effect.baselineValue);
  if (direction === 0) return lower <= line && line <= upper ? 'onCourse' : 'offCourse';
  if (direction * (point.value - line) >= 0) return 'onCourse';
  const nearBound = direction > 0 ? upper : lower;
  return direction * (nearBound - line) >= 0 ? 'uncertain' : 'offCourse';
};

/** The point a status is read at: the latest measured after the baseline (a withheld one counts). */
export const latestPoint = <P extends Point>(effect: Line, series: readonly P[]): P | undefined =>
  series
    .filter((p) => p.periodEnd > periodEnd(effect.baselinePeriod) && (p.value !== null || p.suppressed))
    .at(-1);

const rank: Record<CourseStatus, number> = { unknown: 0, onCourse: 1, uncertain: 2, offCourse: 3 };

/** A project is as far off course as its worst measured effect; unknown when none is measured. */
export const worstCourse = (statuses: readonly CourseStatus[]): CourseStatus =>
  statuses.reduce<CourseStatus>((worst, s) => (rank[s] > rank[worst] ? s : worst), 'unknown');

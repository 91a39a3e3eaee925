import type { TargetTrend } from '../model/index.js';
import { midpointYears, periodRange } from './periods.js';
import { statusOf, type TargetLine } from './status.js';

export interface SeriesPoint {
  /** First and last day of the period (ISO dates), as the indicator engine gives them. */
  periodStart: string;
  periodEnd: string;
  value: number | null;
}

/** Ordinary least squares y = intercept + slope·x; null with fewer than two distinct x. */
export const leastSquares = (
  xs: readonly number[],
  ys: readonly number[],
): { slope: number; intercept: number } | null => {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += (xs[i] ?? 0) / n;
    meanY += (ys[i] ?? 0) / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - meanX;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
};

/** A change of less than half a per cent of the level a year is no movement worth a manager's attention. */
const flatShareOfLevelPerYear = 0.005;

/**
 * Whether the indicator is heading to its target: the least-squares line through the last
 * `recentPeriods` known values (each placed at its period's midpoint), read at the midpoint of the
 * target's period. Null when fewer than two values are known or the target period is not a period key.
 */
export const targetTrend = (
  series: readonly SeriesPoint[],
  target: TargetLine & { period: string },
  recentPeriods = 5,
): TargetTrend | null => {
  const targetPeriod = periodRange(target.period);
  if (!targetPeriod) return null;
  const known = series.filter((p) => p.value !== null && Number.isFinite(p.value)).slice(-recentPeriods);
  const xs = known.map((p) => midpointYears(p.periodStart, p.periodEnd));
  const ys = known.map((p) => p.value as number);
  const line = leastSquares(xs, ys);
  if (!line) return null;
  const projectedValue = line.intercept + line.slope * midpointYears(targetPeriod.start, targetPeriod.end);
  const level = ys.reduce((sum, y) => sum + Math.abs(y), 0) / ys.length;
  const better = target.direction === 'higherIsBetter' ? line.slope : -line.slope;
  const movement =
    Math.abs(line.slope) <= flatShareOfLevelPerYear * level ? 'flat' : better > 0 ? 'improving' : 'worsening';
  const projectedStatus = statusOf(projectedValue, target);
  return {
    periodsUsed: known.length,
    slopePerYear: line.slope,
    movement,
    targetDate: targetPeriod.end,
    projectedValue,
    projectedStatus,
    headingToTarget: projectedStatus === 'onTarget',
  };
};

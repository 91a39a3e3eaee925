import type { TargetAssessment, TargetDirection, TargetStatus } from '../model/index.js';

export interface TargetLine {
  targetValue: number;
  direction: TargetDirection;
  tolerance: number;
}

/** How far the value falls short of the target in the direction that counts as better; ≤ 0 means reached. */
export const shortfall = (value: number, target: TargetLine): number =>
  target.direction === 'higherIsBetter' ? target.targetValue - value : value - target.targetValue;

export const statusOf = (value: number | null, target: TargetLine): TargetStatus => {
  if (value === null || !Number.isFinite(value)) return 'unknown';
  const gap = shortfall(value, target);
  if (gap <= 0) return 'onTarget';
  return gap <= target.tolerance ? 'near' : 'off';
};

/** The status against the target and the variance (value − target), absolute and as a percentage. */
export const assessTarget = (value: number | null, target: TargetLine): TargetAssessment => {
  const status = statusOf(value, target);
  if (status === 'unknown' || value === null) return { status, variance: null, variancePercent: null };
  const variance = value - target.targetValue;
  return {
    status,
    variance,
    variancePercent: target.targetValue === 0 ? null : (variance / Math.abs(target.targetValue)) * 100,
  };
};

/** Statuses from worst to best, for sorting and for comparing two statuses. */
export const statusRank: Readonly<Record<TargetStatus, number>> = {
  unknown: -1,
  off: 0,
  near: 1,
  onTarget: 2,
};

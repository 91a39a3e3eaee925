export type GapStatus = 'shortfall' | 'surplus' | 'balanced' | 'unknown';

/** Within this share of demand, capacity and demand are as good as equal: a projection is not that precise. */
export const balancedShare = 0.02;

/** Whether the area's units fall short of the projected demand, have room to spare, or about match it. */
export const gapStatus = (gap: number | null, demand: number): GapStatus => {
  if (gap === null) return 'unknown';
  if (Math.abs(gap) <= balancedShare * Math.abs(demand)) return 'balanced';
  return gap > 0 ? 'shortfall' : 'surplus';
};

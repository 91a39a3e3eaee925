import { weightedQuantiles } from '../access/summary.js';

/**
 * Equity of access, as pure functions of travel times (minutes) and the residents they apply to. A
 * longer time is less access, so the concentration indices measure how unequally travel time is
 * borne: 0 when everyone travels as long, growing as a few carry most of it. Residents who cannot
 * reach the service at all (time Infinity) are counted apart, as beyond any limit, and left out of
 * the indices, which have no meaning for an infinite time.
 */

interface Weighted {
  readonly minutes: number;
  readonly residents: number;
}

const finiteSorted = (rows: readonly Weighted[]): Weighted[] =>
  rows.filter((r) => Number.isFinite(r.minutes) && r.residents > 0).sort((a, b) => a.minutes - b.minutes);

/**
 * Gini coefficient of travel time over residents: the mean absolute difference between two residents'
 * times over twice the mean time. Null when nobody reaches the service or every time is zero.
 */
export const giniOfTimes = (rows: readonly Weighted[]): number | null => {
  const sorted = finiteSorted(rows);
  let total = 0;
  let weighted = 0;
  for (const r of sorted) {
    total += r.residents;
    weighted += r.residents * r.minutes;
  }
  if (total <= 0 || weighted <= 0) return null;
  // Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| = 2 Σᵢ wᵢ xᵢ (2Cᵢ − wᵢ − W) over times in ascending order, Cᵢ cumulative.
  let cumulative = 0;
  let sum = 0;
  for (const r of sorted) {
    cumulative += r.residents;
    sum += r.residents * r.minutes * (2 * cumulative - r.residents - total);
  }
  return sum / (total * weighted);
};

/** The travel time borne by the residents between two shares of the population, in ascending order of time. */
const timeBetween = (
  sorted: readonly Weighted[],
  total: number,
  fromShare: number,
  toShare: number,
): number => {
  const from = fromShare * total;
  const to = toShare * total;
  let before = 0;
  let sum = 0;
  for (const r of sorted) {
    const start = before;
    const end = before + r.residents;
    before = end;
    const overlap = Math.min(end, to) - Math.max(start, from);
    if (overlap > 0) sum += overlap * r.minutes;
  }
  return sum;
};

/**
 * Palma ratio of travel time: the time borne by the 10 % of residents with the longest trips over the
 * time borne by the 40 % with the shortest (a resident's share split where a cut falls inside a cell).
 * Null when the 40 % with the shortest trips travel no time at all or nobody reaches the service.
 */
export const palmaOfTimes = (rows: readonly Weighted[]): number | null => {
  const sorted = finiteSorted(rows);
  const total = sorted.reduce((s, r) => s + r.residents, 0);
  if (total <= 0) return null;
  const bottom = timeBetween(sorted, total, 0, 0.4);
  const top = timeBetween(sorted, total, 0.9, 1);
  return bottom > 0 ? top / bottom : null;
};

/** Residents whose time is over the limit, the unreachable included. */
export const residentsBeyond = (rows: readonly Weighted[], limitMinutes: number): number =>
  rows.reduce((s, r) => (r.minutes > limitMinutes && r.residents > 0 ? s + r.residents : s), 0);

export interface GroupDistribution {
  readonly group: string;
  readonly residents: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly beyondLimit: number;
  readonly unreachable: number;
}

/**
 * The travel-time distribution of each group (an age group, a municipality, a mode): residents, their
 * mean, median and 90th percentile time, those beyond the limit and those who cannot reach at all.
 * Groups come out in the order first seen.
 */
export const distributionByGroup = (
  rows: readonly (Weighted & { readonly group: string })[],
  limitMinutes: number,
): GroupDistribution[] => {
  const groups = new Map<string, Weighted[]>();
  for (const r of rows) {
    const list = groups.get(r.group) ?? [];
    list.push(r);
    groups.set(r.group, list);
  }
  return [...groups].map(([group, list]) => {
    const reached = list.filter((r) => Number.isFinite(r.minutes) && r.residents > 0);
    const residents = list.reduce((s, r) => s + Math.max(0, r.residents), 0);
    const reachedResidents = reached.reduce((s, r) => s + r.residents, 0);
    const [median = null, p90 = null] = weightedQuantiles(
      reached.map((r) => r.minutes),
      reached.map((r) => r.residents),
      [0.5, 0.9],
    );
    return {
      group,
      residents,
      mean:
        reachedResidents > 0
          ? reached.reduce((s, r) => s + r.minutes * r.residents, 0) / reachedResidents
          : null,
      median,
      p90,
      beyondLimit: residentsBeyond(list, limitMinutes),
      unreachable: residents - reachedResidents,
    };
  });
};

export interface EquitySummary {
  readonly residents: number;
  readonly gini: number | null;
  readonly palma: number | null;
  readonly beyondLimit: number;
  readonly limitMinutes: number;
  readonly byGroup: Record<string, GroupDistribution[]>;
}

/**
 * The equity figures of one scenario: Gini and Palma of travel time over all residents, residents
 * beyond the limit, and the distribution by each grouping given (for example "ageGroup",
 * "municipality", "mode"), each row carrying its value for every grouping.
 */
export const equitySummary = (
  rows: readonly (Weighted & { readonly groups: Readonly<Record<string, string>> })[],
  limitMinutes: number,
): EquitySummary => {
  const groupings = new Set<string>();
  for (const r of rows) for (const key of Object.keys(r.groups)) groupings.add(key);
  const byGroup: Record<string, GroupDistribution[]> = {};
  for (const key of groupings) {
    byGroup[key] = distributionByGroup(
      rows.map((r) => ({ minutes: r.minutes, residents: r.residents, group: r.groups[key] ?? '' })),
      limitMinutes,
    );
  }
  return {
    residents: rows.reduce((s, r) => s + Math.max(0, r.residents), 0),
    gini: giniOfTimes(rows),
    palma: palmaOfTimes(rows),
    beyondLimit: residentsBeyond(rows, limitMinutes),
    limitMinutes,
    byGroup,
  };
};

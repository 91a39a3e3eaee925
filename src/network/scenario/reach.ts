import { type PlanarPoint, sharesWithin, summariseTimes } from '../access/index.js';
import { locationKey } from './columns.js';
import type { CellPopulation } from './context-data.js';

/** Per cell: the nearest of the columns' units (-1 none within reach) and its travel time. */
export interface Nearest {
  nearest: Int32Array;
  minutes: Float64Array;
}

export const nearestUnits = (unitColumns: readonly Float64Array[], cellCount: number): Nearest => {
  const nearest = new Int32Array(cellCount).fill(-1);
  const minutes = new Float64Array(cellCount).fill(Number.POSITIVE_INFINITY);
  unitColumns.forEach((column, u) => {
    for (let c = 0; c < cellCount; c++) {
      if ((column[c] as number) < (minutes[c] as number)) {
        minutes[c] = column[c] as number;
        nearest[c] = u;
      }
    }
  });
  return { nearest, minutes };
};

/** The nearest units with the residents' travel-time summary and shares within each threshold. */
export interface Reach extends Nearest {
  summary: ReturnType<typeof summariseTimes>;
  shareAll: (number | null)[];
  shareOld: (number | null)[];
  shareYoung: (number | null)[];
}

export type ReachOf = (
  members: readonly PlanarPoint[],
  unitColumns: readonly Float64Array[],
  thresholds: readonly number[],
) => Reach;

/**
 * Nearest unit, travel time and residents' summaries depend only on where the members are, not on
 * their capacities: kept per set of locations, so a capacity or hours click reuses them.
 */
export const reachOfMembers = (cells: CellPopulation): ReachOf => {
  const cache = new Map<string, Reach>();
  return (members, unitColumns, thresholds) => {
    const key = [thresholds.join(','), ...members.map(locationKey)].join('|');
    const cached = cache.get(key);
    if (cached) return cached;
    const { nearest, minutes } = nearestUnits(unitColumns, cells.codes.length);
    const reach: Reach = {
      nearest,
      minutes,
      summary: summariseTimes(minutes, cells.total),
      shareAll: sharesWithin(minutes, cells.total, thresholds),
      shareOld: sharesWithin(minutes, cells.aged75, thresholds),
      shareYoung: sharesWithin(minutes, cells.children, thresholds),
    };
    if (cache.size > 500) cache.clear();
    cache.set(key, reach);
    return reach;
  };
};

import { nearestUnits } from '../access/index.js';

/**
 * How the demand of cells is spread over units. `columns[u][c]` is the travel time from cell c to unit u.
 * Demand is in the service class's own measure (visits or care days a year), as capacity is.
 */
export interface Assignment {
  /** Demand served by each unit. */
  load: Float64Array;
  /** Demand whose nearest unit is this one but that it could not take (served elsewhere or not at all). */
  overflow: Float64Array;
  /** Demand that no unit with spare capacity could take, counted at the unit nearest to it. */
  unserved: Float64Array;
  /** Demand-weighted mean travel time of the demand served; null when nothing is served. */
  meanMinutes: number | null;
}

const emptyAssignment = (unitCount: number) => ({
  load: new Float64Array(unitCount),
  overflow: new Float64Array(unitCount),
  unserved: new Float64Array(unitCount),
});

/** Each cell's demand goes to its nearest unit, whatever the unit's capacity. */
export const assignNearest = (
  columns: readonly ArrayLike<number>[],
  demand: ArrayLike<number>,
): Assignment => {
  const { load, overflow, unserved } = emptyAssignment(columns.length);
  const nearest = nearestUnits(columns, demand.length);
  let served = 0;
  let minutes = 0;
  for (let c = 0; c < demand.length; c++) {
    const u = nearest.unit[c] as number;
    const d = demand[c] as number;
    if (u < 0 || d <= 0) continue;
    load[u] = (load[u] as number) + d;
    served += d;
    minutes += d * (nearest.minutes[c] as number);
  }
  return { load, overflow, unserved, meanMinutes: served > 0 ? minutes / served : null };
};

/**
 * Capacitated assignment by regret: cells that lose most by not getting their nearest unit (second
 * nearest minus nearest) choose first; each takes what it can from its nearest unit with spare capacity
 * and sends the rest on to the next nearest, so a cell's demand may be split. Demand left when every
 * reachable unit is full is unserved. A heuristic, not the optimal transportation solution, but it never
 * exceeds a capacity and serves everything whenever total capacity suffices and every unit is reachable.
 */
export const assignCapacitated = (
  columns: readonly ArrayLike<number>[],
  demand: ArrayLike<number>,
  capacity: readonly number[],
): Assignment => {
  const unitCount = columns.length;
  const cellCount = demand.length;
  const { load, overflow, unserved } = emptyAssignment(unitCount);
  const spare = Float64Array.from(capacity, (c) => Math.max(0, c));
  const preferences: Int32Array[] = new Array(cellCount);
  const regret = new Float64Array(cellCount);
  const unitOrder = Int32Array.from({ length: unitCount }, (_, u) => u);
  const cells: number[] = [];
  for (let c = 0; c < cellCount; c++) {
    if (!((demand[c] as number) > 0)) continue;
    const time = (u: number) => (columns[u] as ArrayLike<number>)[c] as number;
    const order = unitOrder
      .filter((u) => Number.isFinite(time(u)))
      .sort((a, b) => time(a) - time(b) || a - b);
    preferences[c] = order;
    const first = order[0];
    const second = order[1];
    regret[c] =
      first === undefined ? 0 : second === undefined ? Number.MAX_VALUE : time(second) - time(first);
    cells.push(c);
  }
  cells.sort((a, b) => (regret[b] as number) - (regret[a] as number) || a - b);
  let served = 0;
  let minutes = 0;
  for (const c of cells) {
    const order = preferences[c] as Int32Array;
    let left = demand[c] as number;
    const nearest = order[0];
    for (const u of order) {
      if (left <= 0) break;
      const take = Math.min(left, spare[u] as number);
      if (take <= 0) continue;
      spare[u] = (spare[u] as number) - take;
      load[u] = (load[u] as number) + take;
      served += take;
      minutes += take * ((columns[u] as ArrayLike<number>)[c] as number);
      if (u !== nearest && nearest !== undefined) overflow[nearest] = (overflow[nearest] as number) + take;
      left -= take;
    }
    if (left > 0 && nearest !== undefined) {
      overflow[nearest] = (overflow[nearest] as number) + left;
      unserved[nearest] = (unserved[nearest] as number) + left;
    }
  }
  return { load, overflow, unserved, meanMinutes: served > 0 ? minutes / served : null };
};

/** Load per capacity; null for a unit without capacity. */
export const utilisation = (load: ArrayLike<number>, capacity: readonly number[]): (number | null)[] =>
  capacity.map((c, u) => (c > 0 ? (load[u] as number) / c : null));

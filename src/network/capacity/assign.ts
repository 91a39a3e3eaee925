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
  // Nearest and second nearest only: most cells get their nearest unit, and only a cell that finds it
  // full needs its whole order of preference.
  const first = new Int32Array(cellCount).fill(-1);
  const regret = new Float64Array(cellCount);
  const cells: number[] = [];
  for (let c = 0; c < cellCount; c++) {
    if (!((demand[c] as number) > 0)) continue;
    let best = -1;
    let bestTime = Number.POSITIVE_INFINITY;
    let secondTime = Number.POSITIVE_INFINITY;
    for (let u = 0; u < unitCount; u++) {
      const t = (columns[u] as ArrayLike<number>)[c] as number;
      if (t < bestTime) {
        secondTime = bestTime;
        bestTime = t;
        best = u;
      } else if (t < secondTime) secondTime = t;
    }
    first[c] = best;
    regret[c] = best < 0 ? 0 : Number.isFinite(secondTime) ? secondTime - bestTime : Number.MAX_VALUE;
    cells.push(c);
  }
  // When every unit can take all the demand nearest to it, nobody is redirected and the order is moot.
  const nearestLoad = new Float64Array(unitCount);
  for (const c of cells) {
    const u = first[c] as number;
    if (u >= 0) nearestLoad[u] = (nearestLoad[u] as number) + (demand[c] as number);
  }
  if (nearestLoad.some((wanted, u) => wanted > (spare[u] as number)))
    cells.sort((a, b) => (regret[b] as number) - (regret[a] as number) || a - b);
  const preferenceOf = (c: number): number[] => {
    const time = (u: number) => (columns[u] as ArrayLike<number>)[c] as number;
    const order: number[] = [];
    for (let u = 0; u < unitCount; u++) if (Number.isFinite(time(u))) order.push(u);
    return order.sort((a, b) => time(a) - time(b) || a - b);
  };
  let served = 0;
  let minutes = 0;
  const take = (c: number, u: number, wanted: number): number => {
    const amount = Math.min(wanted, spare[u] as number);
    if (amount <= 0) return 0;
    spare[u] = (spare[u] as number) - amount;
    load[u] = (load[u] as number) + amount;
    served += amount;
    minutes += amount * ((columns[u] as ArrayLike<number>)[c] as number);
    return amount;
  };
  for (const c of cells) {
    const nearest = first[c] as number;
    if (nearest < 0) continue;
    let left = (demand[c] as number) - take(c, nearest, demand[c] as number);
    if (left <= 0) continue;
    for (const u of preferenceOf(c)) {
      if (left <= 0) break;
      if (u === nearest) continue;
      const moved = take(c, u, left);
      overflow[nearest] = (overflow[nearest] as number) + moved;
      left -= moved;
    }
    if (left > 0) {
      overflow[nearest] = (overflow[nearest] as number) + left;
      unserved[nearest] = (unserved[nearest] as number) + left;
    }
  }
  return { load, overflow, unserved, meanMinutes: served > 0 ? minutes / served : null };
};

/** Load per capacity; null for a unit without capacity. */
export const utilisation = (load: ArrayLike<number>, capacity: readonly number[]): (number | null)[] =>
  capacity.map((c, u) => (c > 0 ? (load[u] as number) / c : null));

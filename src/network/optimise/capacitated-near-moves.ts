import type { Assigner } from './capacitated-assigner.js';

/**
 * The swaps and ejection chains of `capacitated-moves.ts` restricted to neighbourhoods, for county scale:
 * a demand looks only at its few nearest open sites, and at the demand those sites serve. A full pass of
 * the unrestricted moves costs O(n²) (swaps) or more (ejections), which at thousands of demands leaves no
 * time for the search; restricted, a pass costs O(n · near · cluster size).
 */

/** Open sites per demand looked at. */
export const nearOpenCount = 6;

/** Per demand, its `count` cheapest open sites (cheapest first), n × count. */
export const nearOpenSites = (assigner: Assigner, sites: Int32Array, count: number): Int32Array => {
  const { n, m, cost } = assigner;
  const width = Math.min(count, sites.length);
  const near = new Int32Array(n * count).fill(-1);
  const costs = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    const base = i * count;
    let filled = 0;
    for (let t = 0; t < sites.length; t++) {
      const k = sites[t] as number;
      const c = cost[row + k] as number;
      if (filled === width && c >= (costs[width - 1] as number)) continue;
      let at = filled < width ? filled++ : width - 1;
      while (at > 0 && (costs[at - 1] as number) > c) {
        costs[at] = costs[at - 1] as number;
        near[base + at] = near[base + at - 1] as number;
        at--;
      }
      costs[at] = c;
      near[base + at] = k;
    }
  }
  return near;
};

/** Per site, the demand it serves now (a snapshot: check `assignment` before relying on an entry). */
const memberLists = (assigner: Assigner): number[][] => {
  const { n, m, assignment } = assigner;
  const members: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) (members[assignment[i] as number] as number[]).push(i);
  return members;
};

/** Swaps of two demands' sites, each demand with the demand of its nearest open sites; true if any. */
export const swapNearDemands = (assigner: Assigner, near: Int32Array, stop: () => boolean): boolean => {
  const { n, m, cost, assignment } = assigner;
  const members = memberLists(assigner);
  let improved = false;
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 63 && stop()) break;
    const a = assignment[i] as number;
    let swapped = false;
    for (let u = 0; u < nearOpenCount && !swapped; u++) {
      const b = near[i * nearOpenCount + u] as number;
      if (b < 0 || b === a) continue;
      const gainI = (cost[i * m + a] as number) - (cost[i * m + b] as number);
      for (const j of members[b] as number[]) {
        if (assignment[j] !== b) continue;
        if (assigner.swapIfCheaper(i, j, gainI)) {
          (members[a] as number[]).push(j);
          (members[b] as number[]).push(i);
          improved = true;
          swapped = true;
          break;
        }
      }
    }
  }
  return improved;
};

/**
 * Ejection chains of length two within neighbourhoods: demand i moves to a nearby site b that lacks
 * room, made by moving some demand j out of b to one of j's nearby sites c that has it. True if any.
 */
export const ejectNearDemand = (assigner: Assigner, near: Int32Array, stop: () => boolean): boolean => {
  const { n, m, cost, demands, load, capacities, assignment } = assigner;
  const members = memberLists(assigner);
  let applied = false;
  for (let i = 0; i < n; i++) {
    if ((i & 31) === 31 && stop()) break;
    const a = assignment[i] as number;
    const qi = demands[i] as number;
    const ca = cost[i * m + a] as number;
    for (let u = 0; u < nearOpenCount; u++) {
      const b = near[i * nearOpenCount + u] as number;
      if (b < 0 || b === a) continue;
      const gainI = ca - (cost[i * m + b] as number);
      if (gainI <= 1e-9) break; // the rest of the near sites are dearer still
      const need = (load[b] as number) + qi - (capacities[b] as number);
      if (need <= 1e-9) continue; // a plain shift, left to the shifts
      let bestDelta = -1e-9;
      let bestJ = -1;
      let bestC = -1;
      for (const j of members[b] as number[]) {
        if (assignment[j] !== b || j === i) continue;
        const qj = demands[j] as number;
        if (qj + 1e-9 < need) continue;
        const cb = cost[j * m + b] as number;
        for (let v = 0; v < nearOpenCount; v++) {
          const c = near[j * nearOpenCount + v] as number;
          if (c < 0 || c === b) continue;
          const room = (capacities[c] as number) - (load[c] as number) + (c === a ? qi : 0);
          if (qj > room + 1e-9) continue;
          const delta = (cost[j * m + c] as number) - cb - gainI;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestJ = j;
            bestC = c;
          }
        }
      }
      if (bestJ >= 0) {
        const qj = demands[bestJ] as number;
        assignment[i] = b;
        assignment[bestJ] = bestC;
        (members[b] as number[]).push(i);
        (members[bestC] as number[]).push(bestJ);
        load[a] = (load[a] as number) - qi;
        load[b] = (load[b] as number) + qi - qj;
        load[bestC] = (load[bestC] as number) + qj;
        applied = true;
        break;
      }
    }
  }
  return applied;
};

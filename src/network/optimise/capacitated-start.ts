import type { Random } from './random.js';
import type { PreparedProblem } from './types.js';

/**
 * Locate–allocate (Cooper) without capacities, as a start for the capacitated search at county scale:
 * each demand to its nearest open site, then each free median to the site that serves its cluster most
 * cheaply among sites that can hold the cluster's demand, until nothing moves or `stop`. One round costs
 * O(n · p) for the allocation and about O(p · m) for the location (a candidate's sum stops as soon as it
 * is worse), far less than a capacitated assignment, so that the medians are spread by the demand before
 * the first capacitated settling. Changes `sites` in place.
 */
export const locateAllocate = (
  problem: PreparedProblem,
  cost: Float64Array,
  sites: Int32Array,
  { stop, rounds = 20 }: { stop: () => boolean; rounds?: number },
): void => {
  const { n, m, fixed, demands, capacities } = problem;
  const open = new Uint8Array(m);
  for (const k of sites) open[k] = 1;
  const position = new Int32Array(m).fill(-1);
  const nearest = new Int32Array(n);
  const members: number[][] = Array.from({ length: sites.length }, () => []);
  for (let round = 0; round < rounds && !stop(); round++) {
    position.fill(-1);
    for (let t = 0; t < sites.length; t++) position[sites[t] as number] = t;
    for (const list of members) list.length = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 255) === 255 && stop()) return;
      const row = i * m;
      let best = sites[0] as number;
      for (let t = 1; t < sites.length; t++) {
        const k = sites[t] as number;
        if ((cost[row + k] as number) < (cost[row + best] as number)) best = k;
      }
      nearest[i] = best;
      (members[position[best] as number] as number[]).push(i);
    }
    let moved = false;
    for (let t = 0; t < sites.length; t++) {
      if ((t & 7) === 7 && stop()) return;
      const k = sites[t] as number;
      if (fixed[k] === 1) continue;
      const cluster = members[t] as number[];
      let load = 0;
      let current = 0;
      for (const i of cluster) {
        load += demands[i] as number;
        current += cost[i * m + k] as number;
      }
      // A site may take the cluster if it holds its demand, or at least as much as the median now.
      const room = Math.min(load, capacities[k] as number);
      let best = k;
      let bestCost = current;
      for (let s = 0; s < m; s++) {
        if (open[s] === 1 || (capacities[s] as number) + 1e-9 < room) continue;
        let c = 0;
        for (const i of cluster) {
          c += cost[i * m + s] as number;
          if (c >= bestCost) break;
        }
        if (c < bestCost - 1e-9 * Math.max(1, bestCost)) {
          bestCost = c;
          best = s;
        }
      }
      if (best !== k) {
        open[k] = 0;
        open[best] = 1;
        sites[t] = best;
        moved = true;
      }
    }
    if (!moved) return;
  }
};

/** The fixed sites and free ones drawn at random up to p: a start far from any the other searches take. */
export const randomMedians = (problem: PreparedProblem, random: Random): Int32Array => {
  const { m, p, fixed } = problem;
  const chosen = new Set<number>();
  for (let k = 0; k < m; k++) if (fixed[k] === 1) chosen.add(k);
  while (chosen.size < p) chosen.add(random.int(m));
  return Int32Array.from(chosen);
};

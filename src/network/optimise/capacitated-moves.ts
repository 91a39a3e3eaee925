import type { Assigner } from './capacitated-assigner.js';
import { ejectNearDemand, nearOpenCount, nearOpenSites, swapNearDemands } from './capacitated-near-moves.js';

/** Demands from which swaps and ejection chains look only at nearby sites (see capacitated-near-moves). */
export const nearMovesFrom = 600;

/** Local search over an assignment to fixed open sites: shifts, swaps and ejection chains of demand. */

/** Shifts and swaps of single demands until neither improves. */
export const improveAssignment = (assigner: Assigner, sites: Int32Array, stop: () => boolean): void => {
  const near = assigner.n >= nearMovesFrom ? nearOpenSites(assigner, sites, nearOpenCount) : null;
  const changes = new Changes(assigner);
  let improved = true;
  while (improved && !stop()) {
    improved = shiftDemands(assigner, sites, stop, changes);
    if (near === null ? swapDemands(assigner, sites, stop, changes) : swapNearDemands(assigner, near, stop))
      improved = true;
  }
};

/**
 * When each site's load and members last changed, and when each demand last looked for a swap in vain, on
 * one clock. A demand need not look at a site's members again while neither that site nor its own has
 * changed since: the swaps would fail as they did.
 */
class Changes {
  private clock = 0;
  readonly site: Int32Array;
  readonly lookedInVain: Int32Array;

  constructor(assigner: Assigner) {
    this.site = new Int32Array(assigner.m);
    this.lookedInVain = new Int32Array(assigner.n).fill(-1);
  }

  touch(k: number): void {
    this.site[k] = ++this.clock;
  }

  markInVain(i: number): void {
    this.lookedInVain[i] = this.clock;
  }

  /** True when demand i at site a has already looked at b's members with the same loads and members. */
  unchanged(i: number, a: number, b: number): boolean {
    const since = this.lookedInVain[i] as number;
    return (this.site[a] as number) <= since && (this.site[b] as number) <= since;
  }
}

/** Moves each demand to the cheapest open site with room for it; true if any moved. */
const shiftDemands = (
  assigner: Assigner,
  sites: Int32Array,
  stop: () => boolean,
  changes: Changes,
): boolean => {
  const { n, m, cost, demands, load, capacities, assignment } = assigner;
  let improved = false;
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 255 && stop()) break;
    const a = assignment[i] as number;
    const q = demands[i] as number;
    const ca = cost[i * m + a] as number;
    let best = a;
    let bestCost = ca;
    for (let t = 0; t < sites.length; t++) {
      const k = sites[t] as number;
      const c = cost[i * m + k] as number;
      if (c < bestCost - 1e-12 && (load[k] as number) + q <= (capacities[k] as number) + 1e-9) {
        best = k;
        bestCost = c;
      }
    }
    if (best !== a) {
      assignment[i] = best;
      load[a] = (load[a] as number) - q;
      load[best] = (load[best] as number) + q;
      changes.touch(a);
      changes.touch(best);
      improved = true;
    }
  }
  return improved;
};

/**
 * Each open site's demands, kept up to date as moves apply: the swaps and ejection chains look only at
 * the demands of the sites a demand would rather go to, not at every other demand.
 */
class Members {
  private readonly lists: number[][];

  constructor(assigner: Assigner, sites: Int32Array) {
    this.lists = new Array<number[]>(assigner.m);
    for (const k of sites) this.lists[k] = [];
    for (let i = 0; i < assigner.n; i++) this.lists[assigner.assignment[i] as number]?.push(i);
  }

  of(k: number): number[] {
    return this.lists[k] ?? [];
  }

  move(i: number, from: number, to: number): void {
    const list = this.of(from);
    const at = list.indexOf(i);
    list[at] = list[list.length - 1] as number;
    list.pop();
    this.lists[to]?.push(i);
  }
}

/**
 * Swaps the sites of two demands where that is cheaper and both fit; each demand swaps once a pass. A
 * swap that saves has a demand that gains by it, so each demand looks only at the sites cheaper for it.
 */
const swapDemands = (
  assigner: Assigner,
  sites: Int32Array,
  stop: () => boolean,
  changes: Changes,
): boolean => {
  const { n, m, cost, assignment } = assigner;
  const members = new Members(assigner, sites);
  let improved = false;
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 63 && stop()) break;
    const a = assignment[i] as number;
    const ca = cost[i * m + a] as number;
    let swapped = false;
    for (let t = 0; t < sites.length && !swapped; t++) {
      const b = sites[t] as number;
      const gain = ca - (cost[i * m + b] as number);
      if (b === a || gain <= 0 || changes.unchanged(i, a, b)) continue;
      for (const j of members.of(b)) {
        if (assigner.swapIfCheaper(i, j, gain)) {
          members.move(i, a, b);
          members.move(j, b, a);
          changes.touch(a);
          changes.touch(b);
          improved = true;
          swapped = true;
          break;
        }
      }
    }
    if (!swapped) changes.markInVain(i);
  }
  return improved;
};

/**
 * Ejection chains of length two: demand i moves to a cheaper site b that lacks room, made by moving
 * some demand j out of b to a third site c that has it. Returns true when one was applied.
 */
export const ejectDemand = (assigner: Assigner, sites: Int32Array, stop: () => boolean): boolean => {
  const { n, m, cost, demands, load, capacities, assignment } = assigner;
  if (n >= nearMovesFrom)
    return ejectNearDemand(assigner, nearOpenSites(assigner, sites, nearOpenCount), stop);
  let applied = false;
  const members = new Members(assigner, sites);
  for (let i = 0; i < n; i++) {
    if ((i & 7) === 7 && stop()) break;
    const a = assignment[i] as number;
    const qi = demands[i] as number;
    const ca = cost[i * m + a] as number;
    for (let t = 0; t < sites.length; t++) {
      const b = sites[t] as number;
      const gainI = ca - (cost[i * m + b] as number);
      if (b === a || gainI <= 1e-9) continue;
      const need = (load[b] as number) + qi - (capacities[b] as number);
      if (need <= 1e-9) continue; // a plain shift, left to improveAssignment()
      const chain = bestEjection(assigner, { sites, members: members.of(b) }, { i, a, b, need, gainI });
      if (chain !== null) {
        members.move(i, a, b);
        members.move(chain.j, b, chain.c);
        const qj = demands[chain.j] as number;
        assignment[i] = b;
        assignment[chain.j] = chain.c;
        load[a] = (load[a] as number) - qi;
        load[b] = (load[b] as number) + qi - qj;
        load[chain.c] = (load[chain.c] as number) + qj;
        applied = true;
        break;
      }
    }
  }
  return applied;
};

/** Demand i moving from site a into site b needs `need` more room there, and gains `gainI`. */
interface Ejection {
  i: number;
  a: number;
  b: number;
  need: number;
  gainI: number;
}

/** The demand j to move out of b, and the site c to take it, that together improve the most. */
const bestEjection = (
  assigner: Assigner,
  { sites, members }: { sites: Int32Array; members: number[] },
  { i, a, b, need, gainI }: Ejection,
): { j: number; c: number } | null => {
  const { m, cost, demands, load, capacities } = assigner;
  const qi = demands[i] as number;
  let bestDelta = -1e-9;
  let bestJ = -1;
  let bestC = -1;
  for (const j of members) {
    if (j === i) continue;
    const qj = demands[j] as number;
    if (qj + 1e-9 < need) continue;
    const cb = cost[j * m + b] as number;
    for (let u = 0; u < sites.length; u++) {
      const c = sites[u] as number;
      if (c === b) continue;
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
  return bestJ >= 0 ? { j: bestJ, c: bestC } : null;
};

/** Each demand's `count` cheapest sites, row by row: the candidates for the centre of its cluster. */
export interface NearSites {
  count: number;
  sites: Int32Array;
}

/** Matrix cells up to which the near sites are listed (n · m · count steps, once per search). */
const nearSitesCells = 1_000_000;
const nearSitesCount = 8;

/** The near sites of every demand, or null where the matrix is too large to list them cheaply. */
export const nearSites = (assigner: Assigner): NearSites | null => {
  const { n, m } = assigner;
  if (n * m > nearSitesCells) return null;
  const count = Math.min(nearSitesCount, m);
  const every = Int32Array.from({ length: m }, (_, s) => s);
  return { count, sites: nearOpenSites(assigner, every, count) };
};

/**
 * Moves each free median to the site that serves its own cluster most cheaply (capacity permitting),
 * looking at the sites near its members when `near` lists them, else at every site.
 * Returns true if any median moved; `open`, `sites` and the assignment are updated in place.
 */
export const recenterMedians = (
  assigner: Assigner,
  sites: Int32Array,
  {
    open,
    fixed,
    stop,
    near = null,
  }: { open: Uint8Array; fixed: Uint8Array; stop: () => boolean; near?: NearSites | null },
): boolean => {
  const { n, m, assignment, load } = assigner;
  let moved = false;
  const members: number[] = [];
  const candidates: number[] = [];
  const seen = near === null ? null : new Uint8Array(m);
  for (let t = 0; t < sites.length; t++) {
    if ((t & 7) === 7 && stop()) break;
    const k = sites[t] as number;
    if (fixed[k] === 1) continue;
    members.length = 0;
    for (let i = 0; i < n; i++) if (assignment[i] === k) members.push(i);
    candidates.length = 0;
    if (near !== null && seen !== null) {
      for (const i of members)
        for (let u = 0; u < near.count; u++) {
          const s = near.sites[i * near.count + u] as number;
          if (seen[s] === 0) {
            seen[s] = 1;
            candidates.push(s);
          }
        }
      for (const s of candidates) seen[s] = 0;
    } else {
      for (let s = 0; s < m; s++) candidates.push(s);
    }
    const best = clusterCentre(assigner, k, { members, open, candidates });
    if (best !== k) {
      open[k] = 0;
      open[best] = 1;
      sites[t] = best;
      for (const i of members) assignment[i] = best;
      load[best] = load[k] as number;
      load[k] = 0;
      moved = true;
    }
  }
  return moved;
};

/** The closed site among `candidates` (or k itself) that serves the members of median k's cluster most cheaply. */
const clusterCentre = (
  assigner: Assigner,
  k: number,
  { members, open, candidates }: { members: number[]; open: Uint8Array; candidates: number[] },
): number => {
  const { m, cost, capacities, load } = assigner;
  let current = 0;
  for (const i of members) current += cost[i * m + k] as number;
  let best = k;
  let bestCost = current;
  for (const s of candidates) {
    if (open[s] === 1 || (capacities[s] as number) + 1e-9 < (load[k] as number)) continue;
    let c = 0;
    for (const i of members) {
      c += cost[i * m + s] as number;
      if (c >= bestCost) break;
    }
    if (c < bestCost - 1e-9) {
      bestCost = c;
      best = s;
    }
  }
  return best;
};

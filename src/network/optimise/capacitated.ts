import { Assigner } from './capacitated-assigner.js';
import type { ClusterPool } from './capacitated-clusters.js';
import { EliteSet, type EliteSolution } from './capacitated-elite.js';
import {
  ejectDemand,
  improveAssignment,
  type NearSites,
  nearSites,
  recenterMedians,
} from './capacitated-moves.js';
import { PairwiseSplitter } from './capacitated-pairwise.js';
import { repairOverload } from './capacitated-repair.js';
import type { SharedBest } from './capacitated-shared.js';
import { type NearestClosed, nearestClosedSites } from './nearest-closed.js';
import type { Random } from './random.js';
import { type Budget, outOfBudget, type PreparedProblem } from './types.js';

export type { EliteSolution } from './capacitated-elite.js';

/**
 * Capacitated p-median with single-source assignment (the capacitated clustering problem of Osman &
 * Christofides): each demand goes whole to one open site, and the demand a site serves stays within its
 * capacity. Open sites come from a variable neighbourhood search over medians. The first set of medians
 * is assigned by a regret heuristic for the generalised assignment problem (Martello & Toth); a shaken
 * set starts from the assignment it was shaken from, each moved median taking its cluster along. Either
 * is improved by shifts, swaps and ejection chains of demand, its medians moved to their cluster's best
 * site, and, when close to the best, pairs of neighbouring clusters re-split exactly.
 */
export interface CapacitatedSolution {
  sites: Int32Array;
  assignment: Int32Array;
  objective: number;
  feasible: boolean;
  iterations: number;
  /**
   * The best few distinct median sets met during the search (best first, the best solution among them),
   * each with its heuristic assignment: an exact assignment can reorder sets whose values differ by a unit.
   */
  elite: EliteSolution[];
}

export interface CapacitatedOptions {
  random: Random;
  budget: Budget;
  /** Iterations without improvement after which the search stops; 0 only settles the start. */
  maxIdleIterations: number;
  onIteration?: (iteration: number, best: number) => void;
  /** Stop once the objective is at most this (a proven lower bound, rounded up for integral data). */
  target?: number;
  /** A feasible solution to start from instead of settling `start` (for instance an exact packing). */
  initial?: { sites: Int32Array; assignment: Int32Array };
  /** The weighted costs n × m, shared between runs (see `weightedCosts`). */
  cost?: Float64Array;
  /**
   * The best solution of searches running beside this one: improvements are offered to it, and a restart
   * takes its solution when that is better (see `capacitated-parallel.ts`).
   */
  shared?: SharedBest;
  /** Collects the clusters of the good solutions the search settles on, to be recombined later. */
  pool?: ClusterPool;
}

/** Weight × distance per demand and site, n × m. */
export const weightedCosts = ({ n, m, dist, weights }: PreparedProblem): Float64Array => {
  // Unit weights (the usual case at county scale) leave the distances as they are: no second n × m copy.
  let unit = true;
  for (let i = 0; i < n && unit; i++) unit = weights[i] === 1;
  if (unit) return dist;
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    for (let k = 0; k < m; k++) cost[i * m + k] = w * (dist[i * m + k] as number);
  }
  return cost;
};

/** Median sets kept for the exact assignment at the end. */
export const eliteSize = 8;
/** How much worse than the current solution a move may be and still be followed (skewed VNS). */
const skew = 0.002;
/** Iterations without improvement after which the search restarts with a wide shake (see `eliteStart`). */
const stallLimit = 30;
/** The share of the medians a wide shake moves. */
const wideShare = 0.2;
/**
 * How far above the best a settled set may be and still have its neighbouring clusters re-split in
 * pairs: most sets one or two moves from a good one settle within this.
 */
const pairwiseWithin = 0.02;
/** How far above the best a re-split set may be and still give its clusters to the pool. */
const poolWithin = 0.01;

/** A median set with the assignment that gives it its value. */
interface Incumbent {
  sites: Int32Array;
  assignment: Int32Array;
  value: number;
}

/** What every step of the search shares: the problem, the assignment machinery and the open sites. */
interface Search {
  problem: PreparedProblem;
  random: Random;
  stop: () => boolean;
  assigner: Assigner;
  /** 1 for the sites open in the set last settled or shaken. */
  open: Uint8Array;
  elite: EliteSet;
  nearestClosed: NearestClosed;
  pairwise: PairwiseSplitter;
  /** Each demand's nearest sites, where listed: the candidates when clusters are recentred. */
  near: NearSites | null;
  pool: ClusterPool | undefined;
}

export const solveCapacitated = (
  problem: PreparedProblem,
  start: Int32Array,
  {
    random,
    budget,
    maxIdleIterations,
    onIteration,
    target = Number.NEGATIVE_INFINITY,
    initial,
    cost,
    shared,
    pool,
  }: CapacitatedOptions,
): CapacitatedSolution => {
  const search = createSearch(problem, random, () => outOfBudget(budget), cost, pool);
  let best = initial === undefined ? construct(search, start) : adopt(search, initial);
  let current = copyOf(best);
  let k = 1;
  let idle = 0;
  let iteration = 0;
  let sinceShake = 0;
  let restarts = 0;
  const kMax = Math.max(1, Math.min(problem.p - problem.fixedCount, problem.m - problem.p, 5));
  const wideShake = Math.max(
    1,
    Math.min(problem.p - problem.fixedCount, problem.m - problem.p, Math.ceil(problem.p * wideShare)),
  );
  const canMove = problem.p > problem.fixedCount && problem.m > problem.p;
  while (canMove && idle < maxIdleIterations && best.value > target && !search.stop()) {
    iteration++;
    let shakeSize = k;
    const restarted = sinceShake >= stallLimit;
    if (restarted) {
      // Stalled: restart with a wide shake, which reaches median sets that differ in several places (the
      // small moves keep returning to the same clustering). Every other restart starts from one of the
      // best few distinct sets rather than the best, so that a run is less bound to the basin it found first.
      sinceShake = 0;
      shakeSize = wideShake;
      restarts++;
      const better = shared?.betterThan(best.value);
      if (better) {
        best = better;
        search.elite.remember(best.sites, best.assignment, best.value);
      }
      current = restarts % 2 === 0 ? eliteStart(search, best) : copyOf(best);
    }
    const trial = descend(search, current, shake(search, current, shakeSize), best.value);
    if (trial.value < best.value - 1e-9 * Math.max(1, best.value)) {
      best = copyOf(trial);
      current = copyOf(trial);
      shared?.offer(best.sites, best.assignment, best.value);
      k = 1;
      idle = 0;
      sinceShake = 0;
    } else {
      // Skewed VNS: also move to a different solution slightly worse than the current one, so that the
      // search can cross the plateaus between clusterings; it returns to the best now and then.
      // After a wide shake the search continues from wherever it landed.
      if (
        (restarted || trial.value <= current.value + skew * best.value) &&
        trial.value < Number.POSITIVE_INFINITY
      ) {
        current = copyOf(trial);
      }
      k = k >= kMax ? 1 : k + 1;
      idle++;
      sinceShake++;
      if (idle % 50 === 0) current = copyOf(best);
    }
    onIteration?.(iteration, best.value);
  }
  return finish(search, best, iteration);
};

/** One of the elite sets other than the best, at random (the best when there is none). */
const eliteStart = (search: Search, best: Incumbent): Incumbent => {
  const others = search.elite.solutions.filter(
    (e) => e.objective > best.value + 1e-9 * Math.max(1, best.value),
  );
  const pick = others[search.random.int(others.length)];
  if (pick === undefined) return copyOf(best);
  return {
    sites: Int32Array.from(pick.sites),
    assignment: Int32Array.from(pick.assignment),
    value: pick.objective,
  };
};

const createSearch = (
  problem: PreparedProblem,
  random: Random,
  stop: () => boolean,
  cost: Float64Array | undefined,
  pool: ClusterPool | undefined,
): Search => {
  const assigner = new Assigner(problem, cost);
  const open = new Uint8Array(problem.m);
  const nearestClosed = nearestClosedSites(problem);
  const pairwise = new PairwiseSplitter(problem, { assigner, open, nearestClosed });
  return {
    problem,
    random,
    stop,
    assigner,
    open,
    elite: new EliteSet(eliteSize),
    nearestClosed,
    pairwise,
    near: nearSites(assigner),
    pool,
  };
};

const copyOf = ({ sites, assignment, value }: Incumbent): Incumbent => ({
  sites: Int32Array.from(sites),
  assignment: Int32Array.from(assignment),
  value,
});

/** The sites with the assigner's current assignment, both copied. */
const snapshot = (search: Search, sites: Int32Array, value: number): Incumbent => ({
  sites: Int32Array.from(sites),
  assignment: Int32Array.from(search.assigner.assignment),
  value,
});

/**
 * Assign, improve, recenter until stable; returns the cost (Infinity when no feasible assignment).
 * Recentring moves medians, so `sites` changes in place.
 */
const settle = (search: Search, sites: Int32Array): number => {
  const { assigner, open, stop } = search;
  open.fill(0);
  for (const k of sites) open[k] = 1;
  if (!assigner.assign(sites, stop)) return Number.POSITIVE_INFINITY;
  return polish(search, sites);
};

/**
 * Settles `sites`, which replace `from`'s medians position by position, starting from `from`'s
 * assignment: the demand of each replaced median follows its replacement, the rest stays where it was.
 * A fresh regret assignment would discard the clustering the search has built, and a median moved a
 * little lands much further from a local optimum than the one it left.
 */
const settleFrom = (search: Search, sites: Int32Array, from: Incumbent): number => {
  const { assigner, open, problem, stop } = search;
  const { n, m, demands, capacities } = problem;
  const { assignment, load } = assigner;
  const replacement = new Int32Array(m).fill(-1);
  for (let t = 0; t < sites.length; t++) replacement[from.sites[t] as number] = sites[t] as number;
  open.fill(0);
  for (const k of sites) open[k] = 1;
  load.fill(0);
  for (let i = 0; i < n; i++) {
    const k = replacement[from.assignment[i] as number] as number;
    assignment[i] = k;
    load[k] = (load[k] as number) + (demands[i] as number);
  }
  let overloaded = false;
  for (const k of sites) if ((load[k] as number) > (capacities[k] as number) + 1e-9) overloaded = true;
  if (overloaded && !repairOverload(assigner, sites, stop)) return settle(search, sites);
  return polish(search, sites);
};

/** Shifts, swaps, ejection chains and recentring of an assigned set until stable; returns the cost. */
const polish = (search: Search, sites: Int32Array): number => {
  const { assigner, open, stop, problem } = search;
  for (let round = 0; round < 10 && !stop(); round++) {
    improveAssignment(assigner, sites, stop);
    if (ejectDemand(assigner, sites, stop)) {
      improveAssignment(assigner, sites, stop);
    }
    if (!recenterMedians(assigner, sites, { open, fixed: problem.fixed, stop, near: search.near })) break;
  }
  return assigner.total();
};

/** A given feasible solution, its assignment improved by shifts and swaps (which keep it feasible). */
const adopt = (search: Search, { sites, assignment }: { sites: Int32Array; assignment: Int32Array }) => {
  const { assigner, problem } = search;
  assigner.assignment.set(assignment);
  assigner.load.fill(0);
  for (let i = 0; i < problem.n; i++) {
    const k = assignment[i] as number;
    assigner.load[k] = (assigner.load[k] as number) + (problem.demands[i] as number);
  }
  const own = Int32Array.from(sites);
  improveAssignment(assigner, own, search.stop);
  return snapshot(search, own, assigner.total());
};

/** The settled start; without room for everyone there, the largest sites (fixed ones first) instead. */
const construct = (search: Search, start: Int32Array): Incumbent => {
  const { problem } = search;
  const sites = Int32Array.from(start);
  const value = settle(search, sites);
  if (value !== Number.POSITIVE_INFINITY) return snapshot(search, sites, value);
  const { fixed, capacities } = problem;
  const bySize = Array.from({ length: problem.m }, (_, k) => k).sort(
    (a, b) =>
      (fixed[b] as number) - (fixed[a] as number) || (capacities[b] as number) - (capacities[a] as number),
  );
  const largest = Int32Array.from(bySize.slice(0, problem.p));
  return snapshot(search, largest, settle(search, largest));
};

/**
 * Moves `size` free medians of `from`, one at a time. Mostly a median moves to a site near one of its own
 * demand (clusters shift locally), sometimes anywhere, so that distant regions can still gain a median.
 */
const shake = (search: Search, from: Incumbent, size: number): Int32Array => {
  const { problem, random, open, nearestClosed } = search;
  const { n, m, fixed } = problem;
  const sites = Int32Array.from(from.sites);
  open.fill(0);
  for (const s of sites) open[s] = 1;
  const free: number[] = [];
  const closed: number[] = [];
  const members: number[] = [];
  for (let t = 0; t < size; t++) {
    free.length = 0;
    closed.length = 0;
    for (let s = 0; s < sites.length; s++) if (fixed[sites[s] as number] === 0) free.push(s);
    for (let s = 0; s < m; s++) if (open[s] === 0) closed.push(s);
    const at = free[random.int(free.length)] as number;
    const out = sites[at] as number;
    let into = closed[random.int(closed.length)] as number;
    members.length = 0;
    for (let i = 0; i < n; i++) if (from.assignment[i] === out) members.push(i);
    if (members.length > 0) {
      const i = members[random.int(members.length)] as number;
      const near = nearestClosed(i, open, 6);
      if (near.length > 0) into = near[random.int(near.length)] as number;
    }
    open[sites[at] as number] = 0;
    open[into] = 1;
    sites[at] = into;
  }
  return sites;
};

/**
 * Settles a shaken set from the solution it was shaken from; one that comes within `pairwiseWithin` of
 * the best also has its neighbouring clusters re-split in pairs. (Relocating single medians, each
 * candidate settled in full, cost a second or more per descent here and found little the shakes miss.)
 */
const descend = (search: Search, from: Incumbent, sites: Int32Array, best: number): Incumbent => {
  const { assigner, elite, pairwise, stop } = search;
  let value = settleFrom(search, sites, from);
  elite.remember(sites, assigner.assignment, value);
  if (value >= best * (1 + pairwiseWithin)) return { sites, assignment: assigner.assignment, value };
  for (let round = 0; round < 2 && pairwise.improve(sites, stop); round++)
    improveAssignment(assigner, sites, stop);
  value = assigner.total();
  elite.remember(sites, assigner.assignment, value);
  if (value <= best * (1 + poolWithin)) search.pool?.add(sites, assigner.assignment, value);
  return snapshot(search, sites, value);
};

const finish = (search: Search, best: Incumbent, iterations: number): CapacitatedSolution => {
  const feasible = best.value < Number.POSITIVE_INFINITY;
  if (feasible) {
    search.assigner.assignment.set(best.assignment);
    search.elite.remember(best.sites, best.assignment, best.value);
  }
  return {
    sites: best.sites.sort(),
    assignment: feasible ? best.assignment : new Int32Array(search.problem.n).fill(-1),
    objective: best.value,
    feasible,
    iterations,
    elite: feasible ? search.elite.solutions : [],
  };
};

import type {
  LocationSpec,
  OptimiseOptions,
  OptimiseProgress,
  OptimiseResult,
  SiteStatus,
} from '../../model/index.js';
import type { seededRandom } from './random.js';

/**
 * A location problem as plain data. The matrix is row-major, one row per demand point and one column per
 * site: `cost[i * siteCount + j]`. A non-finite entry means the site cannot be reached from that demand.
 */
export interface LocationProblem {
  demandCount: number;
  siteCount: number;
  cost: Float64Array | Float32Array;
  /** Objective weight per demand point (residents, visits). Zero-weight rows do not matter. */
  weights: ArrayLike<number>;
  /** What a demand consumes of a site's capacity; the weights when absent. */
  demands?: ArrayLike<number>;
  /** Per site; all candidates when absent. */
  siteStatus?: ArrayLike<SiteStatus>;
  /** Per site, for the capacitated model. */
  capacities?: ArrayLike<number>;
}

export interface SolveControl {
  seed?: number;
  /** Wall-clock budget in milliseconds. */
  timeLimitMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: OptimiseProgress) => void;
  /** Stop the metaheuristic after this many iterations without improvement. */
  maxIdleIterations?: number;
}

export type { LocationSpec };

/**
 * The problem reduced to what the engines work on: only sites that may be open, finite costs (unreachable
 * pairs get a penalty larger than any real assignment), and the number of sites to open.
 */
export interface PreparedProblem {
  n: number;
  /** Number of eligible sites; engine site k is original column `sites[k]`. */
  m: number;
  sites: Int32Array;
  /**
   * n × m distances over eligible sites, row-major. May be the caller's own matrix (every site eligible and
   * reachable): engines read it and never write it.
   */
  dist: Float64Array;
  weights: Float64Array;
  demands: Float64Array;
  capacities: Float64Array;
  /** 1 for sites that must stay open (engine indices). */
  fixed: Uint8Array;
  fixedCount: number;
  /** Sites to open in total; for set covering an upper limit (m). */
  p: number;
  /** Cost that stands for "unreachable". */
  unreachable: number;
  /** True when every distance × weight is an integer, so optima are integers too. */
  integral: boolean;
}

/** Internal stop conditions shared by the heuristics. */
export interface Budget {
  deadline: number;
  signal: AbortSignal | undefined;
  /** Set once the budget ran out or the signal fired. */
  stopped: 'none' | 'cancelled' | 'time';
  /** Spent by another measure than the clock (a count of checks, in tests that must not time). */
  spent?: () => boolean;
}

export const makeBudget = (control: SolveControl, now = performance.now()): Budget => ({
  deadline: now + (control.timeLimitMs ?? 10_000),
  signal: control.signal,
  stopped: 'none',
});

export const outOfBudget = (budget: Budget): boolean => {
  if (budget.stopped !== 'none') return true;
  if (budget.signal?.aborted) budget.stopped = 'cancelled';
  else if (performance.now() > budget.deadline || budget.spent?.() === true) budget.stopped = 'time';
  return budget.stopped !== 'none';
};

/** What a run found: the open sites, their assignment when the model has one, and the bound known. */
export interface Found {
  sites: Int32Array;
  assignment: Int32Array | null;
  bound: number | null;
  boundSource: OptimiseResult['boundSource'];
  iterations: number;
  method: OptimiseResult['method'];
  proven: boolean;
}

export type Progress = (progress: Omit<OptimiseProgress, 'fraction'>) => void;

export interface HeuristicRun {
  options: OptimiseOptions;
  budget: Budget;
  progress: Progress;
}

/** The metaheuristic's options as the engines take them. */
export interface EngineSearch {
  random: ReturnType<typeof seededRandom>;
  budget: Budget;
  maxIdleIterations: number;
  onIteration: (iteration: number, best: number, bound: number | null) => void;
  /** An explicit idle limit makes the run depend on the seed alone (and the time limit), not on timing. */
  patient: boolean;
  /** Searches at once on separate cores, where the engine can; by default as the engine sees fit. */
  threads?: number | undefined;
}

import { greedyMedian, Interchange, type MedianInstance } from './interchange.js';
import { lagrangianBound } from './lagrangian.js';
import type { Random } from './random.js';
import { type Budget, outOfBudget } from './types.js';

export interface MedianSearchOptions {
  random: Random;
  budget: Budget;
  /** Stop after this many VNS iterations without improvement. */
  maxIdleIterations: number;
  /** Compute a Lagrangian lower bound (and stop once the solution meets it). */
  bound: boolean;
  /** Costs are integers, so any solution within 1 of the bound is optimal. */
  integral: boolean;
  /** Keep searching until the idle-iteration limit or the budget, however long the search stays idle. */
  patient?: boolean;
  /** Stop as soon as the objective is at most this (a known optimum, e.g. 0 uncovered). */
  target?: number;
  onIteration?: (iteration: number, best: number, bound: number | null) => void;
}

export interface MedianSearchResult {
  sites: Int32Array;
  objective: number;
  bound: number | null;
  iterations: number;
}

const provenOptimal = (objective: number, bound: number | null, integral: boolean): boolean => {
  if (bound === null) return false;
  const slack = integral ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(objective));
  return objective - bound < slack;
};

/**
 * p-median by greedy start, fast interchange descent and variable neighbourhood search (Hansen &
 * Mladenović): shake k random swaps away from the best solution, descend, keep the result if better,
 * otherwise undo and widen k. A Lagrangian bound, computed once a good solution exists, both reports the
 * gap and stops the search early when the solution is proven optimal.
 */
export const searchMedian = (instance: MedianInstance, options: MedianSearchOptions): MedianSearchResult => {
  const { budget, random } = options;
  const stop = () => outOfBudget(budget);
  const search = new Interchange(instance);
  search.setSolution(greedyMedian(instance));
  if (search.open.reduce((a, b) => a + b, 0) < 2) {
    return { sites: search.openSites(), objective: search.objective, bound: null, iterations: 0 };
  }
  search.descend(stop);
  let best = search.objective;
  let bestSites = search.openSites();
  let bound: number | null = null;
  if (options.bound && !stop() && !(options.target !== undefined && best <= options.target)) {
    const lagrangian = lagrangianBound(instance, {
      upperBound: best,
      start: Float64Array.from(search.dist1),
      stop,
    });
    bound = lagrangian.bound;
    if (!provenOptimal(best, bound, options.integral) && lagrangian.sites.length === instance.p && !stop()) {
      search.setSolution(lagrangian.sites);
      search.descend(stop);
      if (search.objective < best) {
        best = search.objective;
        bestSites = search.openSites();
      } else {
        search.setSolution(bestSites);
      }
    }
  }
  const closedCount = instance.m - instance.p;
  const kMax = Math.max(1, Math.min(search.freeCount, closedCount, 12));
  let k = 1;
  let idle = 0;
  let iteration = 0;
  let sinceRebuild = 0;
  const log: number[] = [];
  // Besides the idle-iteration limit, stop once the search has been idle for as long as it took to find
  // the best solution (and at least a quarter second, and every neighbourhood tried twice): on small p
  // each iteration is costly and improvements, if any, come early.
  const started = performance.now();
  let improvedAt = started;
  const idleTooLong = () =>
    idle >= 2 * kMax && performance.now() - improvedAt > Math.max(250, improvedAt - started);
  const closed = new Int32Array(Math.max(1, closedCount));
  while (
    closedCount > 0 &&
    search.freeCount > 0 &&
    idle < options.maxIdleIterations &&
    !(options.patient !== true && idleTooLong()) &&
    !provenOptimal(best, bound, options.integral) &&
    !(options.target !== undefined && best <= options.target) &&
    !stop()
  ) {
    iteration++;
    log.length = 0;
    for (let t = 0; t < k; t++) {
      let c = 0;
      for (let f = 0; f < instance.m; f++) if (search.open[f] === 0) closed[c++] = f;
      const into = closed[random.int(c)] as number;
      const out = search.free[random.int(search.freeCount)] as number;
      log.push(into, out);
      search.applySwap(into, out);
    }
    search.descend(stop, log);
    const eps = 1e-9 * Math.max(1, Math.abs(best));
    if (search.objective < best - eps) {
      best = search.objective;
      bestSites = search.openSites();
      k = 1;
      idle = 0;
      improvedAt = performance.now();
    } else {
      // Undo in reverse order: each swap (in, out) is reversed by swapping out back in.
      for (let t = log.length - 2; t >= 0; t -= 2) search.applySwap(log[t + 1] as number, log[t] as number);
      k = k >= kMax ? 1 : k + 1;
      idle++;
      // Incremental updates accumulate rounding; start afresh now and then.
      if (++sinceRebuild >= 200) {
        search.setSolution(bestSites);
        sinceRebuild = 0;
      }
    }
    options.onIteration?.(iteration, best, bound);
  }
  return { sites: bestSites, objective: best, bound, iterations: iteration };
};

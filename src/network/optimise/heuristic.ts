import type { LocationSpec } from '../../model/index.js';
import { runCapacitated } from './capacitated-run.js';
import { type EngineSolution, solveMaxCovering, solvePCenter, solveSetCovering } from './covering.js';
import { medianInstance, type RowBase, rowBase, weightedDistance } from './median-instance.js';
import { solveMilp } from './milp.js';
import { seededRandom } from './random.js';
import {
  type Budget,
  type EngineSearch,
  type Found,
  type HeuristicRun,
  outOfBudget,
  type PreparedProblem,
} from './types.js';
import { searchMedian } from './vns.js';

/** Matrix cells up to which a heuristic run also asks HiGHS for the LP relaxation as its bound. */
const relaxationCellLimit = 40_000;

const heuristicFound = (solution: EngineSolution, boundSource: Found['boundSource']): Found => ({
  sites: solution.sites,
  assignment: null,
  bound: solution.bound,
  boundSource: solution.bound === null ? 'none' : boundSource,
  iterations: solution.iterations,
  method: 'heuristic',
  proven: false,
});

export const runHeuristic = async (
  prepared: PreparedProblem,
  spec: LocationSpec,
  { options, budget, progress }: HeuristicRun,
): Promise<Found> => {
  const search: EngineSearch = {
    random: seededRandom(options.seed),
    budget,
    maxIdleIterations: options.maxIdleIterations ?? 1000,
    onIteration: (iteration, best, bound) => {
      if ((iteration & 63) === 0) progress({ phase: 'search', best, bound, iterations: iteration });
    },
    patient: options.maxIdleIterations !== undefined,
    threads: options.threads,
  };
  // Rows sorted by distance cost n·m·log m to build: the capacitated model at county scale goes without.
  const base = spec.model === 'capacitated-p-median' ? null : rowBase(prepared);
  const radius = spec.coverRadius ?? 0;
  switch (spec.model) {
    case 'p-median': {
      const instance = medianInstance(prepared, base as RowBase, {
        p: prepared.p,
        pairCost: weightedDistance,
      });
      const result = searchMedian(instance, { ...search, bound: true, integral: prepared.integral });
      return heuristicFound({ ...result, feasible: true }, 'lagrangian');
    }
    case 'max-covering':
      return heuristicFound(solveMaxCovering(prepared, base as RowBase, { ...search, radius }), 'lagrangian');
    case 'p-center':
      return heuristicFound(solvePCenter(prepared, base as RowBase, search), 'none');
    case 'set-covering':
      return setCovering(prepared, base as RowBase, { ...search, radius });
    case 'capacitated-p-median':
      return runCapacitated(prepared, search);
  }
};

/** Set covering, bounded by the LP relaxation where the instance is small enough to ask HiGHS. */
const setCovering = async (
  prepared: PreparedProblem,
  base: RowBase,
  search: EngineSearch & { radius: number },
): Promise<Found> => {
  const solution = solveSetCovering(prepared, base, search);
  const lp = solution.feasible ? await relaxation(prepared, search) : null;
  if (lp !== null)
    return {
      ...heuristicFound(solution, 'lp-relaxation'),
      bound: Math.ceil(lp - 1e-6),
      boundSource: 'lp-relaxation' as const,
    };
  return { ...heuristicFound(solution, 'none'), bound: solution.bound, boundSource: 'none' as const };
};

const relaxation = async (
  prepared: PreparedProblem,
  { budget, radius }: { budget: Budget; radius: number },
) => {
  if (prepared.n * prepared.m > relaxationCellLimit || outOfBudget(budget)) return null;
  const seconds = Math.max(0.05, (budget.deadline - performance.now()) / 1000);
  const lp = await solveMilp(prepared, 'set-covering', radius, {
    timeLimitSeconds: seconds,
    relaxation: true,
    signal: budget.signal,
  });
  return lp.status === 'optimal' ? lp.objective : null;
};

import { solveAssignment } from './assignment-milp.js';
import { type CapacitatedSolution, solveCapacitated } from './capacitated.js';
import { capacitatedBound } from './capacitated-bound.js';
import { medianInstance, type RowBase, weightedDistance } from './median-instance.js';
import {
  type Budget,
  type EngineSearch,
  type Found,
  makeBudget,
  outOfBudget,
  type PreparedProblem,
} from './types.js';
import { searchMedian } from './vns.js';

/**
 * The capacitated p-median on slices of the budget: the uncapacitated optimum as start and first bound,
 * a brief Lagrangian bound, the search, an exact assignment of the best few median sets, and the
 * Lagrangian bound again with the best solution's value.
 */
export const runCapacitated = async (
  prepared: PreparedProblem,
  { search, base }: { search: EngineSearch; base: RowBase },
): Promise<Found> => {
  const { budget, random, maxIdleIterations } = search;
  const remaining = () => Math.max(0, budget.deadline - performance.now());
  // The uncapacitated optimum is a lower bound and its medians a sensible start.
  const start = searchMedian(medianInstance(prepared, base, { p: prepared.p, pairCost: weightedDistance }), {
    ...search,
    budget: makeBudget({ timeLimitMs: 0.25 * remaining(), signal: budget.signal }),
    maxIdleIterations: Math.min(maxIdleIterations, 200),
    bound: true,
    integral: prepared.integral,
  });
  const first = solveCapacitated(prepared, start.sites, { random, budget, maxIdleIterations: 0 });
  // The capacitated Lagrangian bound runs twice on slices of the budget: briefly before the search, so
  // that a solution meeting it stops the search, and again after it with the best solution's value,
  // which steers the subgradient steps much better.
  const bounds = lagrangianSlices(prepared, budget, start.bound);
  const reserve = Math.min(400, 0.1 * remaining());
  // The fixed medians' assignment is solved exactly at the end where that MILP is small.
  const exactAssignment = prepared.n * prepared.p <= 5_000;
  const assignmentReserve = exactAssignment ? Math.min(700, 0.15 * remaining()) : 0;
  if (first.feasible) bounds.run(first.objective, Math.min(150, 0.1 * remaining()));
  const bound = bounds.best();
  const target =
    bound === null ? Number.NEGATIVE_INFINITY : prepared.integral ? Math.ceil(bound - 1e-6) : bound;
  const searchBudget = makeBudget({
    timeLimitMs: remaining() - reserve - assignmentReserve,
    signal: budget.signal,
  });
  const solution = solveCapacitated(prepared, first.feasible ? first.sites : start.sites, {
    random,
    budget: searchBudget,
    maxIdleIterations,
    onIteration: (it, best) => search.onIteration(it, best, bounds.best()),
    target,
  });
  if (searchBudget.stopped !== 'none') budget.stopped = searchBudget.stopped;
  if (exactAssignment && solution.feasible && solution.objective > target && budget.stopped !== 'cancelled') {
    const deadline = performance.now() + Math.min(assignmentReserve, Math.max(0, remaining() - reserve));
    await assignExactly(prepared, solution, { target, deadline, signal: budget.signal });
  }
  if (solution.feasible && solution.objective > target && budget.stopped !== 'cancelled') {
    bounds.run(solution.objective, remaining());
  }
  const finalBound = bounds.best();
  return {
    sites: solution.sites,
    assignment: solution.assignment,
    bound: finalBound,
    boundSource: finalBound === null ? 'none' : 'lagrangian',
    iterations: start.iterations + solution.iterations,
    method: 'heuristic',
    proven: false,
  };
};

/** The best bound so far, raised by Lagrangian runs that share their multipliers. */
const lagrangianSlices = (prepared: PreparedProblem, budget: Budget, initial: number | null) => {
  let bound = initial;
  const multipliers = new Float64Array(prepared.n);
  return {
    best: () => bound,
    run: (upperBound: number, ms: number) => {
      const boundBudget = makeBudget({ timeLimitMs: ms, signal: budget.signal });
      const stop = () => outOfBudget(boundBudget);
      const value = capacitatedBound(prepared, { upperBound, stop, maxIterations: 300, multipliers });
      if (bound === null || value > bound) bound = value;
    },
  };
};

/**
 * The best few distinct median sets, each assigned exactly while the slice lasts: the search ranks sets
 * by heuristic assignments, which can be a unit or two above their best split. Improves `solution`.
 */
const assignExactly = async (
  prepared: PreparedProblem,
  solution: CapacitatedSolution,
  { target, deadline, signal }: { target: number; deadline: number; signal: AbortSignal | undefined },
) => {
  const candidates = solution.elite.length > 0 ? solution.elite : [solution];
  for (const candidate of candidates) {
    if (signal?.aborted || solution.objective <= target) break;
    // Integral data: an exact split gains at least a unit only where the heuristic is that far above.
    if (candidate !== candidates[0] && candidate.objective - solution.objective > 0.003 * solution.objective)
      break;
    const exact = await solveAssignment(prepared, candidate.sites, {
      start: candidate.assignment,
      timeLimitSeconds: Math.max(0, deadline - performance.now()) / 1000,
      signal,
    });
    if (exact !== null && exact.objective < solution.objective - 1e-9) {
      solution.sites = candidate.sites;
      solution.assignment = exact.assignment;
      solution.objective = exact.objective;
    }
  }
};

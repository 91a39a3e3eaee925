import {
  LocationSpec,
  OptimiseOptions,
  type OptimiseOptionsInput,
  type OptimiseProgress,
  type OptimiseResult,
} from '../../model/index.js';
import { solveAssignment } from './assignment-milp.js';
import { solveCapacitated } from './capacitated.js';
import { capacitatedBound } from './capacitated-bound.js';
import { type EngineSolution, solveMaxCovering, solvePCenter, solveSetCovering } from './covering.js';
import { evaluate } from './evaluate.js';
import { medianInstance, rowBase, weightedDistance } from './median-instance.js';
import { solveMilp } from './milp.js';
import { solveMilpInWorker } from './milp-pool.js';
import { prepareProblem } from './prepare.js';
import { seededRandom } from './random.js';
import { type Budget, type LocationProblem, makeBudget, outOfBudget, type PreparedProblem } from './types.js';
import { searchMedian } from './vns.js';

export interface OptimiseControl {
  signal?: AbortSignal;
  onProgress?: (progress: OptimiseProgress) => void;
}

/** Matrix cells up to which a heuristic run also asks HiGHS for the LP relaxation as its bound. */
const relaxationCellLimit = 40_000;

interface Found {
  sites: Int32Array;
  assignment: Int32Array | null;
  bound: number | null;
  boundSource: OptimiseResult['boundSource'];
  iterations: number;
  method: OptimiseResult['method'];
  proven: boolean;
}

const runHeuristic = async (
  prepared: PreparedProblem,
  spec: LocationSpec,
  options: OptimiseOptions,
  budget: Budget,
  progress: (
    phase: OptimiseProgress['phase'],
    best: number | null,
    bound: number | null,
    iterations: number,
  ) => void,
): Promise<Found> => {
  const random = seededRandom(options.seed);
  const maxIdleIterations = options.maxIdleIterations ?? 1000;
  const base = rowBase(prepared);
  const radius = spec.coverRadius ?? 0;
  const onIteration = (iteration: number, best: number, bound: number | null) => {
    if ((iteration & 63) === 0) progress('search', best, bound, iteration);
  };
  // An explicit idle limit makes the run depend on the seed alone (and the time limit), not on timing.
  const patient = options.maxIdleIterations !== undefined;
  const search = { random, budget, maxIdleIterations, onIteration, patient };
  const found = (solution: EngineSolution, boundSource: Found['boundSource']): Found => ({
    sites: solution.sites,
    assignment: null,
    bound: solution.bound,
    boundSource: solution.bound === null ? 'none' : boundSource,
    iterations: solution.iterations,
    method: 'heuristic',
    proven: false,
  });
  const cells = prepared.n * prepared.m;
  const relaxation = async (model: LocationSpec['model']) => {
    if (cells > relaxationCellLimit || outOfBudget(budget)) return null;
    const seconds = Math.max(0.05, (budget.deadline - performance.now()) / 1000);
    const lp = await solveMilp(prepared, model, radius, {
      timeLimitSeconds: seconds,
      relaxation: true,
      signal: budget.signal,
    });
    return lp.status === 'optimal' ? lp.objective : null;
  };
  switch (spec.model) {
    case 'p-median': {
      const instance = medianInstance(prepared, base, prepared.p, weightedDistance);
      const result = searchMedian(instance, { ...search, bound: true, integral: prepared.integral });
      return { ...found({ ...result, feasible: true }, 'lagrangian'), proven: false };
    }
    case 'max-covering':
      return found(solveMaxCovering(prepared, base, radius, search), 'lagrangian');
    case 'p-center':
      return found(solvePCenter(prepared, base, search), 'none');
    case 'set-covering': {
      const solution = solveSetCovering(prepared, base, radius, search);
      const lp = solution.feasible ? await relaxation('set-covering') : null;
      if (lp !== null)
        return {
          ...found(solution, 'lp-relaxation'),
          bound: Math.ceil(lp - 1e-6),
          boundSource: 'lp-relaxation',
        };
      return { ...found(solution, 'none'), bound: solution.bound, boundSource: 'none' };
    }
    case 'capacitated-p-median': {
      // The uncapacitated optimum is a lower bound and its medians a sensible start.
      const startBudget = makeBudget({
        timeLimitMs: 0.25 * Math.max(0, budget.deadline - performance.now()),
        signal: budget.signal,
      });
      const start = searchMedian(medianInstance(prepared, base, prepared.p, weightedDistance), {
        ...search,
        budget: startBudget,
        maxIdleIterations: Math.min(maxIdleIterations, 200),
        bound: true,
        integral: prepared.integral,
      });
      const first = solveCapacitated(prepared, start.sites, { random, budget, maxIdleIterations: 0 });
      let bound = start.bound;
      const remaining = () => Math.max(0, budget.deadline - performance.now());
      // The capacitated Lagrangian bound runs twice on slices of the budget: briefly before the search, so
      // that a solution meeting it stops the search, and again after it with the best solution's value,
      // which steers the subgradient steps much better.
      const multipliers = new Float64Array(prepared.n);
      const lagrangian = (upper: number, ms: number) => {
        const boundBudget = makeBudget({ timeLimitMs: ms, signal: budget.signal });
        const value = capacitatedBound(prepared, upper, () => outOfBudget(boundBudget), 300, multipliers);
        if (bound === null || value > bound) bound = value;
      };
      const reserve = Math.min(400, 0.1 * remaining());
      // The fixed medians' assignment is solved exactly at the end where that MILP is small.
      const exactAssignment = prepared.n * prepared.p <= 5_000;
      const assignmentReserve = exactAssignment ? Math.min(700, 0.15 * remaining()) : 0;
      if (first.feasible) lagrangian(first.objective, Math.min(150, 0.1 * remaining()));
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
        onIteration: (it, best) => onIteration(it, best, bound),
        target,
      });
      if (searchBudget.stopped !== 'none') budget.stopped = searchBudget.stopped;
      if (
        exactAssignment &&
        solution.feasible &&
        solution.objective > target &&
        budget.stopped !== 'cancelled'
      ) {
        // The best few distinct median sets, each assigned exactly while the slice lasts: the search
        // ranks sets by heuristic assignments, which can be a unit or two above their best split.
        const assignmentDeadline =
          performance.now() + Math.min(assignmentReserve, Math.max(0, remaining() - reserve));
        const candidates = solution.elite.length > 0 ? solution.elite : [solution];
        for (const candidate of candidates) {
          if (budget.signal?.aborted || solution.objective <= target) break;
          // Integral data: an exact split gains at least a unit only where the heuristic is that far above.
          if (
            candidate !== candidates[0] &&
            candidate.objective - solution.objective > 0.003 * solution.objective
          )
            break;
          const exact = await solveAssignment(
            prepared,
            candidate.sites,
            candidate.assignment,
            Math.max(0, assignmentDeadline - performance.now()) / 1000,
            budget.signal,
          );
          if (exact !== null && exact.objective < solution.objective - 1e-9) {
            solution.sites = candidate.sites;
            solution.assignment = exact.assignment;
            solution.objective = exact.objective;
          }
        }
      }
      if (solution.feasible && solution.objective > target && budget.stopped !== 'cancelled') {
        lagrangian(solution.objective, remaining());
      }
      const boundSource: Found['boundSource'] = bound === null ? 'none' : 'lagrangian';
      return {
        sites: solution.sites,
        assignment: solution.assignment,
        bound,
        boundSource,
        iterations: start.iterations + solution.iterations,
        method: 'heuristic',
        proven: false,
      };
    }
  }
};

/**
 * Solves a location problem: exactly with HiGHS when asked or when the instance is small, otherwise by
 * the heuristics, always returning the best solution found, the best bound known and the gap between.
 */
export const optimiseLocation = async (
  problem: LocationProblem,
  specInput: LocationSpec,
  optionsInput: OptimiseOptionsInput = {},
  control: OptimiseControl = {},
): Promise<OptimiseResult> => {
  const started = performance.now();
  const spec = LocationSpec.parse(specInput);
  const options = OptimiseOptions.parse(optionsInput);
  const prepared = prepareProblem(problem, spec);
  const budget = makeBudget(
    { timeLimitMs: options.timeLimitSeconds * 1000, signal: control.signal },
    started,
  );
  const radius = spec.coverRadius ?? 0;
  const minimise = spec.model !== 'max-covering';
  const progress = (
    phase: OptimiseProgress['phase'],
    best: number | null,
    bound: number | null,
    iterations: number,
  ) =>
    control.onProgress?.({
      phase,
      fraction: Math.min(1, (performance.now() - started) / (options.timeLimitSeconds * 1000)),
      best,
      bound,
      iterations,
    });
  progress('start', null, null, 0);

  const cells = prepared.n * prepared.m;
  const exact = options.method === 'exact' || (options.method === 'auto' && cells <= options.exactCellLimit);
  let found: Found | null = null;
  let timedOut = false;
  if (exact) {
    progress('exact', null, null, 0);
    const milp = await solveMilpInWorker(prepared, spec.model, radius, {
      timeLimitSeconds: options.timeLimitSeconds,
      signal: control.signal,
      integral: prepared.integral,
      onProgress: (seconds, best, bound) =>
        control.onProgress?.({
          phase: 'exact',
          fraction: Math.min(1, seconds / options.timeLimitSeconds),
          best,
          bound,
          iterations: 0,
        }),
    });
    timedOut = milp.timedOut;
    if (milp.cancelled) budget.stopped = 'cancelled';
    if (milp.status === 'infeasible') {
      found = {
        sites: new Int32Array(0),
        assignment: null,
        bound: null,
        boundSource: 'milp',
        iterations: 0,
        method: 'exact',
        proven: true,
      };
    } else if (milp.objective !== null && milp.sites.length > 0) {
      found = {
        sites: milp.sites,
        assignment: milp.assignment,
        bound: milp.bound,
        boundSource: 'milp',
        iterations: 0,
        method: 'exact',
        proven: milp.status === 'optimal',
      };
    }
  }
  if (found === null || (found.sites.length === 0 && !found.proven)) {
    found = await runHeuristic(prepared, spec, options, budget, progress);
  }

  const evaluation = evaluate(prepared, spec.model, found.sites, radius, found.assignment ?? undefined);
  let objective = evaluation.objective;
  if (found.sites.length === 0) objective = Number.NaN;
  let bound = found.bound;
  const slack =
    prepared.integral && spec.model !== 'max-covering' ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(objective));
  const integralObjective = spec.model === 'set-covering' || (prepared.integral && spec.model !== 'p-center');
  if (bound !== null && integralObjective)
    bound = minimise ? Math.ceil(bound - 1e-6) : Math.floor(bound + 1e-6);
  const difference = bound === null ? null : minimise ? objective - bound : bound - objective;
  const proven = found.proven || (difference !== null && difference < slack && evaluation.feasible);
  const gap =
    bound === null || Number.isNaN(objective)
      ? null
      : proven
        ? 0
        : Math.max(0, difference ?? 0) / Math.max(1e-12, Math.abs(objective));
  // Set covering in consolidation must close at least closeCount sites.
  const withinCount = spec.model !== 'set-covering' || found.sites.length <= prepared.p;
  const status: OptimiseResult['status'] =
    !evaluation.feasible || !withinCount || found.sites.length === 0
      ? 'infeasible'
      : proven
        ? 'optimal'
        : 'feasible';
  progress('done', objective, bound, found.iterations);
  const { sites } = prepared;
  return {
    model: spec.model,
    method: found.method,
    status,
    cancelled: budget.stopped === 'cancelled',
    timedOut: timedOut || budget.stopped === 'time',
    open: Array.from(found.sites, (k) => sites[k] as number).sort((a, b) => a - b),
    assignment: Array.from(evaluation.assignment, (k) => (k < 0 ? -1 : (sites[k] as number))),
    objective,
    bound,
    boundSource: found.boundSource,
    gap,
    coveredWeight: evaluation.coveredWeight,
    seconds: (performance.now() - started) / 1000,
    iterations: found.iterations,
  };
};

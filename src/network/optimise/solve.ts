import {
  LocationSpec,
  OptimiseOptions,
  type OptimiseOptionsInput,
  type OptimiseProgress,
  type OptimiseResult,
} from '../../model/index.js';
import { evaluate } from './evaluate.js';
import { runHeuristic } from './heuristic.js';
import { solveMilpInWorker } from './milp-pool.js';
import { prepareProblem } from './prepare.js';
import { beyondLimit, restrictTravel, servedWithinLimit } from './travel-limit.js';
import {
  type Found,
  type LocationProblem,
  makeBudget,
  type PreparedProblem,
  type Progress,
} from './types.js';

export interface OptimiseControl {
  signal?: AbortSignal;
  onProgress?: (progress: OptimiseProgress) => void;
}

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
  const limit = spec.maxTravel;
  if (limit !== undefined) {
    // A resident no eligible site reaches within the limit proves at once that no solution exists.
    const beyond = beyondLimit(prepared, limit);
    if (beyond.length > 0) {
      control.onProgress?.({ phase: 'done', fraction: 1, best: null, bound: null, iterations: 0 });
      return noSolution(spec, prepared.n, { proven: true, started, beyondReach: beyond });
    }
    restrictTravel(prepared, limit);
  }
  const budget = makeBudget(
    { timeLimitMs: options.timeLimitSeconds * 1000, signal: control.signal },
    started,
  );
  const radius = spec.coverRadius ?? 0;
  const minimise = spec.model !== 'max-covering';
  const progress: Progress = ({ phase, best, bound, iterations }) =>
    control.onProgress?.({
      phase,
      fraction: Math.min(1, (performance.now() - started) / (options.timeLimitSeconds * 1000)),
      best,
      bound,
      iterations,
    });
  progress({ phase: 'start', best: null, bound: null, iterations: 0 });

  const cells = prepared.n * prepared.m;
  const exact = options.method === 'exact' || (options.method === 'auto' && cells <= options.exactCellLimit);
  let found: Found | null = null;
  let timedOut = false;
  if (exact) {
    progress({ phase: 'exact', best: null, bound: null, iterations: 0 });
    const milp = await runExact(prepared, spec, { options, control });
    timedOut = milp.timedOut;
    if (milp.cancelled) budget.stopped = 'cancelled';
    found = milp.found;
  }
  if (found === null || (found.sites.length === 0 && !found.proven)) {
    found = await runHeuristic(prepared, spec, { options, budget, progress });
  }

  const evaluation = evaluate(prepared, spec.model, found.sites, {
    radius,
    assignment: found.assignment ?? undefined,
  });
  // Set covering in consolidation must close at least closeCount sites.
  const withinCount = spec.model !== 'set-covering' || found.sites.length <= prepared.p;
  const withinLimit =
    limit === undefined ||
    servedWithinLimit(prepared, evaluation.assignment, {
      limit,
      everyDemand: spec.model === 'capacitated-p-median',
    });
  if (found.sites.length === 0 || !evaluation.feasible || !withinCount || !withinLimit) {
    // No solution: nothing to report but whether its absence is proven. The capacitated engines return
    // no sites unless they hold a feasible assignment; set covering's uncovered demand is itself a proof.
    // Beyond a travel limit, an exact optimum that leaves anyone beyond it proves that everyone cannot
    // be within it: the penalty of one such pair outweighs any travel within reach.
    const proven =
      found.sites.length === 0
        ? found.proven
        : spec.model === 'set-covering' || (!withinLimit && evaluation.feasible && found.proven);
    progress({ phase: 'done', best: null, bound: null, iterations: found.iterations });
    return {
      model: spec.model,
      method: found.method,
      status: proven ? 'infeasible' : 'unknown',
      cancelled: budget.stopped === 'cancelled',
      timedOut: timedOut || budget.stopped === 'time',
      open: [],
      assignment: Array.from({ length: prepared.n }, () => -1),
      objective: null,
      bound: null,
      boundSource: 'none',
      gap: null,
      coveredWeight: 0,
      seconds: (performance.now() - started) / 1000,
      iterations: found.iterations,
    };
  }
  const objective = evaluation.objective;
  let bound = found.bound;
  if (bound !== null && !Number.isFinite(bound)) bound = null;
  const slack =
    prepared.integral && spec.model !== 'max-covering' ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(objective));
  const integralObjective = spec.model === 'set-covering' || (prepared.integral && spec.model !== 'p-center');
  if (bound !== null && integralObjective)
    bound = minimise ? Math.ceil(bound - 1e-6) : Math.floor(bound + 1e-6);
  const difference = bound === null ? null : minimise ? objective - bound : bound - objective;
  const proven = found.proven || (difference !== null && difference < slack && evaluation.feasible);
  const gap =
    bound === null ? null : proven ? 0 : Math.max(0, difference ?? 0) / Math.max(1e-12, Math.abs(objective));
  const status: OptimiseResult['status'] = proven ? 'optimal' : 'feasible';
  progress({ phase: 'done', best: objective, bound, iterations: found.iterations });
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

/** The answer without a solution: `proven` when no solution exists. */
const noSolution = (
  spec: LocationSpec,
  n: number,
  { proven, started, beyondReach }: { proven: boolean; started: number; beyondReach: number[] },
): OptimiseResult => ({
  model: spec.model,
  method: 'heuristic',
  status: proven ? 'infeasible' : 'unknown',
  cancelled: false,
  timedOut: false,
  open: [],
  assignment: Array.from({ length: n }, () => -1),
  objective: null,
  bound: null,
  boundSource: 'none',
  gap: null,
  coveredWeight: 0,
  beyondReach,
  seconds: (performance.now() - started) / 1000,
  iterations: 0,
});

/** HiGHS on the whole model in a worker thread; found is null when it gave no solution. */
const runExact = async (
  prepared: PreparedProblem,
  spec: LocationSpec,
  { options, control }: { options: OptimiseOptions; control: OptimiseControl },
): Promise<{ found: Found | null; timedOut: boolean; cancelled: boolean }> => {
  const milp = await solveMilpInWorker(prepared, spec.model, spec.coverRadius ?? 0, {
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
  const exactFound = (found: Omit<Found, 'boundSource' | 'iterations' | 'method'>): Found => ({
    ...found,
    boundSource: 'milp',
    iterations: 0,
    method: 'exact',
  });
  const found =
    milp.status === 'infeasible'
      ? exactFound({ sites: new Int32Array(0), assignment: null, bound: null, proven: true })
      : milp.objective !== null && milp.sites.length > 0
        ? exactFound({
            sites: milp.sites,
            assignment: milp.assignment,
            bound: milp.bound,
            proven: milp.status === 'optimal',
          })
        : null;
  return { found, timedOut: milp.timedOut, cancelled: milp.cancelled };
};

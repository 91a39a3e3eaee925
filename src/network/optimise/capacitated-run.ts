import type { Worker } from 'node:worker_threads';
import { solveAssignment } from './assignment-milp.js';
import { type CapacitatedSolution, solveCapacitated, weightedCosts } from './capacitated.js';
import { CapacitatedLagrangian } from './capacitated-bound.js';
import { ClusterPool } from './capacitated-clusters.js';
import { capacityShortfall, testFeasibility } from './capacitated-feasibility.js';
import {
  joinSearches,
  launchSearches,
  releaseWorkers,
  searchOnwards,
  searchWorkers,
} from './capacitated-parallel.js';
import { partitionClusters } from './capacitated-partition.js';
import { locateAllocate, randomMedians } from './capacitated-start.js';
import { medianInstance, rowBase, weightedDistance } from './median-instance.js';
import { loadSolver } from './milp.js';
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
 * Matrix cells up to which the uncapacitated optimum is searched first, as start and first bound. Its
 * rows sorted by distance (n · m · log m) are built outside any budget, so the limit stays where that
 * takes a small part of a short limit; with 5 s or more it is worth its sort up to a million cells.
 */
const uncapacitatedStartCells = 250_000;
const uncapacitatedStartCellsLong = 1_000_000;
/** Matrix cells from which the Lagrangian bound gets a fifth of the budget before the search and after. */
const largeCells = 500_000;

/**
 * The capacitated p-median on slices of the budget: the uncapacitated optimum as start and first bound
 * (a spread-out start at county scale, where that search would take the whole budget), a brief
 * Lagrangian bound, the search (on every core: see `capacitated-parallel.ts`), an exact assignment of the
 * best few median sets, and the Lagrangian bound again with the best solution's value. No solution is
 * returned unless it is feasible; none at all is proven only by the capacity totals or the exact
 * feasibility test.
 */
export const runCapacitated = async (prepared: PreparedProblem, search: EngineSearch): Promise<Found> => {
  // Infeasible by the capacity totals alone: proven at once.
  if (capacityShortfall(prepared)) return noSolution(true);
  // Where the searches have time to settle in basins of their own (and the set partitioning stays small),
  // the clusters of their good solutions are recombined at the end. A run with an explicit idle limit
  // leaves this out: a time-limited MILP would make its answer depend on timing.
  const remaining = Math.max(0, search.budget.deadline - performance.now());
  const recombining = !search.patient && remaining >= recombineMsPerDemand * prepared.n;
  // Further cores search beside this thread, started now so that they load during the start and bound.
  // A run with an explicit idle limit stays on one thread: its answer must depend on its seed alone.
  // A recombining run has four searches by default, on fewer cores too: the recombination gains more
  // from four basins than from two searches twice as deep in theirs.
  const threads = search.threads ?? (recombining ? recombineSearches : undefined);
  const workers = search.patient ? [] : searchWorkers(prepared, 0.6 * remaining, threads);
  try {
    return await runOn(prepared, search, workers, recombining);
  } finally {
    releaseWorkers(workers);
  }
};

const runOn = async (
  prepared: PreparedProblem,
  search: EngineSearch,
  workers: Worker[],
  recombining: boolean,
): Promise<Found> => {
  const { budget, random, maxIdleIterations } = search;
  const remaining = () => Math.max(0, budget.deadline - performance.now());
  const cost = weightedCosts(prepared);
  const start =
    prepared.n * prepared.m <= (remaining() >= 5_000 ? uncapacitatedStartCellsLong : uncapacitatedStartCells)
      ? searchMedian(
          medianInstance(prepared, rowBase(prepared), { p: prepared.p, pairCost: weightedDistance }),
          {
            ...search,
            budget: makeBudget({ timeLimitMs: 0.25 * remaining(), signal: budget.signal }),
            maxIdleIterations: Math.min(maxIdleIterations, 200),
            bound: true,
            integral: prepared.integral,
          },
        )
      : { sites: largeStart(prepared, cost, budget, 0.15 * remaining()), bound: null, iterations: 0 };
  // The first settling (assign, improve, recentre until stable) could take a whole budget at county scale:
  // it gets at most half of what remains, so that the bound and the search have their turns.
  const firstBudget = makeBudget({ timeLimitMs: 0.5 * remaining(), signal: budget.signal });
  let first = solveCapacitated(prepared, start.sites, {
    random,
    budget: firstBudget,
    maxIdleIterations: 0,
    cost,
  });
  if (firstBudget.stopped === 'cancelled') budget.stopped = 'cancelled';
  if (!first.feasible) {
    // The heuristic found no room for all demand: test exactly whether any exists, on up to half of
    // what remains, and search from the packing found. "Infeasible" is said only when this proves it.
    const test = await testFeasibility(prepared, {
      timeLimitSeconds: (0.5 * remaining()) / 1000,
      signal: budget.signal,
    });
    if (test.status === 'infeasible') return noSolution(true);
    if (test.status === 'unknown') return noSolution(false);
    first = solveCapacitated(prepared, test.sites, {
      random,
      budget,
      maxIdleIterations: 0,
      initial: { sites: test.sites, assignment: test.assignment },
      cost,
    });
  }
  // The capacitated Lagrangian bound runs twice on slices of the budget: before the search, from the
  // first solution (so that a solution meeting it stops the search), and again after it with the best
  // solution's value, which steers the subgradient steps much better. At scale, where a planner reads
  // the gap and one step of the search takes a while, the bound has a larger share: about a third of
  // what remains before the search and a sixth after.
  const large = prepared.n * prepared.m >= largeCells;
  const bounds = lagrangianSlices(prepared, budget, {
    initial: start.bound,
    cost,
    maxSteps: large ? Number.POSITIVE_INFINITY : 300,
  });
  const reserve = large ? 0.25 * remaining() : Math.min(400, 0.1 * remaining());
  // The fixed medians' assignment is solved exactly at the end where that MILP is small.
  const exactAssignment = prepared.n * prepared.p <= 5_000;
  const assignmentReserve = exactAssignment ? Math.min(700, 0.15 * remaining()) : 0;
  const pool = recombining ? new ClusterPool(prepared, cost) : undefined;
  const partitionReserve = pool === undefined ? 0 : Math.min(2_200, 0.25 * remaining());
  // HiGHS loads (once per process) while the search runs.
  if (pool !== undefined) loadSolver().catch(() => undefined);
  // The search ends where the reserves for the recombination, the exact assignment and the last bound begin.
  const searchBudget: Budget = {
    deadline: budget.deadline - reserve - assignmentReserve - partitionReserve,
    signal: budget.signal,
    stopped: 'none',
  };
  const searchOptions = {
    random,
    budget: searchBudget,
    // Without an idle limit from the caller, a search of a few hundred points keeps to its time limit:
    // its iterations take milliseconds, and its restarts still find better clusterings after a thousand
    // idle ones.
    maxIdleIterations: search.patient ? maxIdleIterations : Math.max(maxIdleIterations, 100 * prepared.n),
    onIteration: (it: number, best: number) => search.onIteration(it, best, bounds.best()),
    initial: { sites: first.sites, assignment: first.assignment },
    cost,
    // With a pool to recombine, the workers start from medians of their own and never take another
    // search's best: their clusters then come from other basins than this thread's.
    apart: pool !== undefined,
  };
  // The other cores start searching now, while this thread computes the bound before its own search.
  const others = first.feasible ? launchSearches(prepared, searchOptions, workers) : null;
  if (first.feasible) {
    const share = large ? 0.35 * remaining() : Math.max(Math.min(150, 0.1 * remaining()), 0.05 * remaining());
    bounds.run(first.objective, share, first.assignment);
  }
  const bound = bounds.best();
  const target =
    bound === null ? Number.NEGATIVE_INFINITY : prepared.integral ? Math.ceil(bound - 1e-6) : bound;
  // Searches kept apart reach the best basin more often than searches that close in on the first good
  // one, and the recombination then joins the best parts of each; this thread too starts at random then,
  // as the first solution lies in the basin every start from the uncapacitated optimum ends in.
  const own =
    pool === undefined
      ? solveCapacitated(prepared, first.sites, {
          ...searchOptions,
          target,
          ...(others === null ? {} : { shared: others.board }),
        })
      : solveCapacitated(prepared, randomMedians(prepared, random), {
          ...withoutStart(searchOptions),
          target,
          pool,
        });
  const solution = await joinSearches(others, own, {
    cancelled: searchBudget.stopped === 'cancelled',
    target,
    pool,
  });
  // Searches from random medians may end no better than the first solution, or with none on a tight
  // instance: the first one stands then.
  if (first.feasible && (!solution.feasible || first.objective < solution.objective)) {
    solution.sites = first.sites;
    solution.assignment = first.assignment;
    solution.objective = first.objective;
    solution.feasible = true;
  }
  if (searchBudget.stopped !== 'none') budget.stopped = searchBudget.stopped;
  if (
    pool !== undefined &&
    solution.feasible &&
    solution.objective > target &&
    budget.stopped !== 'cancelled'
  ) {
    const ms = Math.min(partitionReserve, remaining() - reserve - assignmentReserve);
    await recombine(prepared, solution, pool, { ms, signal: budget.signal });
  }
  if (exactAssignment && solution.feasible && solution.objective > target && budget.stopped !== 'cancelled') {
    const deadline = performance.now() + Math.min(assignmentReserve, Math.max(0, remaining() - reserve));
    await assignExactly(prepared, solution, { target, deadline, signal: budget.signal });
  }
  if (solution.feasible && solution.objective > target && budget.stopped !== 'cancelled') {
    bounds.run(solution.objective, remaining(), solution.assignment);
  }
  // The last bound often converges before its slice ends: the time left goes back to the search.
  if (!search.patient && solution.feasible && solution.objective > target && budget.stopped !== 'cancelled') {
    await searchOnwards(prepared, solution, { ...searchOptions, target }, budget, search.threads);
  }
  const finalBound = bounds.best();
  if (!solution.feasible) return noSolution(false);
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

/** Search options without the solution to start from, for a search that starts from medians alone. */
const withoutStart = <T extends { initial?: unknown }>({ initial: _, ...rest }: T): Omit<T, 'initial'> =>
  rest;

/** No solution; `proven` when it is proven that none exists. */
const noSolution = (proven: boolean): Found => ({
  sites: new Int32Array(0),
  assignment: null,
  bound: null,
  boundSource: 'none',
  iterations: 0,
  method: 'heuristic',
  proven,
});

/** The best bound so far, raised by Lagrangian runs that continue from one another. */
const lagrangianSlices = (
  prepared: PreparedProblem,
  budget: Budget,
  { initial, cost, maxSteps }: { initial: number | null; cost: Float64Array; maxSteps: number },
) => {
  let bound = initial;
  const lagrangian = new CapacitatedLagrangian(prepared, cost);
  return {
    best: () => bound,
    run: (upperBound: number, ms: number, assignment: Int32Array) => {
      // The search's own stop marks the whole budget spent; the slice reserved for the bound still runs.
      if (!(ms > 0) || budget.signal?.aborted) return;
      const boundBudget = makeBudget({ timeLimitMs: ms, signal: budget.signal });
      const stop = () => outOfBudget(boundBudget);
      if (!lagrangian.start(stop, assignment)) return;
      // At most 300 steps a slice below county scale, where they converge well within it and leave the
      // rest of the slice to the search.
      const value = lagrangian.run(upperBound, stop, maxSteps);
      // A run stopped before its first evaluation has no bound (minus infinity).
      if (Number.isFinite(value) && (bound === null || value > bound)) bound = value;
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

/** Clusters at most in the recombination: HiGHS takes about two seconds over 1 400 at 300–400 points. */
const partitionColumns = 1_400;
/**
 * Time per demand from which clusters are pooled and recombined: a 10 s run at 300–900 points. With less,
 * a search started apart has no time to settle, and the one search near the best does better alone.
 */
const recombineMsPerDemand = 10;
/** Searches kept apart in a recombining run unless the caller sets `threads`. */
const recombineSearches = 4;

/**
 * The best partition of the demand into the pool's clusters (which hold the solution's own), within `ms`:
 * improves `solution`, and puts the new set first among its elite for the exact assignment.
 */
const recombine = async (
  prepared: PreparedProblem,
  solution: CapacitatedSolution,
  pool: ClusterPool,
  { ms, signal }: { ms: number; signal: AbortSignal | undefined },
) => {
  const began = performance.now();
  const highs = await loadSolver();
  const left = ms - (performance.now() - began);
  if (!(left > 50)) return;
  pool.add(solution.sites, solution.assignment, solution.objective);
  const incumbent = { sites: solution.sites, assignment: solution.assignment, value: solution.objective };
  const found = partitionClusters(highs, prepared, pool.best(partitionColumns), incumbent, {
    timeLimitSeconds: left / 1000,
    signal,
  });
  if (found === null) return;
  solution.sites = found.sites.sort();
  solution.assignment = found.assignment;
  solution.objective = found.value;
  solution.elite = [
    { sites: solution.sites, assignment: found.assignment, objective: found.value },
    ...solution.elite,
  ];
};

/**
 * p sites spread over the demand (fixed ones first): repeatedly the demand worst served so far, by weight
 * × distance, gets its nearest site. O(p · (n + m)).
 */
const spreadStart = (prepared: PreparedProblem, cost: Float64Array): Int32Array => {
  const { n, m, p, fixed } = prepared;
  const served = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const open = new Uint8Array(m);
  const sites: number[] = [];
  const openSite = (k: number) => {
    open[k] = 1;
    sites.push(k);
    for (let i = 0; i < n; i++) served[i] = Math.min(served[i] as number, cost[i * m + k] as number);
  };
  for (let k = 0; k < m; k++) if (fixed[k] === 1) openSite(k);
  while (sites.length < p) {
    let worst = 0;
    for (let i = 1; i < n; i++) if ((served[i] as number) > (served[worst] as number)) worst = i;
    let nearest = -1;
    for (let k = 0; k < m; k++) {
      if (
        open[k] === 0 &&
        (nearest < 0 || (cost[worst * m + k] as number) < (cost[worst * m + nearest] as number))
      )
        nearest = k;
    }
    openSite(nearest);
  }
  return Int32Array.from(sites);
};

/** The spread start moved by locate–allocate without capacities, on at most `ms` of the budget. */
const largeStart = (
  prepared: PreparedProblem,
  cost: Float64Array,
  budget: Budget,
  ms: number,
): Int32Array => {
  const sites = spreadStart(prepared, cost);
  const slice = makeBudget({ timeLimitMs: ms, signal: budget.signal });
  locateAllocate(prepared, cost, sites, { stop: () => outOfBudget(slice) });
  return sites;
};

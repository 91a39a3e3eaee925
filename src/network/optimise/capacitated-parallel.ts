import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker, workerPool } from '../worker-thread.js';
import {
  type CapacitatedOptions,
  type CapacitatedSolution,
  eliteSize,
  solveCapacitated,
} from './capacitated.js';
import type { ClusterPool } from './capacitated-clusters.js';
import { EliteSet } from './capacitated-elite.js';
import { SharedBest } from './capacitated-shared.js';
import type { SearchJob, SearchReply } from './capacitated-worker.js';
import type { Budget, PreparedProblem } from './types.js';

/**
 * The capacitated search on several cores: the caller's thread and a worker per further core each run
 * the search with a seed of their own, over one copy of the matrix in shared memory. Whichever finds a
 * better solution puts it on a shared board, and a search that stalls restarts from the board's
 * solution when it is better than its own, so that all of them work near the best basin any has found
 * while their seeds keep them apart. The answer is the best of all, with their elite sets merged.
 */

/** Matrix cells up to which the search runs in parallel: the shared copy of the matrix must be cheap. */
const parallelCells = 4_000_000;
/** Searches given less than this run on one thread: a worker takes a moment to start. */
const parallelMs = 1_500;
/** Searches at most by default. */
const maxSearches = 4;

/** Workers kept between runs, their modules loaded. */
const pool = workerPool(() => startModuleWorker(import.meta.url, 'capacitated-worker'));

/**
 * Workers for a search of `ms` milliseconds on `problem`, started now so that they load while the
 * caller computes its start and bound; none when one thread is enough. Pass them to `launchSearches`
 * (or `searchInParallel`), and give them back with `releaseWorkers` when no search was launched.
 */
export const searchWorkers = (
  problem: PreparedProblem,
  ms: number,
  threads = Math.min(availableParallelism(), maxSearches),
): Worker[] => {
  if (problem.n * problem.m > parallelCells || ms < parallelMs) return [];
  const workers: Worker[] = [];
  while (workers.length < threads - 1) workers.push(pool.borrow());
  return workers;
};

/** Gives workers back to the pool, but for those that exited or failed; giving one back twice is harmless. */
export const releaseWorkers = (workers: Worker[]): void => {
  for (const worker of workers) pool.giveBack(worker);
};

type SearchOptions = CapacitatedOptions & {
  initial: { sites: Int32Array; assignment: Int32Array };
  cost: Float64Array;
  /** The workers start from medians of their own and search apart all the time (see `SearchJob`). */
  apart?: boolean;
};

/** Searches running on workers, with the board and the stop flag they share with the caller's search. */
export interface WorkerSearches {
  workers: Worker[];
  board: SharedBest;
  replies: Promise<(WorkerResult | null)[]>;
  stopAll: () => void;
  signal: AbortSignal | undefined;
}

/**
 * Starts the search on `workers` (see `searchWorkers`) from `initial` until `budget`'s deadline, each with
 * a seed drawn from `random`; null without workers. The caller runs its own search with the returned
 * board (`shared` in the options) and then calls `joinSearches`.
 */
export const launchSearches = (
  problem: PreparedProblem,
  options: SearchOptions,
  workers: Worker[],
): WorkerSearches | null => {
  if (workers.length === 0) return null;
  const { initial, budget, random } = options;
  const board = SharedBest.create(problem.n, problem.p);
  const halt = new Int32Array(new SharedArrayBuffer(4));
  const stopAll = () => Atomics.store(halt, 0, 1);
  budget.signal?.addEventListener('abort', stopAll);
  const { shared, cost } = shareProblem(problem, options.cost);
  const replies = workers.map((worker) =>
    ask(worker, {
      problem: shared,
      cost,
      start: initial,
      seed: Math.floor(random.next() * 2 ** 31),
      maxIdleIterations: options.maxIdleIterations,
      target: options.target ?? Number.NEGATIVE_INFINITY,
      deadlineEpoch: performance.timeOrigin + budget.deadline,
      board: board.shared,
      halt: halt.buffer as SharedArrayBuffer,
      apart: options.apart === true,
    }),
  );
  return { workers, board, replies: Promise.all(replies), stopAll, signal: budget.signal };
};

/**
 * The workers' solutions merged with the caller's own, and their clusters added to `pool`. A cancelled
 * run, or one whose own solution met `target` (its bound), stops the workers at once; otherwise each runs
 * to its deadline.
 */
export const joinSearches = async (
  searches: WorkerSearches | null,
  own: CapacitatedSolution,
  { cancelled, target, pool }: { cancelled: boolean; target: number; pool?: ClusterPool | undefined },
): Promise<CapacitatedSolution> => {
  if (searches === null) return own;
  if (cancelled || own.objective <= target) searches.stopAll();
  const theirs = (await searches.replies).filter((r): r is WorkerResult => r !== null);
  searches.signal?.removeEventListener('abort', searches.stopAll);
  releaseWorkers(searches.workers);
  for (const { clusters } of theirs) pool?.merge(clusters);
  return merge([own, ...theirs.map((r) => r.solution)]);
};

/** Runs the search on this thread and on `workers` (see `searchWorkers`) until the budget ends. */
export const searchInParallel = async (
  problem: PreparedProblem,
  options: SearchOptions,
  workers: Worker[],
): Promise<CapacitatedSolution> => {
  const searches = launchSearches(problem, options, workers);
  const own = solveCapacitated(problem, options.initial.sites, {
    ...options,
    ...(searches === null ? {} : { shared: searches.board }),
  });
  return joinSearches(searches, own, {
    cancelled: options.budget.stopped === 'cancelled',
    target: options.target ?? Number.NEGATIVE_INFINITY,
  });
};

/** Time left below which `searchOnwards` starts no search. */
const onwardsMs = 200;

/**
 * Searches on from `solution` until `budget`'s deadline (on every core when that is long enough), and
 * improves `solution` in place; nothing when less than `onwardsMs` remains. Every search starts from
 * `solution`, whatever `options` say of starting apart: searching on means searching near it.
 */
export const searchOnwards = async (
  prepared: PreparedProblem,
  solution: CapacitatedSolution,
  options: Omit<SearchOptions, 'initial' | 'budget'>,
  budget: Budget,
  threads: number | undefined,
) => {
  const ms = budget.deadline - performance.now();
  if (ms < onwardsMs) return;
  const onwards = await searchInParallel(
    prepared,
    {
      ...options,
      budget: { deadline: budget.deadline, signal: budget.signal, stopped: 'none' },
      initial: { sites: solution.sites, assignment: solution.assignment },
      apart: false,
    },
    searchWorkers(prepared, ms, threads),
  );
  if (onwards.feasible && onwards.objective < solution.objective - 1e-9) {
    solution.sites = onwards.sites;
    solution.assignment = onwards.assignment;
    solution.objective = onwards.objective;
  }
  solution.iterations += onwards.iterations;
};

/** The problem's arrays copied into shared memory (the weighted costs too when they are not the distances). */
const shareProblem = (problem: PreparedProblem, cost: Float64Array) => {
  const share = <T extends Float64Array | Int32Array | Uint8Array>(array: T): T => {
    const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
      new SharedArrayBuffer(array.byteLength),
    );
    copy.set(array as never);
    return copy;
  };
  const dist = share(problem.dist);
  const shared: PreparedProblem = {
    ...problem,
    sites: share(problem.sites),
    dist,
    weights: share(problem.weights),
    demands: share(problem.demands),
    capacities: share(problem.capacities),
    fixed: share(problem.fixed),
  };
  return { shared, cost: cost === problem.dist ? dist : share(cost) };
};

type WorkerResult = Extract<SearchReply, { kind: 'result' }>;

/** The worker's solution with its clusters, or null if it failed (the others' still count). */
const ask = (worker: Worker, job: SearchJob): Promise<WorkerResult | null> =>
  new Promise((resolve) => {
    // An exited worker would never answer.
    if (pool.retired(worker)) {
      resolve(null);
      return;
    }
    const done = (result: WorkerResult | null, healthy: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!healthy) pool.retire(worker);
      resolve(result);
    };
    const onMessage = (reply: SearchReply) =>
      done(reply.kind === 'result' ? reply : null, reply.kind === 'result');
    const onError = () => done(null, false);
    const onExit = () => done(null, false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });

/** The best of the searches' solutions, with their elite sets merged and their iterations added up. */
const merge = (solutions: CapacitatedSolution[]): CapacitatedSolution => {
  let best = solutions[0] as CapacitatedSolution;
  for (const s of solutions) if (s.feasible && (!best.feasible || s.objective < best.objective)) best = s;
  const elite = new EliteSet(eliteSize);
  for (const s of solutions) for (const e of s.elite) elite.remember(e.sites, e.assignment, e.objective);
  return {
    ...best,
    iterations: solutions.reduce((sum, s) => sum + s.iterations, 0),
    elite: best.feasible ? elite.solutions : [],
  };
};

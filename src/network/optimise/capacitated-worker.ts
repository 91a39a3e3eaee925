import { parentPort } from 'node:worker_threads';
import { type CapacitatedSolution, solveCapacitated } from './capacitated.js';
import { type Cluster, ClusterPool } from './capacitated-clusters.js';
import { SharedBest, type SharedBestBuffer } from './capacitated-shared.js';
import { randomMedians } from './capacitated-start.js';
import { seededRandom } from './random.js';
import type { Budget, PreparedProblem } from './types.js';

/** One of the parallel capacitated searches (see `capacitated-parallel.ts`). */
export interface SearchJob {
  /** Its arrays in shared memory: every search reads the same matrix. */
  problem: PreparedProblem;
  cost: Float64Array;
  start: { sites: Int32Array; assignment: Int32Array };
  seed: number;
  maxIdleIterations: number;
  target: number;
  /** The deadline on the wall clock (performance.timeOrigin + now differs between threads). */
  deadlineEpoch: number;
  board: SharedBestBuffer;
  /** Set to 1 by the caller to stop the search at once (cancelled, or a bound was met). */
  halt: SharedArrayBuffer;
  /**
   * Start from medians drawn by the seed rather than from `start`, and take no solution from the board
   * (see `launchSearches`).
   */
  apart: boolean;
}

export type SearchReply =
  | { kind: 'result'; solution: CapacitatedSolution; clusters: Cluster[] }
  | { kind: 'error'; message: string };

parentPort?.on('message', (job: SearchJob) => {
  try {
    const halt = new Int32Array(job.halt);
    const budget: Budget = {
      deadline: job.deadlineEpoch - performance.timeOrigin,
      signal: undefined,
      stopped: 'none',
      spent: () => Atomics.load(halt, 0) === 1,
    };
    const random = seededRandom(job.seed);
    const pool = new ClusterPool(job.problem, job.cost);
    const solution = solveCapacitated(
      job.problem,
      job.apart ? randomMedians(job.problem, random) : job.start.sites,
      {
        random,
        budget,
        maxIdleIterations: job.maxIdleIterations,
        target: job.target,
        cost: job.cost,
        ...(job.apart ? {} : { initial: job.start, shared: new SharedBest(job.board) }),
        pool,
      },
    );
    parentPort?.postMessage({ kind: 'result', solution, clusters: pool.clusters() } satisfies SearchReply);
  } catch (error) {
    parentPort?.postMessage({
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies SearchReply);
  }
});

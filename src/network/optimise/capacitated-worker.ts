import { parentPort } from 'node:worker_threads';
import { type CapacitatedSolution, solveCapacitated } from './capacitated.js';
import { SharedBest, type SharedBestBuffer } from './capacitated-shared.js';
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
}

export type SearchReply =
  | { kind: 'result'; solution: CapacitatedSolution }
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
    const solution = solveCapacitated(job.problem, job.start.sites, {
      random: seededRandom(job.seed),
      budget,
      maxIdleIterations: job.maxIdleIterations,
      target: job.target,
      initial: job.start,
      cost: job.cost,
      shared: new SharedBest(job.board),
    });
    parentPort?.postMessage({ kind: 'result', solution } satisfies SearchReply);
  } catch (error) {
    parentPort?.postMessage({
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies SearchReply);
  }
});

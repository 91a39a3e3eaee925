import { parentPort } from 'node:worker_threads';
import type { LocationModel } from '../../model/index.js';
import { solveMilp } from './milp.js';
import type { PreparedProblem } from './types.js';

/**
 * Worker side of the HiGHS runs: the wasm runtime is loaded once per worker and reused for every solve
 * it is given; progress goes back as messages, so that the caller can stop the worker mid-solve.
 */
export interface MilpRequest {
  problem: PreparedProblem;
  model: LocationModel;
  radius: number;
  timeLimitSeconds: number;
  relaxation?: boolean;
  integral?: boolean;
}

parentPort?.on('message', async (request: MilpRequest) => {
  try {
    const { problem, model, radius, ...options } = request;
    const result = await solveMilp(problem, model, radius, {
      ...options,
      onProgress: (seconds, best, bound) =>
        parentPort?.postMessage({ kind: 'progress', seconds, best, bound }),
    });
    parentPort?.postMessage({ kind: 'result', result });
  } catch (error) {
    parentPort?.postMessage({
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

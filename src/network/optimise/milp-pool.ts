import type { LocationModel } from '../../model/index.js';
import { startModuleWorker, type WorkerPool, workerPool } from '../worker-thread.js';
import type { MilpOptions, MilpResult } from './milp.js';
import type { MilpRequest } from './milp-worker.js';
import type { PreparedProblem } from './types.js';

/**
 * HiGHS runs synchronously inside its wasm module and only looks at a signal at its own interrupt points,
 * which may be seconds apart; in a worker thread the caller stays responsive and a cancel terminates the
 * worker outright. Idle workers are kept (their runtime already loaded) and do not hold the process open.
 * `start` starts a worker (tests pass one that also keeps hold of it).
 */
export const milpPool = (start = () => startModuleWorker(import.meta.url, 'milp-worker')) => {
  const pool = workerPool(start);
  return (
    problem: PreparedProblem,
    model: LocationModel,
    radius: number,
    options: MilpOptions,
  ): Promise<MilpResult> => solveIn(pool, { problem, model, radius, options });
};

/** The pool the engines use. */
export const solveMilpInWorker = milpPool();

const solveIn = (
  pool: WorkerPool,
  {
    problem,
    model,
    radius,
    options,
  }: { problem: PreparedProblem; model: LocationModel; radius: number; options: MilpOptions },
): Promise<MilpResult> => {
  const started = performance.now();
  const cancelledResult = (best: number | null, bound: number | null): MilpResult => ({
    status: 'unknown',
    timedOut: false,
    cancelled: true,
    sites: new Int32Array(0),
    assignment: null,
    objective: best,
    bound,
    seconds: (performance.now() - started) / 1000,
  });
  if (options.signal?.aborted) return Promise.resolve(cancelledResult(null, null));
  const worker = pool.borrow();
  return new Promise<MilpResult>((resolve, reject) => {
    let best: number | null = null;
    let bound: number | null = null;
    const finish = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      pool.retire(worker);
      resolve(cancelledResult(best, bound));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const onMessage = (message: { kind: string } & Record<string, unknown>) => {
      if (message.kind === 'progress') {
        best = message.best as number | null;
        bound = message.bound as number | null;
        options.onProgress?.(message.seconds as number, best, bound);
        return;
      }
      finish();
      pool.giveBack(worker);
      if (message.kind === 'result') resolve(message.result as MilpResult);
      else reject(new Error(String(message.message)));
    };
    const onError = (error: Error) => {
      finish();
      pool.retire(worker);
      reject(error);
    };
    // A worker can exit without an error event (its thread terminated): the job fails instead of waiting.
    const onExit = (code: number) => {
      finish();
      reject(new Error(`the HiGHS worker stopped (exit code ${code}) before it answered`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const request: MilpRequest = {
      problem,
      model,
      radius,
      timeLimitSeconds: options.timeLimitSeconds,
      ...(options.relaxation !== undefined ? { relaxation: options.relaxation } : {}),
      ...(options.integral !== undefined ? { integral: options.integral } : {}),
    };
    worker.postMessage(request);
  });
};

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TravelPoint } from '../../model/road.js';
import type { RoadGraph } from '../graph/road-graph.js';
import {
  abortError,
  computeTravelTimeMatrix,
  type MatrixComputeOptions,
  searchCount,
  type TravelModel,
  type TravelTimeMatrix,
} from './compute.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

interface PooledWorker {
  worker: Worker;
  graphVersion?: string;
  busy: boolean;
}

const pool: PooledWorker[] = [];

/**
 * Built, the worker is plain JS. Run from source (tsx, vitest) it is TypeScript: a small bootstrap
 * registers tsx's loader in the worker first (Node 20 workers do not take --import).
 */
const startWorker = (): PooledWorker => {
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = fromSource
    ? new Worker(
        `import(${JSON.stringify(
          pathToFileURL(
            createRequire(import.meta.url)
              .resolve('tsx/esm/api')
              .replace(/\.cjs$/, '.mjs'),
          ).href,
        )})
          .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`,
        { eval: true },
      )
    : new Worker(new URL('./worker.js', import.meta.url));
  worker.unref();
  const pooled: PooledWorker = { worker, busy: false };
  worker.on('error', () => {
    pool.splice(pool.indexOf(pooled), 1);
  });
  return pooled;
};

const takeWorkers = (count: number): PooledWorker[] => {
  const taken = pool.filter((w) => !w.busy).slice(0, count);
  while (taken.length < count) {
    const started = startWorker();
    pool.push(started);
    taken.push(started);
  }
  for (const w of taken) w.busy = true;
  return taken;
};

const runInWorker = (
  pooled: PooledWorker,
  graph: RoadGraph,
  request: Omit<Extract<WorkerRequest, { type: 'compute' }>, 'type' | 'version'>,
  onProgress: (done: number) => void,
): Promise<Float32Array> =>
  new Promise((resolve, reject) => {
    const { worker } = pooled;
    if (pooled.graphVersion !== graph.version) {
      worker.postMessage({ type: 'graph', graph } satisfies WorkerRequest);
      pooled.graphVersion = graph.version;
    }
    const onError = (error: Error) => finish(() => reject(error));
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'progress') onProgress(reply.done);
      else if (reply.type === 'done') finish(() => resolve(reply.minutes));
      else {
        const error = new Error(reply.message);
        error.name = reply.name;
        finish(() => reject(error));
      }
    };
    const finish = (settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.unref();
      pooled.busy = false;
      settle();
    };
    worker.ref();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ type: 'compute', version: graph.version, ...request } satisfies WorkerRequest);
  });

export interface MatrixOptions extends Omit<MatrixComputeOptions, 'signal'> {
  signal?: AbortSignal;
  /** Worker threads to share the searches; default: the machine's cores, at most 4. */
  threads?: number;
}

/**
 * The travel-time matrix computed in worker threads, so the calling thread (the server) stays free;
 * the searches are split between the threads. The straight-line model is cheap and runs in place.
 */
export const computeInWorkers = async (
  model: TravelModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixOptions = {},
): Promise<TravelTimeMatrix> => {
  if (options.signal?.aborted) throw abortError();
  if (model.kind !== 'road' || origins.length === 0 || destinations.length === 0) {
    return computeTravelTimeMatrix(model, origins, destinations, options);
  }
  const total = searchCount(model, origins, destinations);
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(availableParallelism(), 4), total));
  const workers = takeWorkers(threads);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(cancel, 0, 1);
  options.signal?.addEventListener('abort', onAbort);
  const done = new Array<number>(threads).fill(0);
  try {
    const parts = await Promise.all(
      workers.map((pooled, i) => {
        const range: [number, number] = [
          Math.floor((total * i) / threads),
          Math.floor((total * (i + 1)) / threads),
        ];
        return runInWorker(
          pooled,
          model,
          {
            origins: [...origins],
            destinations: [...destinations],
            maxMinutes: options.maxMinutes,
            range,
            cancel,
          },
          (count) => {
            done[i] = count;
            options.onProgress?.(
              done.reduce((a, b) => a + b, 0),
              total,
            );
          },
        );
      }),
    );
    const minutes = parts[0] as Float32Array;
    for (const part of parts.slice(1)) {
      for (let i = 0; i < minutes.length; i++) {
        if (Number.isNaN(minutes[i] as number)) minutes[i] = part[i] as number;
      }
    }
    return {
      originCount: origins.length,
      destinationCount: destinations.length,
      minutes,
      profile: model.profile,
      method: 'road',
      version: model.version,
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
};

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TravelPoint } from '../../model/index.js';
import type { ContractionHierarchy } from '../graph/contraction.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { startModuleWorker } from '../worker-thread.js';
import {
  abortError,
  computeTravelTimeMatrix,
  type MatrixComputeOptions,
  searchCount,
  straightLineCounts,
  type TravelModel,
  type TravelTimeMatrix,
} from './compute.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

interface PooledWorker {
  worker: Worker;
  graphVersion?: string;
  hierarchyVersion?: string;
  busy: boolean;
}

const pool: PooledWorker[] = [];

/** Hierarchies built so far, by graph version: building one takes a minute on a national network. */
const hierarchies = new Map<string, ContractionHierarchy>();

const startWorker = (): PooledWorker => {
  const worker = startModuleWorker(import.meta.url, 'worker');
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

const release = (workers: PooledWorker[]): void => {
  for (const w of workers) w.busy = false;
};

/** Sends the graph (and its hierarchy) unless the worker already holds them. */
const prepare = (
  pooled: PooledWorker,
  graph: RoadGraph,
  hierarchy: ContractionHierarchy | undefined,
): void => {
  if (pooled.graphVersion !== graph.version) {
    pooled.worker.postMessage({ type: 'graph', graph } satisfies WorkerRequest);
    pooled.graphVersion = graph.version;
    pooled.hierarchyVersion = undefined;
  }
  if (hierarchy && pooled.hierarchyVersion !== graph.version) {
    pooled.worker.postMessage({
      type: 'hierarchy',
      version: graph.version,
      hierarchy,
    } satisfies WorkerRequest);
    pooled.hierarchyVersion = graph.version;
  }
};

/** Posts one request and resolves with the worker's final reply. */
const ask = <T>(
  pooled: PooledWorker,
  request: WorkerRequest,
  {
    onProgress,
    accept,
  }: {
    onProgress: (done: number) => void;
    /** The value the final reply carries, or undefined for a reply that is not the final one. */
    accept: (reply: WorkerReply) => T | undefined;
  },
): Promise<T> =>
  new Promise((resolve, reject) => {
    const { worker } = pooled;
    const onError = (error: Error) => finish(() => reject(error));
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'progress') return onProgress(reply.done);
      if (reply.type === 'failed') {
        const error = new Error(reply.message);
        error.name = reply.name;
        return finish(() => reject(error));
      }
      const value = accept(reply);
      if (value !== undefined) finish(() => resolve(value));
    };
    const finish = (settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.unref();
      settle();
    };
    worker.ref();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(request);
  });

export interface MatrixOptions
  extends Omit<MatrixComputeOptions, 'signal' | 'hierarchy' | 'onProgress' | 'searchRange'> {
  signal?: AbortSignal;
  /** Worker threads to share the searches; default: the machine's cores, at most 4. */
  threads?: number;
  /**
   * 'dijkstra': one plain search per node; 'hierarchy': build (once per graph version) and use a
   * contraction hierarchy; 'auto' (default): the hierarchy when it exists or the matrix needs many searches.
   */
  method?: 'auto' | 'dijkstra' | 'hierarchy';
  onProgress?: (done: number, total: number, phase: 'contracting' | 'searching') => void;
}

/**
 * Below this many searches a matrix is cheaper with plain Dijkstra than with building a hierarchy first.
 * Measured on the 500k-node synthetic network (2 worker threads): the build took about as long as 300
 * one-to-all searches shared by the threads (49 s against 53 s); at that size the hierarchy wins, as it
 * also serves every later matrix of the network version. Once a hierarchy exists (built at import, or by
 * an earlier matrix) 'auto' always uses it.
 */
const hierarchyThreshold = 256;

const contractInWorker = async (
  pooled: PooledWorker,
  graph: RoadGraph,
  { onProgress, cancel }: { onProgress: MatrixOptions['onProgress']; cancel: Int32Array },
): Promise<ContractionHierarchy> => {
  prepare(pooled, graph, undefined);
  const hierarchy = await ask(
    pooled,
    { type: 'contract', version: graph.version, cancel },
    {
      onProgress: (done) => onProgress?.(done, graph.nodeCount, 'contracting'),
      accept: (reply) => (reply.type === 'contracted' ? reply.hierarchy : undefined),
    },
  );
  pooled.hierarchyVersion = graph.version;
  rememberHierarchy(graph.version, hierarchy);
  return hierarchy;
};

/** Makes a hierarchy read from elsewhere (the store) known, so matrices of that graph version use it. */
export const rememberHierarchy = (version: string, hierarchy: ContractionHierarchy): void => {
  hierarchies.set(version, hierarchy);
  while (hierarchies.size > 4) hierarchies.delete(hierarchies.keys().next().value as string);
};

/** The graph's hierarchy: known already, or built now in a worker thread (cancellable). */
export const hierarchyOf = async (
  graph: RoadGraph,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<ContractionHierarchy> => {
  const known = hierarchies.get(graph.version);
  if (known) return known;
  if (options.signal?.aborted) throw abortError();
  const [worker] = takeWorkers(1);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(cancel, 0, 1);
  options.signal?.addEventListener('abort', onAbort);
  try {
    return await contractInWorker(worker as PooledWorker, graph, {
      onProgress: (done, total) => options.onProgress?.(done, total),
      cancel,
    });
  } finally {
    release([worker as PooledWorker]);
    options.signal?.removeEventListener('abort', onAbort);
  }
};

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
    return computeTravelTimeMatrix(model, origins, destinations, {
      ...options,
      onProgress: (done, total) => options.onProgress?.(done, total, 'searching'),
    });
  }
  const total = searchCount(model, origins, destinations);
  const method = options.method ?? 'auto';
  const useHierarchy =
    method === 'hierarchy' ||
    (method === 'auto' && (hierarchies.has(model.version) || total >= hierarchyThreshold));
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(availableParallelism(), 4), total));
  const workers = takeWorkers(threads);
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(cancel, 0, 1);
  options.signal?.addEventListener('abort', onAbort);
  const done = new Array<number>(threads).fill(0);
  try {
    let hierarchy = useHierarchy ? hierarchies.get(model.version) : undefined;
    if (useHierarchy && !hierarchy)
      hierarchy = await contractInWorker(workers[0] as PooledWorker, model, {
        onProgress: options.onProgress,
        cancel,
      });
    if (options.signal?.aborted) throw abortError();
    const parts = await Promise.all(
      workers.map((pooled, i) => {
        prepare(pooled, model, hierarchy);
        const range: [number, number] = [
          Math.floor((total * i) / threads),
          Math.floor((total * (i + 1)) / threads),
        ];
        return ask(
          pooled,
          {
            type: 'compute',
            version: model.version,
            useHierarchy,
            origins: [...origins],
            destinations: [...destinations],
            maxMinutes: options.maxMinutes,
            range,
            cancel,
          },
          {
            onProgress: (count) => {
              done[i] = count;
              options.onProgress?.(
                done.reduce((a, b) => a + b, 0),
                total,
                'searching',
              );
            },
            accept: (reply) => (reply.type === 'done' ? reply.minutes : undefined),
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
      ...straightLineCounts(model, origins, destinations),
    };
  } finally {
    release(workers);
    options.signal?.removeEventListener('abort', onAbort);
  }
};

import { createHash } from 'node:crypto';
import type { TravelPoint } from '../../model/index.js';
import { abortError, type TravelModel, type TravelTimeMatrix } from './compute.js';
import { computeInWorkers, type MatrixOptions } from './pool.js';

type ProgressListener = NonNullable<MatrixOptions['onProgress']>;

/**
 * One computation shared by every caller that asked for the same matrix. It runs under its own abort
 * controller: a caller that cancels only stops waiting, and the run stops once no caller still waits.
 */
interface SharedRun {
  readonly key: string;
  readonly result: Promise<TravelTimeMatrix>;
  readonly controller: AbortController;
  readonly listeners: Set<ProgressListener>;
  waiting: number;
  settled: boolean;
}

/** Recent matrices by model version, points and limit: a scenario's re-evaluation reuses them. */
const cache = new Map<string, SharedRun>();
const maxEntries = 16;

const pointsHash = (points: readonly TravelPoint[]): string => {
  const coordinates = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    coordinates[2 * i] = p.x;
    coordinates[2 * i + 1] = p.y;
  });
  return createHash('sha256').update(new Uint8Array(coordinates.buffer)).digest('hex').slice(0, 24);
};

const startRun = (
  key: string,
  {
    model,
    origins,
    destinations,
    options,
  }: {
    model: TravelModel;
    origins: readonly TravelPoint[];
    destinations: readonly TravelPoint[];
    options: MatrixOptions;
  },
): SharedRun => {
  const controller = new AbortController();
  const listeners = new Set<ProgressListener>();
  const result = computeInWorkers(model, origins, destinations, {
    ...options,
    signal: controller.signal,
    onProgress: (done, total, phase) => {
      for (const listener of listeners) listener(done, total, phase);
    },
  });
  const run: SharedRun = { key, result, controller, listeners, waiting: 0, settled: false };
  result.then(
    () => {
      run.settled = true;
      listeners.clear();
    },
    () => {
      run.settled = true;
      listeners.clear();
      if (cache.get(key) === run) cache.delete(key);
    },
  );
  return run;
};

/** The caller's view of a shared run: its own cancellation rejects only its own promise. */
const join = (run: SharedRun, options: MatrixOptions): Promise<TravelTimeMatrix> => {
  const { signal, onProgress } = options;
  if (run.settled || (!signal && !onProgress)) {
    if (!run.settled) run.waiting++;
    return run.result;
  }
  if (signal?.aborted) return Promise.reject(abortError());
  run.waiting++;
  if (onProgress) run.listeners.add(onProgress);
  return new Promise<TravelTimeMatrix>((resolve, reject) => {
    const leave = () => {
      signal?.removeEventListener('abort', onAbort);
      if (onProgress) run.listeners.delete(onProgress);
    };
    const onAbort = () => {
      leave();
      if (--run.waiting === 0 && !run.settled) {
        // Gone from the cache at once, so a caller arriving now starts afresh rather than joining a dying run.
        if (cache.get(run.key) === run) cache.delete(run.key);
        run.controller.abort();
      }
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    run.result.then(
      (matrix) => {
        leave();
        resolve(matrix);
      },
      (error: unknown) => {
        leave();
        reject(error);
      },
    );
  });
};

/**
 * Travel times in minutes from every origin to every destination (row-major, origins × destinations),
 * computed in worker threads and cached per model version. Callers asking for the same matrix share one
 * computation; it is cancelled only when every one of them has cancelled. The returned matrix may be
 * shared with later callers: do not modify it.
 */
export const travelTimeMatrix = (
  model: TravelModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixOptions = {},
): Promise<TravelTimeMatrix> => {
  if (options.signal?.aborted) return Promise.reject(abortError());
  const key = `${model.version};${options.maxMinutes ?? ''};${pointsHash(origins)};${pointsHash(destinations)}`;
  let run = cache.get(key);
  if (run) {
    cache.delete(key);
    cache.set(key, run);
  } else {
    run = startRun(key, { model, origins, destinations, options });
    cache.set(key, run);
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }
  return join(run, options);
};

export const clearTravelTimeCache = (): void => cache.clear();

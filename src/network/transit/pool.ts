import { availableParallelism } from 'node:os';
import { startModuleWorker, workerPool } from '../worker-thread.js';
import { type WindowJob, type WindowTimes, walkOnlyTimes, windowTimes } from './percentiles.js';

/**
 * Workers kept between requests: starting one costs more than routing a county's cells on a small
 * feed. At most one a core stays idle.
 */
const pool = workerPool(() => startModuleWorker(import.meta.url, 'worker'), availableParallelism());

const inWorker = (job: WindowJob, transfer: ArrayBuffer[]): Promise<WindowTimes> =>
  new Promise((resolve, reject) => {
    const worker = pool.borrow();
    const settle = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (
      reply:
        | { type: 'done'; median: Float32Array; percentile: Float32Array }
        | { type: 'failed'; message: string },
    ) => {
      settle();
      pool.giveBack(worker);
      if (reply.type === 'done') resolve({ median: reply.median, percentile: reply.percentile });
      else reject(new Error(reply.message));
    };
    const onError = (error: Error) => {
      settle();
      pool.retire(worker);
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`the public-transport worker stopped with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job, transfer);
  });

/** The part of a job for the given origins: their walks copied into arrays of their own, to transfer. */
const partOf = (job: WindowJob, origins: readonly number[]): WindowJob => {
  const { access, direct } = job;
  const u = job.input.destinationCount;
  const offsets = new Uint32Array(origins.length + 1);
  origins.forEach((o, i) => {
    offsets[i + 1] =
      (offsets[i] as number) + (access.offsets[o + 1] as number) - (access.offsets[o] as number);
  });
  const targets = new Uint32Array(offsets[origins.length] as number);
  const seconds = new Int32Array(targets.length);
  const rows = new Int32Array(origins.length * u);
  origins.forEach((o, i) => {
    const from = access.offsets[o] as number;
    const to = access.offsets[o + 1] as number;
    targets.set(access.targets.subarray(from, to), offsets[i] as number);
    seconds.set(access.seconds.subarray(from, to), offsets[i] as number);
    rows.set(direct.subarray(o * u, (o + 1) * u), i * u);
  });
  return { ...job, access: { offsets, targets, seconds }, direct: rows };
};

/**
 * The window's travel times for every origin. Origins with a stop in walking reach are searched in
 * worker threads (default: the machine's cores, at most 4; 0 searches in this thread), dealt out in
 * turn so that each worker gets its share of busy town cells; the others walk, answered here.
 */
export const windowTimesInWorkers = async (job: WindowJob, threads?: number): Promise<WindowTimes> => {
  const { access } = job;
  const originCount = access.offsets.length - 1;
  const searched: number[] = [];
  for (let o = 0; o < originCount; o++) if (access.offsets[o + 1] !== access.offsets[o]) searched.push(o);
  const count = Math.min(threads ?? Math.min(availableParallelism(), 4), searched.length);
  if (count <= 0) return windowTimes(job);
  const shares = Array.from({ length: count }, (_, i) => searched.filter((_, k) => k % count === i));
  const running = shares.map((share) => {
    const part = partOf(job, share);
    return inWorker(part, [
      part.access.offsets.buffer as ArrayBuffer,
      part.access.targets.buffer as ArrayBuffer,
      part.access.seconds.buffer as ArrayBuffer,
      part.direct.buffer as ArrayBuffer,
    ]);
  });
  const u = job.input.destinationCount;
  const times = { median: new Float32Array(originCount * u), percentile: new Float32Array(originCount * u) };
  walkOnlyTimes(job, times);
  const parts = await Promise.all(running);
  parts.forEach((part, i) => {
    (shares[i] as number[]).forEach((o, k) => {
      times.median.set(part.median.subarray(k * u, (k + 1) * u), o * u);
      times.percentile.set(part.percentile.subarray(k * u, (k + 1) * u), o * u);
    });
  });
  return times;
};

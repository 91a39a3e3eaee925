import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type WindowJob, type WindowTimes, windowTimes } from './percentiles.js';

/** Built, the worker is plain JS; run from source (tsx, vitest), a bootstrap registers tsx's loader first. */
const startWorker = (): Worker =>
  import.meta.url.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(
          pathToFileURL(
            createRequire(import.meta.url)
              .resolve('tsx/esm/api')
              .replace(/\.cjs$/, '.mjs'),
          ).href,
        )}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`,
        { eval: true },
      )
    : new Worker(new URL('./worker.js', import.meta.url));

const inWorker = (job: WindowJob): Promise<WindowTimes> =>
  new Promise((resolve, reject) => {
    const worker = startWorker();
    worker.once(
      'message',
      (
        reply:
          | { type: 'done'; median: Float32Array; percentile: Float32Array }
          | { type: 'failed'; message: string },
      ) => {
        void worker.terminate();
        if (reply.type === 'done') resolve({ median: reply.median, percentile: reply.percentile });
        else reject(new Error(reply.message));
      },
    );
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.postMessage(job);
  });

/**
 * The window's travel times for every origin, the origins shared between worker threads (default: the
 * machine's cores, at most 4; 0 runs in this thread). Each worker gets the timetable once, and its
 * contiguous share of origins.
 */
export const windowTimesInWorkers = async (job: WindowJob, threads?: number): Promise<WindowTimes> => {
  const count = Math.min(threads ?? Math.min(availableParallelism(), 4), job.origins.length);
  if (count <= 0) return windowTimes(job);
  const size = Math.ceil(job.origins.length / count);
  const parts = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      inWorker({ ...job, origins: job.origins.slice(i * size, (i + 1) * size) }),
    ),
  );
  const u = job.input.destinationCount;
  const median = new Float32Array(job.origins.length * u);
  const percentile = new Float32Array(job.origins.length * u);
  parts.forEach((part, i) => {
    median.set(part.median, i * size * u);
    percentile.set(part.percentile, i * size * u);
  });
  return { median, percentile };
};

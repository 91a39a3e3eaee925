/** The worker thread's side of the transit pool: one window job over a range of origins. */
import { parentPort } from 'node:worker_threads';
import { type WindowJob, windowTimes } from './percentiles.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (job: WindowJob) => {
  try {
    const { median, percentile } = windowTimes(job);
    port.postMessage({ type: 'done', median, percentile }, [
      median.buffer as ArrayBuffer,
      percentile.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});

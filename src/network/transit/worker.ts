/** The worker thread's side of the transit pool: window jobs, one at a time, each over its own origins. */
import { parentPort } from 'node:worker_threads';
import { type WindowJob, windowTimes } from './percentiles.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (job: WindowJob) => {
  try {
    // Every origin sent here has a stop in walking reach.
    const { median, percentile } = windowTimes(job, true);
    port.postMessage({ type: 'done', median, percentile }, [
      median.buffer as ArrayBuffer,
      percentile.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});

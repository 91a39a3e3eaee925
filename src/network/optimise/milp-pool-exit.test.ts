import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startModuleWorker } from '../worker-thread.js';
import { euclideanCapacitated } from './instances.fixture.js';
import { milpPool } from './milp-pool.js';

/** A pool whose workers the test can stop from outside, as a failing thread would stop. */
const watchedPool = () => {
  const started: Worker[] = [];
  const solve = milpPool(() => {
    const worker = startModuleWorker(new URL('./milp-pool.ts', import.meta.url).href, 'milp-worker');
    started.push(worker);
    return worker;
  });
  return { solve, started };
};

const stopped = (worker: Worker) =>
  new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    void worker.terminate();
  });

describe('HiGHS workers that stop', () => {
  it('an idle worker that exited is not handed the next job', async () => {
    const { solve, started } = watchedPool();
    const small = euclideanCapacitated(12, 3, 5);
    const first = await solve(small, 'capacitated-p-median', 0, { timeLimitSeconds: 60 });
    expect(first.status).toBe('optimal');
    expect(started).toHaveLength(1);
    await stopped(started[0] as Worker);
    // Handed to the exited worker, the job would wait for an answer for ever.
    const second = await solve(small, 'capacitated-p-median', 0, { timeLimitSeconds: 60 });
    expect(second.status).toBe('optimal');
    expect(second.objective).toBe(first.objective);
    expect(started).toHaveLength(2);
  });

  it('a worker that exits during a job fails the job instead of leaving it waiting', async () => {
    const { solve, started } = watchedPool();
    // 150 points with tight capacities: HiGHS reports progress long before it could finish.
    const run = solve(euclideanCapacitated(150, 15, 3), 'capacitated-p-median', 0, {
      timeLimitSeconds: 600,
      onProgress: () => void started[0]?.terminate(),
    });
    await expect(run).rejects.toThrow(/HiGHS worker stopped/);
    expect(started).toHaveLength(1);
  }, 120_000);
});

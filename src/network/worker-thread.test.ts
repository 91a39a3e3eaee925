import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startModuleWorker, workerPool } from './worker-thread.js';

/** A worker that only waits for messages. */
const waiting = () =>
  new Worker('require("node:worker_threads").parentPort.on("message", () => {});', { eval: true });
const exited = (worker: Worker) => new Promise<number>((resolve) => worker.once('exit', resolve));

describe('starting a worker module', () => {
  it('lets a worker that fails with no job listening exit without taking the process down', async () => {
    // No such module: the worker fails while loading, before any pool has listened to it. Unhandled,
    // that 'error' event would end this process (and the test run with it).
    const worker = startModuleWorker(import.meta.url, 'no-such-worker-module');
    const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(code).not.toBe(0);
  });
});

describe('a pool of workers', () => {
  it('keeps as many idle as it may, and never hands out one that exited or was retired', async () => {
    const pool = workerPool(waiting, 1);
    const [a, b] = [pool.borrow(), pool.borrow()];
    pool.giveBack(a);
    // One idle is enough: the second one given back ends.
    const bEnds = exited(b);
    pool.giveBack(b);
    await bEnds;
    expect(pool.retired(b)).toBe(true);
    expect(pool.borrow()).toBe(a);
    pool.giveBack(a);
    // Exited while idle: the next borrower gets a new worker.
    await a.terminate();
    const c = pool.borrow();
    expect(c).not.toBe(a);
    expect(pool.retired(a)).toBe(true);
    // Retired after a failed job: given back, it is not kept.
    pool.retire(c);
    pool.giveBack(c);
    const d = pool.borrow();
    expect(d).not.toBe(c);
    await d.terminate();
  });
});

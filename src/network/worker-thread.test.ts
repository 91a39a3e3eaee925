import { describe, expect, it } from 'vitest';
import { startModuleWorker } from './worker-thread.js';

describe('starting a worker module', () => {
  it('lets a worker that fails with no job listening exit without taking the process down', async () => {
    // No such module: the worker fails while loading, before any pool has listened to it. Unhandled,
    // that 'error' event would end this process (and the test run with it).
    const worker = startModuleWorker(import.meta.url, 'no-such-worker-module');
    const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(code).not.toBe(0);
  });
});

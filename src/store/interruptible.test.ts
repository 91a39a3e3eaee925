import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';

/** Minutes of work for DuckDB: a sum over a trillion pairs. */
const slowQuery = 'SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  await store.run('CREATE TABLE t (n INTEGER)');
});
afterAll(() => store.close());

describe('interruptible work', () => {
  it('stops its running query when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const work = store.interruptible(controller.signal, () => store.all(slowQuery));
    setTimeout(() => controller.abort(), 100);
    await expect(work).rejects.toThrow(/interrupt/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not close its connection under a query still running when the work fails beside it', async () => {
    // As Promise.all does: one branch is refused before it queries while the other's query runs on.
    // Closing the connection under that query took the whole process down; now the work fails alone.
    let slow: Promise<unknown> | undefined;
    const work = store.interruptible(new AbortController().signal, () => {
      slow = store.all(slowQuery);
      return Promise.all([slow, Promise.reject(new Error('refused before querying'))]);
    });
    await expect(work).rejects.toThrow('refused before querying');
    await expect(slow).rejects.toThrow(/interrupt/i);
    expect(await store.all('SELECT 7 AS n')).toEqual([{ n: 7 }]);
  });

  it("leaves other work's queries alone, on the shared connection and on another own one", async () => {
    const controller = new AbortController();
    const stopped = store.interruptible(controller.signal, () => store.all(slowQuery));
    const other = store.interruptible(new AbortController().signal, async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return store.all<{ n: number }>('SELECT 42 AS n');
    });
    setTimeout(() => controller.abort(), 100);
    await expect(stopped).rejects.toThrow(/interrupt/i);
    expect(await other).toEqual([{ n: 42 }]);
    expect(await store.all('SELECT 7 AS n')).toEqual([{ n: 7 }]);
  });

  it('writes on its own connection what the shared one then reads, and keeps transactions apart', async () => {
    const signal = new AbortController().signal;
    await Promise.all([
      store.interruptible(signal, () => store.transaction(() => store.run('INSERT INTO t VALUES (1)'))),
      store.transaction(() => store.run('INSERT INTO t VALUES (2)')),
    ]);
    expect(await store.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('does not start when its signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let ran = false;
    await expect(
      store.interruptible(controller.signal, async () => {
        ran = true;
      }),
    ).rejects.toThrow();
    expect(ran).toBe(false);
  });
});

describe('shared work', () => {
  it('runs on the shared connection even from interruptible work, so an abort leaves it alone', async () => {
    const controller = new AbortController();
    let sharedWork: Promise<unknown> | undefined;
    const work = store.interruptible(controller.signal, async () => {
      sharedWork = store.shared(async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return store.all('SELECT 1 AS n');
      });
      return store.all(slowQuery);
    });
    setTimeout(() => controller.abort(), 100);
    await expect(work).rejects.toThrow(/interrupt/i);
    expect(await sharedWork).toEqual([{ n: 1 }]);
  });

  it('gives a server started from interruptible work the shared connection for its requests', async () => {
    // Node runs a server's requests in the async context the server was started in. A server a route
    // starts (the app served for printing) would otherwise query the route's own connection, which is
    // closed when the route's work ends, with the server's requests still coming.
    const serverIn = (start: (listen: () => Promise<Server>) => Promise<Server>) =>
      store.interruptible(new AbortController().signal, () =>
        start(
          () =>
            new Promise<Server>((resolve) => {
              const server = createServer((_, response) => {
                store.all('SELECT 42 AS n').then(
                  (rows) => response.end(JSON.stringify(rows)),
                  (error: Error) => response.end(error.message),
                );
              });
              server.listen(0, '127.0.0.1', () => resolve(server));
            }),
        ),
      );
    const answerOf = async (server: Server) => {
      try {
        const { port } = server.address() as AddressInfo;
        return await (await fetch(`http://127.0.0.1:${port}/`)).text();
      } finally {
        server.close();
      }
    };
    expect(await answerOf(await serverIn((listen) => store.shared(listen)))).toBe('[{"n":42}]');
    // Without it, the request finds the route's connection gone.
    expect(await answerOf(await serverIn((listen) => listen()))).toMatch(/disconnected/);
  });
});

describe('closing', () => {
  it('stops the queries still running, on any connection, before it closes the store under them', async () => {
    // A request whose client has gone may still be querying when the server shuts down; closing a
    // connection under its running query took the whole process down.
    const closing = await openStore(':memory:');
    const onShared = closing.all(slowQuery);
    const onOwn = closing.interruptible(new AbortController().signal, () => closing.all(slowQuery));
    const onRaw = closing.connection.runAndReadAll(slowQuery);
    const outcomes = Promise.allSettled([onShared, onOwn, onRaw]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await closing.close();
    for (const outcome of await outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/interrupt/i);
    }
  });

  it('closes at once when nothing runs, so the same file opens again straight away', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'soteatlas-close-'));
    try {
      const path = join(dir, 'store.duckdb');
      const first = await openStore(path);
      await first.all('SELECT 1');
      void first.close();
      const second = await openStore(path);
      expect(await second.all('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { serveStore } from './serve.js';

const dir = mkdtempSync(join(tmpdir(), 'soteatlas-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const listening = (): Promise<{ blocker: Server; port: number }> =>
  new Promise((resolve) => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1', () => {
      const address = blocker.address();
      resolve({ blocker, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });

describe('serving a store', () => {
  it('closes the store, the state and the caller’s provider again when its port is taken', async () => {
    const db = join(dir, 'taken.duckdb');
    (await openStore(db)).close();
    const { blocker, port } = await listening();
    const closed: string[] = [];
    try {
      await expect(
        serveStore({
          db,
          port,
          host: '127.0.0.1',
          alsoClose: async () => {
            closed.push('provider');
          },
        }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      blocker.close();
    }
    expect(closed).toEqual(['provider']);
    // The store is closed: it opens again, and takes a write.
    const again = await openStore(db);
    await again.run('CREATE TABLE written_after (x INTEGER)');
    again.close();
  });

  it('closes the caller’s provider when the store cannot be opened', async () => {
    const closed: string[] = [];
    // Read-only (the state elsewhere) a store that does not exist cannot be opened.
    await expect(
      serveStore({
        db: join(dir, 'missing.duckdb'),
        port: 0,
        state: 'postgres://127.0.0.1:1/none',
        alsoClose: async () => {
          closed.push('provider');
        },
      }),
    ).rejects.toThrow(/does not exist/);
    expect(closed).toEqual(['provider']);
  });

  it('refuses to refresh a store it would open read-only before it opens anything', async () => {
    const db = join(dir, 'never-made.duckdb');
    const closed: string[] = [];
    await expect(
      serveStore({
        db,
        port: 0,
        state: 'postgres://127.0.0.1:1/none',
        refresh: { schedule: 'daily 03:30' },
        alsoClose: async () => {
          closed.push('provider');
        },
      }),
    ).rejects.toThrow(/--refresh needs a store this server may write/);
    expect(existsSync(db)).toBe(false);
    expect(closed).toEqual(['provider']);
  });
});

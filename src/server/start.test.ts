import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { startServer } from './start.js';

describe('startServer', () => {
  it('listens on a free port when given 0 and stops on close', async () => {
    const store = await openStore(':memory:');
    const server = await startServer({ store, port: 0, host: '127.0.0.1', webRoot: '/nonexistent' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/api/health`);
      expect(await response.json()).toEqual({ status: 'ok', schemaVersion: 1 });
    } finally {
      await server.close();
      store.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});

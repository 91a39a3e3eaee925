import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openSampleStore } from '../store/testing.js';
import { buildServer } from './server.js';

describe('the server log', () => {
  it('writes a request line with what the client sent escaped', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const store = await openSampleStore();
    const app = await buildServer({ store, webRoot: '/nonexistent', logger: { level: 'info', stream } });
    try {
      // HTTP parsers refuse control characters in the request line, but a header may carry C1 ones.
      await app.inject({ method: 'GET', url: '/api/health?x=%1B', headers: { host: 'x\u009b2J' } });
      const request = lines.map((line) => JSON.parse(line)).find((line) => line.req);
      expect(request.req).toMatchObject({ url: '/api/health?x=%1B', host: 'x\\u009b2J' });
      expect(lines.join('')).not.toMatch(/[\u0080-\u009f]/);
    } finally {
      await app.close();
      store.close();
    }
  });
});

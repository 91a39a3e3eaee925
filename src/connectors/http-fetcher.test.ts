import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerText, SourceRefused, SourceUnreachable } from './fetcher.js';
import { httpFetcher } from './http-fetcher.js';
import type { Clock } from './rate-limit.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
const listen = async (server: Server): Promise<number> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const cacheDir = () => mkdtempSync(join(tmpdir(), 'soteatlas-fetch-'));
const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });

/** A clock whose sleeps pass at once but move its time on, so that waits are counted, not waited. */
const fakeClock = (): Clock & { slept: number[] } => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
};
const noProxy = { env: {} };

describe('httpFetcher: the cache and its validators', () => {
  it('asks again with If-None-Match and If-Modified-Since, and a 304 gives the cached answer', async () => {
    const seen: { ifNoneMatch?: string; ifModifiedSince?: string; body: string }[] = [];
    const port = await listen(
      createServer(async (req, res) => {
        seen.push({
          ifNoneMatch: req.headers['if-none-match'],
          ifModifiedSince: req.headers['if-modified-since'],
          body: await readBody(req),
        });
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304).end();
          return;
        }
        res
          .writeHead(200, {
            'content-type': 'application/json',
            etag: '"v1"',
            'last-modified': 'Wed, 01 Apr 2026 05:00:00 GMT',
          })
          .end('{"value":[1,2,3]}');
      }),
    );
    const fetcher = httpFetcher({ cacheDir: cacheDir(), ...noProxy });
    const request = {
      url: `http://127.0.0.1:${port}/table.px`,
      method: 'POST' as const,
      body: { query: [] },
    };
    const first = await fetcher.fetch(request);
    const second = await fetcher.fetch(request);
    await fetcher.close();
    expect(first).toMatchObject({ status: 200, fromCache: false });
    expect(second).toMatchObject({ status: 200, fromCache: true });
    expect(answerText(second)).toBe('{"value":[1,2,3]}');
    expect(seen[1]).toEqual({
      ifNoneMatch: '"v1"',
      ifModifiedSince: 'Wed, 01 Apr 2026 05:00:00 GMT',
      body: '{"query":[]}',
    });
    expect(fetcher.stats()).toMatchObject({ requests: 2, notModified: 1 });
  });

  it('keys the cache by the query: another body to the same table is another entry', async () => {
    const port = await listen(
      createServer(async (req, res) => {
        const body = await readBody(req);
        res.writeHead(200, { etag: `"${body.length}"` }).end(body);
      }),
    );
    const fetcher = httpFetcher({ cacheDir: cacheDir(), ...noProxy });
    const url = `http://127.0.0.1:${port}/t`;
    const a = await fetcher.fetch({ url, method: 'POST', body: { a: 1 } });
    const b = await fetcher.fetch({ url, method: 'POST', body: { b: 22 } });
    await fetcher.close();
    expect([answerText(a), answerText(b)]).toEqual(['{"a":1}', '{"b":22}']);
    expect(b.fromCache).toBe(false);
  });
});

describe('httpFetcher: the service rate limit', () => {
  it('waits for the window instead of failing when more queries are asked than it allows', async () => {
    const port = await listen(createServer((_req, res) => res.writeHead(200).end('{}')));
    const clock = fakeClock();
    const fetcher = httpFetcher({
      cacheDir: cacheDir(),
      ...noProxy,
      rateLimit: { calls: 2, windowMs: 10_000 },
      clock,
    });
    for (let i = 0; i < 5; i++) await fetcher.fetch({ url: `http://127.0.0.1:${port}/q${i}` });
    await fetcher.close();
    // Two at once, then two more once the first window has passed, and the fifth after the next.
    expect(clock.slept).toEqual([10_000, 10_000]);
    expect(fetcher.stats()).toMatchObject({ requests: 5, waitedMs: 20_000 });
  });

  it('waits out a 429 by its Retry-After and then gets the answer', async () => {
    let calls = 0;
    const port = await listen(
      createServer((_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(429, { 'retry-after': '3' }).end('Too many requests');
        else res.writeHead(200).end('{"ok":true}');
      }),
    );
    const clock = fakeClock();
    const fetcher = httpFetcher({ cacheDir: cacheDir(), ...noProxy, clock });
    const answer = await fetcher.fetch({ url: `http://127.0.0.1:${port}/x` });
    await fetcher.close();
    expect(answerText(answer)).toBe('{"ok":true}');
    expect(clock.slept).toEqual([3000]);
    expect(fetcher.stats().retriedAfter429).toBe(1);
  });

  it('passes on the service own error answer', async () => {
    const port = await listen(
      createServer((_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request')),
    );
    const fetcher = httpFetcher({ cacheDir: cacheDir(), ...noProxy });
    const failure = await fetcher.fetch({ url: `http://127.0.0.1:${port}/x` }).catch((e: unknown) => e);
    await fetcher.close();
    expect(failure).toBeInstanceOf(SourceRefused);
    expect(failure).toMatchObject({ status: 400, detail: 'Bad Request' });
  });
});

describe('httpFetcher: proxy and reachability', () => {
  it('goes through the proxy HTTPS_PROXY names, by CONNECT', async () => {
    const port = await listen(createServer((_req, res) => res.writeHead(200).end('{"through":"proxy"}')));
    const tunnels: string[] = [];
    // A CONNECT proxy in a few lines: it opens the asked-for socket and pipes both ways.
    const proxy = createServer();
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url ?? '');
      const [host, targetPort] = (req.url ?? '').split(':');
      const upstream = connect(Number(targetPort), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    const proxyPort = await listen(proxy);
    const fetcher = httpFetcher({
      cacheDir: cacheDir(),
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: 'example.invalid' },
    });
    const answer = await fetcher.fetch({ url: `http://127.0.0.1:${port}/t` });
    await fetcher.close();
    expect(answerText(answer)).toBe('{"through":"proxy"}');
    expect(tunnels).toEqual([`127.0.0.1:${port}`]);
  });

  it('says "offline or proxy" and names the host when the proxy refuses the connection', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const closed = await listen(createServer());
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const fetcher = httpFetcher({ cacheDir: cacheDir(), env: { HTTPS_PROXY: `http://127.0.0.1:${closed}` } });
    const failure = await fetcher
      .fetch({ url: 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin' })
      .catch((e: unknown) => e);
    await fetcher.close();
    expect(failure).toBeInstanceOf(SourceUnreachable);
    expect((failure as Error).message).toMatch(
      new RegExp(
        `offline or proxy: pxdata\\.stat\\.fi could not be reached through the proxy 127\\.0\\.0\\.1:${closed}`,
      ),
    );
  });

  it('says so when the service itself cannot be reached', async () => {
    const closed = await listen(createServer());
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const fetcher = httpFetcher({ cacheDir: cacheDir(), ...noProxy, timeoutMs: 5000 });
    const failure = await fetcher.fetch({ url: `http://127.0.0.1:${closed}/x` }).catch((e: unknown) => e);
    await fetcher.close();
    expect(failure).toBeInstanceOf(SourceUnreachable);
    expect((failure as Error).message).toMatch(
      /offline or proxy: 127\.0\.0\.1:\d+ could not be reached directly .*ECONNREFUSED/,
    );
  });
});

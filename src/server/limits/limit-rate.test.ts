import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, publicViewer, viewerWithRoles } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { buildServer } from '../server.js';
import { asRole, headerAccess } from '../testing.js';
import { sessionOrAddress } from './limit-rate.js';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await openSampleStore();
  app = await buildServer({
    store,
    webRoot: '/nonexistent',
    authenticator: headerAccess,
    limits: {
      signIn: { limit: 2, windowSeconds: 60 },
      heavy: { limit: 2, windowSeconds: 30 },
      // As sign-in will: the session when there is one (here a header stands for it), else the address.
      heavyClientOf: (request) => String(request.headers['x-test-session'] ?? request.ip),
    },
  });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const get = (url: string, from = '192.0.2.1', headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, remoteAddress: from, headers: { ...asRole('analyst'), ...headers } });

describe('rate limits', () => {
  it('answer sign-in requests past the limit with 429, Retry-After and the API error shape', async () => {
    expect((await get('/auth/login')).statusCode).not.toBe(429);
    expect((await get('/auth/callback?code=x')).statusCode).not.toBe(429);
    const refused = await get('/auth/login');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(ApiError.parse(refused.json())).toMatchObject({
      error: 'tooManyRequests',
      details: { retryAfterSeconds: Number(refused.headers['retry-after']) },
    });
    // Another address is counted apart.
    expect((await get('/auth/login', '192.0.2.2')).statusCode).not.toBe(429);
  });

  it('count the heavy routes together, per client, and leave the others alone', async () => {
    const from = '198.51.100.7';
    expect((await get('/api/indicators/no-such/comparison', from)).statusCode).toBe(404);
    expect((await get('/api/network/scenarios/none/result', from)).statusCode).not.toBe(429);
    const refused = await get('/api/reports/report.xlsx?set=1&period=2024', from);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: 'tooManyRequests' });
    expect((await get('/api/health', from)).statusCode).toBe(200);
    expect((await get('/api/indicators', from)).statusCode).toBe(200);
  });

  it('count a heavy request against its session when it has one, through the hook', async () => {
    const office = '203.0.113.9';
    for (const session of ['a', 'a']) {
      const response = await get('/api/indicators/no-such/comparison', office, { 'x-test-session': session });
      expect(response.statusCode).toBe(404);
    }
    const third = await get('/api/indicators/no-such/comparison', office, { 'x-test-session': 'a' });
    expect(third.statusCode).toBe(429);
    const colleague = await get('/api/indicators/no-such/comparison', office, { 'x-test-session': 'b' });
    expect(colleague.statusCode).toBe(404);
  });
});

describe('heavy requests by default', () => {
  it('are counted against the live session, else the address', async () => {
    const signedIn = { issuer: 'https://idp.example', subject: 'u1', name: 'U' };
    const live = new Set(['__Host-soteatlas=s1', '__Host-soteatlas=s2']);
    const keyOf = sessionOrAddress({
      viewerOf: async (request: FastifyRequest) =>
        live.has(String(request.headers.cookie))
          ? { ...viewerWithRoles(['planner']), user: signedIn }
          : publicViewer,
    });
    const request = (cookie: string | undefined, ip: string) =>
      ({ headers: cookie ? { cookie } : {}, ip }) as unknown as FastifyRequest;
    const first = await keyOf(request('__Host-soteatlas=s1', '192.0.2.1'));
    expect(first).toMatch(/^session [0-9a-f]{64}$/);
    expect(await keyOf(request('__Host-soteatlas=s1', '192.0.2.2'))).toBe(first);
    expect(await keyOf(request('__Host-soteatlas=s2', '192.0.2.1'))).not.toBe(first);
    expect(await keyOf(request('__Host-soteatlas=made-up', '192.0.2.1'))).toBe('address 192.0.2.1');
    expect(await keyOf(request(undefined, '192.0.2.1'))).toBe('address 192.0.2.1');
  });
});

describe('rate limits behind a reverse proxy', () => {
  it('count each client the trusted proxy forwards apart, and a forged forward from elsewhere as its sender', async () => {
    const proxied = await buildServer({
      store,
      webRoot: '/nonexistent',
      authenticator: headerAccess,
      limits: { signIn: { limit: 1, windowSeconds: 60 } },
      trustProxy: '10.0.0.1',
    });
    const signIn = (from: string, forwardedFor: string) =>
      proxied.inject({
        url: '/auth/login',
        remoteAddress: from,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    try {
      expect((await signIn('10.0.0.1', '192.0.2.10')).statusCode).not.toBe(429);
      expect((await signIn('10.0.0.1', '192.0.2.11')).statusCode).not.toBe(429);
      expect((await signIn('10.0.0.1', '192.0.2.10')).statusCode).toBe(429);
      // Not the proxy: what it claims to forward is not believed.
      expect((await signIn('192.0.2.99', '192.0.2.12')).statusCode).not.toBe(429);
      expect((await signIn('192.0.2.99', '192.0.2.13')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

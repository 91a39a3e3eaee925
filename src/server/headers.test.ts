import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { buildServer } from './server.js';
import { headerAccess } from './testing.js';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Soteatlas</title>');
  store = await openStore(':memory:');
  app = await buildServer({ store, webRoot, authenticator: headerAccess });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const securityHeaders = {
  'strict-transport-security': expect.stringMatching(/^max-age=\d{8,}/),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': expect.stringContaining("default-src 'self'"),
};

describe('the headers of every answer', () => {
  it('on the API: never cached, a request id, and the security headers', async () => {
    for (const url of ['/api/health', '/api/no-such-route', '/api/areas?level=nonsense', '/api/x/%E0']) {
      const response = await app.inject(url);
      expect(response.headers).toMatchObject({ 'cache-control': 'no-store', ...securityHeaders });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('on the web app: a strict content security policy that no one may frame', async () => {
    const page = await app.inject('/overview');
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject(securityHeaders);
    expect(page.headers['cache-control']).not.toBe('no-store');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('give each request its own id and never take one from the client', async () => {
    const first = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'forged' } });
    const second = await app.inject('/api/health');
    expect(first.headers['x-request-id']).not.toBe('forged');
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});

describe('CORS', () => {
  it('is off: a cross-origin preflight gets no Access-Control header', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/monitoring-sets',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('is off: a cross-origin read gets no Access-Control header either', async () => {
    const read = await app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
    expect(Object.keys(read.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../model/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import type { Authenticator } from './auth/index.js';
import { openRoutePaths } from './route.js';
import { apiRoutes } from './routes/index.js';
import { buildServer } from './server.js';
import { asRole, headerAccess } from './testing.js';

let store: Store;
let app: FastifyInstance;
const audited: AuditEntry[] = [];
const registered: RouteOptions[] = [];

/** Header access, except that a write proves its origin only with the token the app would send. */
const csrfChecked: Authenticator = {
  ...headerAccess,
  // The authenticator registers before the API routes, so a hook added here sees every one of them.
  register: async (server) => {
    server.addHook('onRoute', (route) => {
      registered.push(route);
    });
  },
  provesOrigin: (request) => request.headers['x-csrf-token'] === 'from-the-app',
};

beforeAll(async () => {
  store = await openSampleStore();
  app = await buildServer({
    store,
    webRoot: '/nonexistent',
    authenticator: csrfChecked,
    audit: { append: async (entry) => void audited.push(entry) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('every route declares the permission it needs', () => {
  it('registers no /api route without one, and only the allow-list open to anyone', () => {
    const api = registered.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThanOrEqual(apiRoutes.length);
    const undeclared = api
      .filter((r) => typeof (r.config as { permission?: unknown } | undefined)?.permission !== 'string')
      .map((r) => `${String(r.method)} ${r.url}`);
    expect(undeclared).toEqual([]);
    const open = api.filter((r) => (r.config as { permission: string }).permission === 'open');
    for (const route of open) expect(openRoutePaths).toContain(route.url);
    expect(open.map((r) => r.url)).toContain('/api/health');
  });
});

describe('a refused request', () => {
  it('answers 401 to someone not signed in, and records the denial', async () => {
    audited.length = 0;
    const response = await app.inject({ method: 'DELETE', url: '/api/monitoring-sets/1' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthorised' });
    expect(audited).toEqual([
      {
        roles: ['public'],
        scope: {},
        action: 'DELETE /api/monitoring-sets/:id',
        resource: '/api/monitoring-sets/1',
        parameters: { id: 1 },
        outcome: 'denied',
        status: 401,
        requestId: expect.any(String),
        sourceAddress: '127.0.0.1',
      },
    ]);
  });

  it('answers 403 to someone signed in without the permission, naming who it was', async () => {
    audited.length = 0;
    const response = await app.inject({
      method: 'GET',
      url: '/api/imports/2/rejects?limit=5',
      headers: asRole('producer', 'P1'),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
    expect(audited).toMatchObject([
      {
        user: { issuer: 'urn:test', subject: 'producer:P1' },
        roles: ['producer'],
        scope: { producerCode: 'P1' },
        action: 'GET /api/imports/:id/rejects',
        parameters: { id: 2, limit: 5, offset: 0, lang: 'fi' },
        outcome: 'denied',
        status: 403,
      },
    ]);
  });

  it('refuses before the body is read, so a malformed body from a stranger is still 401', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/targets',
      headers: { 'content-type': 'application/json' },
      payload: '{"indicatorId":',
    });
    expect(response.statusCode).toBe(401);
  });

  it('answers 403 to a change that does not prove it came from the app, whoever sends it', async () => {
    audited.length = 0;
    const forged = await app.inject({
      method: 'DELETE',
      url: '/api/monitoring-sets/1',
      headers: asRole('manager'),
    });
    expect(forged.statusCode).toBe(403);
    expect(audited).toMatchObject([{ outcome: 'denied', status: 403, roles: ['manager'] }]);
    const proven = await app.inject({
      method: 'DELETE',
      url: '/api/monitoring-sets/99',
      headers: { ...asRole('manager'), 'x-csrf-token': 'from-the-app' },
    });
    expect(proven.statusCode).toBe(404);
  });

  it('needs no proof of origin for a read sent as POST (a map layer)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/network/access.geojson',
      payload: { serviceClass: 'HC' },
    });
    expect(response.statusCode).toBe(200);
  });
});

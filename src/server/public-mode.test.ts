import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndicatorStore } from '../indicators/testing.js';
import { IndicatorResult } from '../model/index.js';
import type { Store } from '../store/index.js';
import { apiRoutes } from './routes/index.js';
import { buildServer } from './server.js';
import { asRole } from './testing.js';

// With no sign-in configured the server is public and read-only, whatever a client claims to be.
let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await openIndicatorStore();
  app = await buildServer({ store, webRoot: '/nonexistent' });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const samplePath = (path: string) => path.replace(/:(\w+)/g, '1');

/** The routes that change something: every POST, PUT and DELETE but the map layer read by POST. */
const writes = apiRoutes.filter((r) => r.method !== 'GET' && r.permission !== 'viewAggregates');

describe('public mode', () => {
  it.each(writes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s answers 401, even to a client claiming a role',
    async (_name, route) => {
      const response = await app.inject({
        method: route.method,
        url: samplePath(route.path),
        headers: asRole('analyst'),
        payload: {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorised' });
    },
  );

  it('serves figures after disclosure control only', async () => {
    const response = await app.inject({
      url: '/api/indicators/hc-visits-per-1000?year=2023',
      headers: asRole('analyst'),
    });
    expect(response.statusCode).toBe(200);
    const result = IndicatorResult.parse(response.json());
    expect(result.metadata.suppression).toBe('primaryAndComplementary');
    expect(result.values.find((v) => v.areaCode === '103')).toMatchObject({ value: null, suppressed: true });
  });

  it('keeps what needs more than the public role from everyone', async () => {
    for (const url of ['/api/imports', '/api/needs-standardised-cost'])
      expect((await app.inject({ url, headers: asRole('analyst') })).statusCode, url).toBe(401);
  });
});

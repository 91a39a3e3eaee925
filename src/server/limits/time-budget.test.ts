import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../model/index.js';
import { openStore, type Store } from '../../store/index.js';
import { registerRoute } from '../register.js';
import { defineRoute } from '../route.js';
import { buildServer } from '../server.js';
import { headerAccess, testRouteContext } from '../testing.js';

/** Minutes of work for DuckDB: a sum over a trillion pairs. */
const slowQuery = 'SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b';

let store: Store;
let app: FastifyInstance;
/** What the slow route's handler saw in the end: its signal, and what its query did. */
let seen: Promise<{ aborted: boolean; outcome: string }>;

beforeAll(async () => {
  store = await openStore(':memory:');
  app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
  const context = await testRouteContext(store);
  registerRoute(
    app,
    context,
    defineRoute({
      path: '/api/test/slow',
      summary: 'a query that takes minutes',
      tag: 'test',
      permission: 'viewAggregates',
      timeBudgetSeconds: 0.3,
      response: z.unknown(),
      handler: async ({ store: given, signal }) => {
        const query = given.all(slowQuery);
        seen = query.then(
          () => ({ aborted: signal.aborted, outcome: 'finished' }),
          (error: Error) => ({ aborted: signal.aborted, outcome: error.message }),
        );
        return query;
      },
    }),
  );
  registerRoute(
    app,
    context,
    defineRoute({
      path: '/api/test/quick',
      summary: 'a query well within its budget',
      tag: 'test',
      permission: 'viewAggregates',
      timeBudgetSeconds: 5,
      response: z.unknown(),
      handler: ({ store: given }) => given.all('SELECT 42 AS n'),
    }),
  );
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('a route over its time budget', () => {
  it('answers 503 timedOut in the API error shape, soon after the budget', async () => {
    const started = Date.now();
    const response = await app.inject('/api/test/slow');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.statusCode).toBe(503);
    expect(ApiError.parse(response.json())).toMatchObject({
      error: 'timedOut',
      details: { timeBudgetSeconds: 0.3 },
    });
  });

  it('aborts the request signal and interrupts the running query', async () => {
    const { aborted, outcome } = await seen;
    expect(aborted).toBe(true);
    expect(outcome).toMatch(/interrupt/i);
  });

  it('leaves the store working for the next request, and answers work within its budget', async () => {
    const response = await app.inject('/api/test/quick');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ n: 42 }]);
    expect(await store.all('SELECT 1 AS n')).toEqual([{ n: 1 }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProducerList, ServiceClassList, StoreStatus } from '../../model/index.js';
import { openStore } from '../../store/index.js';
import { buildServer } from '../server.js';
import { getJson, headerAccess, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

describe('system and catalogue routes', () => {
  it('GET /api/health answers once the store does', async () => {
    expect(await getJson(server.app, '/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', schemaVersion: 1 },
    });
  });

  it('GET /api/status tells what the store holds', async () => {
    const status = StoreStatus.parse((await getJson(server.app, '/api/status')).body);
    expect(status.counts).toMatchObject({ areas: 6, population: 10, units: 2, imports: 2 });
    expect(status.years.population).toEqual([2023, 2024]);
  });

  it('GET /api/producers and /api/service-classes list the catalogues', async () => {
    const producers = ProducerList.parse((await getJson(server.app, '/api/producers')).body);
    expect(producers.map((p) => [p.code, p.kind, p.unitCount])).toEqual([
      ['P1', 'own', 1],
      ['P2', 'purchased', 1],
    ]);
    const classes = ServiceClassList.parse((await getJson(server.app, '/api/service-classes')).body);
    expect(classes.map((c) => c.code)).toContain('HC');
  });

  it('answers an unknown API path with a JSON 404, whatever the web app', async () => {
    expect(await getJson(server.app, '/api/nothing-here?x=1')).toEqual({
      status: 404,
      type: 'application/json; charset=utf-8',
      body: { error: 'notFound', message: 'There is no API route GET /api/nothing-here.' },
    });
  });
});

describe('a request that cannot be routed', () => {
  it('answers 400 in the API error shape', async () => {
    const { status, body } = await getJson(server.app, '/api/imports/%E0/rejects');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalidRequest', message: expect.stringContaining('not a valid url') });
  });
});

describe('a failure inside a handler', () => {
  it('answers 500 with a JSON error that tells nothing of the internals', async () => {
    const store = await openStore(':memory:');
    const app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
    store.close();
    const response = await app.inject('/api/status');
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'internal',
      message: 'Something failed on the server; the log has the details.',
      requestId: response.headers['x-request-id'],
    });
  });
});

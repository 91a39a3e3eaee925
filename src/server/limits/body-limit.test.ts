import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../model/index.js';
import { asRole, openTestServer } from '../testing.js';
import { defaultBodyLimitBytes } from './body-limit.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

/** A JSON body of about `bytes` bytes: a set whose description is padding. */
const bodyOf = (bytes: number) => JSON.stringify({ name: 'Big', description: 'x'.repeat(bytes), items: [] });

describe('body size limits', () => {
  it('refuse a body over the default limit with 413 tooLarge, before the handler runs', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/monitoring-sets',
      headers: { ...asRole('analyst'), 'content-type': 'application/json' },
      payload: bodyOf(defaultBodyLimitBytes),
    });
    expect(response.statusCode).toBe(413);
    expect(ApiError.parse(response.json())).toMatchObject({ error: 'tooLarge' });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('take a body under the limit as before', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/monitoring-sets',
      headers: { ...asRole('analyst'), 'content-type': 'application/json' },
      payload: bodyOf(10_000),
    });
    // Read and checked: the description is over the schema's 2000 characters.
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalidRequest', details: { where: 'body' } });
  });

  it('let a route take more when it says so: a scenario of hundreds of changes', async () => {
    const changes = Array.from({ length: 400 }, (_, i) => ({
      kind: 'open',
      unitCode: `NEW${i}`,
      name: `A new health station number ${i} with a long name`,
      serviceClasses: ['PTH'],
      x: 385000,
      y: 6672000,
      capacityPerYear: 1000,
    }));
    const payload = JSON.stringify({ name: 'Many', changes });
    expect(payload.length).toBeGreaterThan(defaultBodyLimitBytes);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/network/evaluate',
      headers: { ...asRole('planner'), 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).not.toBe(413);
  });
});

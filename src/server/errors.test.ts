import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, type ErrorCode, SoteatlasError } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { errorAnswer } from './errors.js';
import { registerRoute } from './register.js';
import { defineRoute } from './route.js';
import { buildServer } from './server.js';
import { asRole, headerAccess, testRouteContext } from './testing.js';

/** The statuses as HTTP defines them for each code: the table in errors.ts must say the same. */
const expected: Record<ErrorCode, number> = {
  invalidRequest: 400,
  unauthorised: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  invalidDataset: 422,
  tooLarge: 413,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
  timedOut: 503,
};

let store: Store;
let app: FastifyInstance;
let thrown: unknown;
/** The server log, one JSON line each. */
const logLines: string[] = [];
beforeAll(async () => {
  store = await openStore(':memory:');
  // With a built web app, as in production: serving it must not take errors away from the API's handler.
  const webRoot = mkdtempSync(join(tmpdir(), 'web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Soteatlas</title>');
  app = await buildServer({
    store,
    webRoot,
    authenticator: headerAccess,
    logger: { level: 'error', stream: { write: (line: string) => logLines.push(line) } },
  });
  // A route whose handler throws whatever the test puts in `thrown`, registered as every API route is.
  registerRoute(
    app,
    await testRouteContext(store),
    defineRoute({
      path: '/api/test/throw',
      summary: 'throws',
      tag: 'test',
      permission: 'viewAggregates',
      query: z.strictObject({ year: z.coerce.number().int().optional() }),
      response: z.unknown(),
      handler: async () => {
        throw thrown;
      },
    }),
  );
});
afterAll(async () => {
  await app.close();
  store.close();
});

const answerTo = async (error: unknown, query = '') => {
  thrown = error;
  const response = await app.inject(`/api/test/throw${query}`);
  return { status: response.statusCode, body: response.json(), requestId: response.headers['x-request-id'] };
};

const internalMessage = 'Something failed on the server; the log has the details.';

describe('an error thrown by an engine', () => {
  it.each(Object.entries(expected))('with code %s answers %i and names the code', async (code, status) => {
    const answer = await answerTo(
      new SoteatlasError(code as ErrorCode, 'What happened, for developers.', { details: { id: 7 } }),
    );
    expect(answer.status).toBe(status);
    expect(ApiError.parse(answer.body)).toEqual(
      code === 'internal'
        ? { error: 'internal', message: internalMessage, requestId: answer.requestId }
        : { error: code, message: 'What happened, for developers.', details: { id: 7 } },
    );
  });

  it('answers a plain Error, a defect, with 500 internal and tells nothing of it but the request id', async () => {
    const defect = new Error('secret path /home/x in SELECT * FROM users');
    const answer = await answerTo(defect);
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer).toEqual({
      status: 500,
      body: { error: 'internal', message: internalMessage, requestId: answer.requestId },
      requestId: answer.requestId,
    });
    const told = JSON.stringify(answer.body);
    for (const secret of ['/home/x', 'SELECT', 'at ', '.ts', 'Error']) expect(told).not.toContain(secret);
    // The details are in the server log, found by the request id.
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.reqId === answer.requestId);
    expect(logged?.err).toMatchObject({
      message: defect.message,
      stack: expect.stringContaining('errors.test'),
    });
  });

  it('answers whatever else is thrown (a string, an object with a status of 500) alike', async () => {
    for (const odd of ['plain text', { statusCode: 502, message: 'upstream at 10.0.0.1' }, null]) {
      const answer = await answerTo(odd);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        error: 'internal',
        message: internalMessage,
        requestId: answer.requestId,
      });
    }
  });

  it('answers a request that fails its schema with invalidRequest and the failed checks by path', async () => {
    const answer = await answerTo(undefined, '?year=abc&colour=red');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalidRequest', details: { where: 'query' } });
    expect(answer.body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['', 'year']);
  });

  it('answers from the routes of the table alike, with the web app served beside them', async () => {
    const producer = await app.inject({
      method: 'POST',
      url: '/api/monitoring-sets',
      headers: { 'x-soteatlas-role': 'producer', 'x-soteatlas-producer': 'P1' },
      payload: { name: 'Z', items: [] },
    });
    expect(producer.statusCode).toBe(403);
    expect(producer.json()).toEqual({
      error: 'forbidden',
      message: 'This needs the permission editTargets.',
    });
    const missing = await app.inject('/api/indicators/no-such-indicator');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'notFound', message: 'No indicator no-such-indicator.' });
  });

  it('answers a body that is not JSON with invalidRequest', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/monitoring-sets',
      headers: { 'content-type': 'application/json', ...asRole('manager') },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalidRequest' });
  });

  it('answers a write to a store opened read-only (servers sharing it) with 503 unavailable, in its own words', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'soteatlas-read-only-')), 'store.duckdb');
    (await openStore(path)).close();
    const readOnly = await openStore(path, { readOnly: true });
    const error = await readOnly
      .run("INSERT INTO road_network_active VALUES ('x', now())")
      .catch((e: unknown) => e);
    readOnly.close();
    expect(errorAnswer(error, 'r-1')).toEqual({
      status: 503,
      body: {
        error: 'unavailable',
        message:
          'This server serves its store read-only, beside other servers; import into a copy of the store from the command line.',
      },
    });
  });
});

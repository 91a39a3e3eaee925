import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore, type Store } from '../store/index.js';
import { registerRoute } from './register.js';
import { defineRoute } from './route.js';
import { buildServer } from './server.js';
import { asRole, headerAccess, testRouteContext } from './testing.js';

/** A few turns of the event loop: whatever Node emits once a request's body has been read has fired. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

let store: Store;
let app: FastifyInstance;
let port: number;
/** The waiting route's handler has started; the test then goes away. */
let started: () => void;
let abortSeen: Promise<boolean>;

beforeAll(async () => {
  store = await openStore(':memory:');
  app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
  const context = await testRouteContext(store);
  const body = z.object({ n: z.number() });
  registerRoute(
    app,
    context,
    defineRoute({
      method: 'POST',
      path: '/api/test/posted',
      summary: 'answers whether its signal was aborted while it worked',
      tag: 'test',
      permission: 'viewAggregates',
      body,
      response: z.unknown(),
      handler: async ({ store: given, signal }) => {
        await given.all('SELECT 1');
        await settle();
        return { aborted: signal.aborted };
      },
    }),
  );
  registerRoute(
    app,
    context,
    defineRoute({
      method: 'POST',
      path: '/api/test/waits',
      summary: 'works until its client goes away',
      tag: 'test',
      permission: 'viewAggregates',
      body,
      response: z.unknown(),
      handler: ({ signal }) => {
        abortSeen = new Promise((resolve) => signal.addEventListener('abort', () => resolve(true)));
        started();
        return abortSeen;
      },
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  store.close();
});

const post = (path: string) =>
  httpRequest({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...asRole('analyst') },
  });

describe("a route's signal", () => {
  it('stays quiet while the client that sent a body waits for the answer', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = post('/api/test/posted');
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ n: 1 }));
    });
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ aborted: false });
  });

  it('aborts when the client goes away before the answer', async () => {
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const req = post('/api/test/waits');
    req.on('error', () => undefined);
    req.end(JSON.stringify({ n: 1 }));
    await handlerStarted;
    req.destroy();
    expect(await abortSeen).toBe(true);
  });
});

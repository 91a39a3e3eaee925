import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Soteatlas</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1);');
  store = await openStore(':memory:');
  app = await buildServer({ store, webRoot, authenticator: headerAccess });
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('the web app', () => {
  it('is served from the web root', async () => {
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>Soteatlas</title>');
    const script = await app.inject('/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it("answers the app's own pages with index.html, so that deep links work", async () => {
    const page = await app.inject('/data/areas?lang=sv');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Soteatlas</title>');
  });

  it('answers a missing file with 404, not with the page', async () => {
    const missing = await app.inject('/assets/gone.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>');
  });

  it('keeps /api out of the fallback', async () => {
    const response = await app.inject('/api/gone');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'notFound' });
  });

  it('says how to build the app when it has not been built', async () => {
    const bare = await buildServer({
      store,
      webRoot: join(tmpdir(), 'no-such-web-root'),
      authenticator: headerAccess,
    });
    const page = await bare.inject('/');
    await bare.close();
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('npm run build');
  });
});

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../importers/testing.js';
import { type DemoProvider, freePort, startDemoProvider } from '../server/index.js';
import { asRole, signInWith, testBrowser } from '../server/testing.js';
import { createTestDatabase } from '../state/testing.js';
import { openStore } from '../store/index.js';

const bin = fileURLToPath(new URL('../../bin/soteatlas.js', import.meta.url));
const fixture = fileURLToPath(new URL('./server-process.fixture.ts', import.meta.url));

/** Starts a process and waits for the address it says it serves at. */
const serving = (args: string[]): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SOTEATLAS_AUDIT_KEY: '' },
    });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving:\n${output}`)));
  });

/** The body of a county-level target for visits per 1 000 residents. */
const countyTarget = (period: string, targetValue: number): string =>
  JSON.stringify({
    indicatorId: 'hc-visits-per-1000',
    scope: { level: 'county', code: null },
    period,
    targetValue,
    direction: 'higherIsBetter',
    tolerance: 1,
  });

const stopped = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('two server processes on one PostgreSQL state', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const children: ChildProcess[] = [];
  let cli: string;
  let other: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = join(tempDir(), 'store.duckdb');
    (await openStore(db)).close();
    // Started together on one store file, opened read-only by both, and one fresh state they migrate.
    const [real, withHeaders] = await Promise.all([
      serving([bin, 'serve', '--db', db, '--state', database.url, '--port', '0']),
      serving(['--import', 'tsx', fixture, db, database.url]),
    ]);
    children.push(real.child, withHeaders.child);
    cli = real.url;
    other = withHeaders.url;
  });

  afterAll(async () => {
    await Promise.all(children.map(stopped));
    await database?.drop();
  });

  it('see one state: an edit made through one is seen by the other, and both seed the shipped sets once', async () => {
    const [fromCli, fromOther] = await Promise.all([
      fetch(`${cli}/api/monitoring-sets`).then((r) => r.json()),
      fetch(`${other}/api/monitoring-sets`, { headers: asRole('manager') }).then((r) => r.json()),
    ]);
    expect(fromCli).toEqual(fromOther);
    expect((fromCli as { name: string }[]).map((s) => s.name)).toEqual(['Top management monitoring set']);

    const saved = await fetch(`${other}/api/targets`, {
      method: 'POST',
      headers: { ...asRole('manager'), 'content-type': 'application/json' },
      body: countyTarget('2031', 7),
    });
    expect(saved.status).toBe(200);
    const target = (await saved.json()) as { id: number };
    const seen = await fetch(`${cli}/api/targets/${target.id}`);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ id: target.id, period: '2031', targetValue: 7 });
    // The public server process refuses the edit itself: it has no sign-in configured.
    const refused = await fetch(`${cli}/api/targets/${target.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(401);
  });
});

describe('two signed-in server processes on one PostgreSQL state', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let provider: DemoProvider;
  const children: ChildProcess[] = [];
  const dir = tempDir();
  const db = join(dir, 'store.duckdb');
  const urls: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    (await openStore(db)).close();
    const ports = [await freePort(), await freePort()];
    const appUrls = ports.map((port) => `http://localhost:${port}`);
    // One identity provider, as a county has one: people sign in at the first process.
    provider = await startDemoProvider(appUrls[0] ?? '');
    for (const [i, port] of ports.entries()) {
      const settings = join(dir, `sign-in-${i}.json`);
      writeFileSync(settings, JSON.stringify({ ...provider.settings, appUrl: appUrls[i] }));
      // One after the other: the first makes the audit key beside the store, which the second reads.
      const started = await serving([
        ...[bin, 'serve', '--db', db, '--state', database.url],
        ...['--port', String(port), '--sign-in', settings],
      ]);
      children.push(started.child);
      urls.push(started.url);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(children.map(stopped));
    await provider?.close();
    await database?.drop();
  });

  it('share a session, an edit and one audit chain', async () => {
    const [first = '', second = ''] = urls;
    const browser = testBrowser();
    const landed = await signInWith(browser, first, 'manager');
    await landed.body?.cancel();
    const cookie = browser.cookie(first, '__Host-soteatlas');
    expect(cookie).toBeDefined();
    // The same cookie, carried to the other process, is the same session there.
    browser.setCookie(second, '__Host-soteatlas', cookie ?? '');
    const session = (await (await browser.request(`${second}/api/session`)).json()) as {
      user?: { name: string };
      roles: string[];
      csrfToken: string;
    };
    expect(session).toMatchObject({ user: { name: 'Matti Johtaja' }, roles: ['manager'] });

    const saved = await browser.request(`${second}/api/targets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: countyTarget('2032', 8),
    });
    expect(saved.status).toBe(200);
    const target = (await saved.json()) as { id: number };
    const seen = await browser.request(`${first}/api/targets/${target.id}`);
    expect(await seen.json()).toMatchObject({ id: target.id, period: '2032', targetValue: 8 });

    // Signed out at one process is signed out at both.
    const out = await browser.request(`${first}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': session.csrfToken, origin: first },
    });
    expect(out.status).toBe(204);
    browser.setCookie(second, '__Host-soteatlas', cookie ?? '');
    const after = (await (await browser.request(`${second}/api/session`)).json()) as { user?: unknown };
    expect(after.user).toBeUndefined();

    // Both processes appended to one chain, and it verifies.
    const verified = await promisify(execFile)(
      process.execPath,
      [bin, 'audit', 'verify', '--db', db, '--state', database.url],
      { env: { ...process.env, SOTEATLAS_AUDIT_KEY: '' } },
    );
    expect(verified.stdout).toMatch(/^The audit log verifies: \d+ rows/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client
      .query<{ action: string; outcome: string }>(
        `SELECT action, outcome FROM state.audit_log
         WHERE action IN ('signIn', 'signOut', 'POST /api/targets', 'GET /api/targets/:id') ORDER BY seq`,
      )
      .finally(() => client.end());
    expect(rows).toEqual([
      { action: 'signIn', outcome: 'ok' },
      { action: 'POST /api/targets', outcome: 'ok' },
      { action: 'GET /api/targets/:id', outcome: 'ok' },
      { action: 'signOut', outcome: 'ok' },
    ]);
  });
});

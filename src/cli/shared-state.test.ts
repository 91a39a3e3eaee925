import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../importers/testing.js';
import { asRole } from '../server/testing.js';
import { createTestDatabase } from '../state/testing.js';
import { openStore } from '../store/index.js';

const bin = fileURLToPath(new URL('../../bin/soteatlas.js', import.meta.url));
const fixture = fileURLToPath(new URL('./server-process.fixture.ts', import.meta.url));

/** Starts a process and waits for the address it says it serves at. */
const serving = (args: string[]): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
  }, 120_000);

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
      body: JSON.stringify({
        indicatorId: 'hc-visits-per-1000',
        scope: { level: 'county', code: null },
        period: '2031',
        targetValue: 7,
        direction: 'higherIsBetter',
        tolerance: 1,
      }),
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

  // Sessions and the audit chain shared between the two processes are checked here too, once spawned
  // servers can sign people in: a session made through one is honoured by the other, and the audit rows
  // both append verify as one chain.
});

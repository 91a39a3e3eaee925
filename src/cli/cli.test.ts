import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eventHeader, eventRow, referenceFiles, tempDir, writeText } from '../importers/testing.js';

const bin = fileURLToPath(new URL('../../bin/soteatlas.js', import.meta.url));
const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('soteatlas import', () => {
  it('prints one JSON summary line; exit 0 imported, 2 refused, 1 on errors; status reports it', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.duckdb');
    for (const kind of ['areas', 'producers', 'units'] as const) {
      const result = await run(
        'import',
        writeText(dir, `${kind}.csv`, referenceFiles[kind]),
        '--kind',
        kind,
        '--db',
        db,
      );
      expect(result.code).toBe(0);
    }
    const events = writeText(dir, 'events.csv', [
      eventHeader,
      eventRow('E1'),
      eventRow('E2', { age: '130' }),
    ]);
    const rejects = join(dir, 'rejects.csv');
    const imported = await run('import', events, '--kind', 'events', '--db', db, '--rejects', rejects);
    expect(imported.code).toBe(0);
    const lines = imported.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      refused: false,
      reason: null,
    });

    const identity = join(dir, 'identity.csv');
    writeFileSync(identity, `${eventHeader}\n${eventRow('E3', { key: '131052-308T' })}\n`);
    const refused = await run('import', identity, '--kind', 'events', '--db', db);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      refused: true,
      rowsRead: 1,
      rowsAccepted: 0,
      rowsRejected: 1,
    });
    expect(refused.stdout).not.toContain('131052-308T');

    expect((await run('import', join(dir, 'missing.csv'), '--kind', 'events', '--db', db)).code).toBe(1);
    expect((await run('import', events, '--kind', 'nonsense', '--db', db)).code).toBe(1);

    const status = await run('status', '--db', db, '--json');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { counts: Record<string, number>; imports: unknown[] };
    expect(parsed.counts.events).toBe(1);
    expect(parsed.imports).toHaveLength(4);
  });
});

describe('soteatlas import, interrupted with Ctrl-C', () => {
  it('cancels, exits 130 and leaves the store as it was', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.duckdb');
    for (const kind of ['areas', 'producers', 'units'] as const) {
      await run('import', writeText(dir, `${kind}.csv`, referenceFiles[kind]), '--kind', kind, '--db', db);
    }
    const lines = [eventHeader];
    for (let i = 0; i < 600_000; i++) lines.push(eventRow(`E${i}`));
    const big = writeText(dir, 'big.csv', lines);
    // The child stages the file under its own temporary folder, so the test can see when it is under way.
    const childTmp = join(dir, 'tmp');
    mkdirSync(childTmp);
    const child = spawn(process.execPath, [bin, 'import', big, '--kind', 'events', '--db', db], {
      stdio: 'pipe',
      env: { ...process.env, TMPDIR: childTmp },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // SIGINT is what Ctrl-C sends; it comes once the import has started staging rows, however slowly
    // the machine starts the command.
    const staging = setInterval(() => {
      if (readdirSync(childTmp).some((name) => name.startsWith('soteatlas-import-'))) {
        clearInterval(staging);
        child.kill('SIGINT');
      }
    }, 50);
    const code = await exited;
    clearInterval(staging);
    const status = JSON.parse((await run('status', '--db', db, '--json')).stdout) as {
      counts: Record<string, number>;
    };
    if (code === 0) {
      // The import finished before the signal came: then it is there whole.
      expect(status.counts.events).toBe(600_000);
    } else {
      expect(code).toBe(130);
      expect(stderr).toContain('cancelled');
      expect(status.counts.events).toBe(0);
      expect(status.counts.imports).toBe(3);
    }
  });
});

describe('a command meeting the store of a running server', () => {
  it('says which process holds it and what to do, not a database lock error', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.duckdb');
    const server = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], { stdio: 'pipe' });
    try {
      let said = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d: Buffer) => {
          said += d.toString();
          if (said.includes('sign-in is not configured')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`serve ended with ${code}`)));
      });
      // With no sign-in configured, it says that access is public and read-only.
      expect(said).toMatch(/is running at .*\n.*public, read-only: sign-in is not configured/);
      const events = writeText(dir, 'events.csv', [eventHeader, eventRow('E1')]);
      const result = await run('import', events, '--kind', 'events', '--db', db);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by a running soteatlas server (PID ${server.pid}`);
      expect(result.stderr).toContain('Stop `soteatlas serve`');
      expect(result.stderr).toContain('--db');
      expect(result.stderr).not.toMatch(/IO Error|Could not set lock/);
    } finally {
      server.kill('SIGTERM');
    }
  });
});

describe('soteatlas import --lang', () => {
  it('words the refusal in the language asked for, English by default; refuses an unknown language', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.duckdb');
    const headerOnly = writeText(dir, 'header.csv', [eventHeader]);
    const finnish = await run('import', headerOnly, '--kind', 'events', '--db', db, '--lang', 'fi');
    expect(finnish.code).toBe(2);
    expect(JSON.parse(finnish.stdout)).toMatchObject({
      refused: true,
      reason: 'tiedostossa on otsikkorivi mutta ei yhtään tietoriviä',
      refusal: { code: 'headerOnly', params: {} },
    });
    const english = await run('import', headerOnly, '--kind', 'events', '--db', db);
    expect(JSON.parse(english.stdout).reason).toBe('the file has a header row but no data rows');
    expect((await run('import', headerOnly, '--kind', 'events', '--db', db, '--lang', 'de')).code).toBe(1);
  });
});

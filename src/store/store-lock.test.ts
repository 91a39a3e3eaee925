import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isSoteatlasError } from '../model/index.js';
import { openStore } from './store.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** Another process that opens the store file and keeps it open until killed, as a running server does. */
const holdStore = async (path: string): Promise<ChildProcess> => {
  const script = `import { DuckDBInstance } from '@duckdb/node-api';
    const instance = await DuckDBInstance.create(${JSON.stringify(path)});
    await instance.connect();
    process.stdout.write('holding\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: repository });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => data.toString().includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`the holding process ended with ${code}`)));
  });
  return child;
};

let holder: ChildProcess | undefined;
afterEach(() => {
  holder?.kill();
  holder = undefined;
});

describe('a store held by another process', () => {
  it('is refused in words that name the process and say what to do', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'soteatlas-lock-')), 'store.duckdb');
    (await openStore(path)).close();
    holder = await holdStore(path);
    const error = await openStore(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSoteatlasError(error, 'unavailable')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`the store ${path} is in use by another process (PID ${holder.pid}`);
    expect(message).toContain('Stop `soteatlas serve`');
    expect(message).toContain('another store with --db');
    expect(message).not.toMatch(/IO Error|Could not set lock/);
    // Read-only opening (the indicators command) meets the same lock and the same words.
    await expect(openStore(path, { readOnly: true })).rejects.toThrow(`PID ${holder.pid}`);
  });
});

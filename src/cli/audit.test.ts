import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../importers/testing.js';
import { openAuditLog, openState, readAuditKey } from '../state/index.js';
import { createTestDatabase, sampleAuditEntry, stateBackends } from '../state/testing.js';
import { openStore } from '../store/index.js';

const bin = fileURLToPath(new URL('../../bin/soteatlas.js', import.meta.url));
const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, SOTEATLAS_AUDIT_KEY: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe.each(stateBackends)('soteatlas audit (%s state)', (backend) => {
  const dir = tempDir();
  const db = join(dir, 'store.duckdb');
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let stateArgs: string[] = [];

  /** Runs `work` on the state as the server would have it, with the key beside the store. */
  const onState = async (work: (state: Awaited<ReturnType<typeof openState>>) => Promise<void>) => {
    const store = await openStore(db);
    const state = await openState({ store, county: '00', ...(database && { url: database.url }) });
    try {
      await work(state);
    } finally {
      await state.close();
      store.close();
    }
  };

  beforeAll(async () => {
    database = backend === 'postgres' ? await createTestDatabase() : undefined;
    stateArgs = ['--db', db, ...(database ? ['--state', database.url] : [])];
    await onState(async (state) => {
      const log = openAuditLog(state, readAuditKey({ storePath: db, env: {}, create: true }));
      for (const requestId of ['r1', 'r2', 'r3', 'r4']) await log.append(sampleAuditEntry({ requestId }));
    });
  });
  afterAll(() => database?.drop());

  it('exports an anchor of a log that verifies, then catches a truncated tail and names a changed row', async () => {
    const anchor = join(dir, 'anchor.json');
    const exported = await run('audit', 'export-anchor', ...stateArgs, '--out', anchor);
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining('at row 4') });

    await onState((state) => state.run('DELETE FROM state.audit_log WHERE seq = 4'));
    const truncated = await run('audit', 'verify', ...stateArgs, '--anchor', anchor, '--json');
    expect(truncated.code).toBe(2);
    expect(JSON.parse(truncated.stdout).problem).toMatchObject({ seq: 4, kind: 'truncated' });

    await onState((state) => state.run("UPDATE state.audit_log SET outcome = 'denied' WHERE seq = 2"));
    const changed = await run('audit', 'verify', ...stateArgs);
    expect(changed.code).toBe(2);
    expect(changed.stdout).toContain('Row 2 does not match its HMAC');
    expect((await run('audit', 'prune', ...stateArgs)).stderr).toContain('does not verify');
  });
});

describe('soteatlas audit verify and prune', () => {
  it('verifies a log, and prunes nothing younger than the retention', async () => {
    const db = join(tempDir(), 'store.duckdb');
    const store = await openStore(db);
    const state = await openState({ store, county: '00' });
    await openAuditLog(state, readAuditKey({ storePath: db, env: {}, create: true })).append(
      sampleAuditEntry(),
    );
    await state.close();
    store.close();
    expect(await run('audit', 'verify', '--db', db)).toMatchObject({
      code: 0,
      stdout: 'The audit log verifies: 1 rows, rows 1–1.\n',
    });
    const pruned = await run('audit', 'prune', '--db', db, '--retention-years', '1');
    expect(pruned).toMatchObject({ code: 0, stdout: 'No rows older than 1 years.\n' });
  });
});

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/testing.js';
import { Scenario, ScenarioComparison, ScenarioResult } from '../../model/index.js';
import { openSampleStore } from '../../store/testing.js';

const bin = fileURLToPath(new URL('../../../bin/soteatlas.js', import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const dir = tempDir();
const db = join(dir, 'sample.duckdb');

// The sample store of src/store/test-fixture.ts, written to a file the command can open.
beforeAll(async () => {
  const store = await openSampleStore();
  await store.run(`ATTACH '${db}' AS target`);
  await store.run('COPY FROM DATABASE memory TO target');
  await store.run('DETACH target');
  store.close();
});

// Each run starts the whole CLI, so one pass goes through create, compare and access.
describe('soteatlas network', () => {
  it('saves a scenario, compares it with the base network and reports access as JSON', async () => {
    const changes = join(dir, 'changes.json');
    writeFileSync(changes, JSON.stringify([{ kind: 'close', unitCode: 'U1' }]));
    const created = await run(
      'network',
      'scenario',
      'create',
      '--name',
      'Ilman U1',
      '--changes',
      changes,
      '--db',
      db,
      '--json',
    );
    expect(created.code).toBe(0);
    const scenario = Scenario.parse(JSON.parse(created.stdout));
    expect(scenario).toMatchObject({ name: 'Ilman U1', version: 1, baseYear: 2024 });

    const compared = await run('network', 'scenario', 'compare', 'base', scenario.id, '--db', db, '--json');
    expect(compared.code).toBe(0);
    const comparison = ScenarioComparison.parse(JSON.parse(compared.stdout));
    expect(comparison.rows.find((r) => r.metric === 'openUnits')?.differences).toEqual([0, -1]);

    const access = await run('network', 'access', '--class', 'HC', '--db', db, '--json');
    expect(access.code).toBe(0);
    const result = ScenarioResult.parse(JSON.parse(access.stdout));
    expect(result.classes.map((c) => c.serviceClass)).toEqual(['HC']);
    expect(result.classes[0]?.within[0]?.all).toBe(1);

    const missing = await run('network', 'scenario', 'evaluate', 'nope', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no scenario nope/);
  });

  it('spells the optimisation command optimise and keeps optimize as its alias', async () => {
    for (const name of ['optimise', 'optimize']) {
      const help = await run('network', name, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: soteatlas network optimise\|optimize /);
    }
  });
});

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/testing.js';
import { miniTotal, miniWorkbookExpected, writeMiniWorkbook } from '../../indicators/testing.js';

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

// THL's real workbook is checked against its published totals in src/indicators/need/workbook.test.ts;
// here the command itself, on a small workbook, since each run starts the whole CLI.
describe('soteatlas need-coefficients', () => {
  it('prints per area its name and health, social, elderly and total coefficients', async () => {
    const workbook = join(tempDir(), 'thl.xlsx');
    await writeMiniWorkbook(workbook);
    const json = await run('need-coefficients', '--workbook', workbook, '--year', '2022', '--json');
    expect(json.code).toBe(0);
    const areas = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(areas.map((a) => Object.keys(a))).toEqual(
      Array(3).fill(['name', 'health', 'social', 'elderly', 'total']),
    );
    expect(areas[0]?.name).toBe('Alfan hyvinvointialue');
    expect(areas[0]?.total).toBeCloseTo(miniTotal(miniWorkbookExpected.A), 12);
    expect(areas[2]).toEqual({ name: 'Koko maa', health: 1, social: 1, elderly: 1, total: 1 });

    const table = await run('need-coefficients', '--workbook', workbook, '--year', '2022');
    expect(table.stdout).toMatch(/Beetan hyvinvointialue\s+0\.9854\s+0\.9000\s+0\.7644\s+0\.9156/);

    const missing = await run('need-coefficients', '--workbook', workbook, '--year', '2019');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no year 2019; it has 2022/);
  });
});

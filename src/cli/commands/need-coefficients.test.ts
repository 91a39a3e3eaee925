import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/test-fixtures.js';
import { readThlNeedWorkbook } from '../../indicators/need/index.js';
import { miniTotal, miniWorkbookExpected, writeMiniWorkbook } from '../../indicators/need/test-workbook.js';

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

const thlDir = fileURLToPath(new URL('../../../../shared/data/thl-need-coefficients/', import.meta.url));
const thlWorkbook = existsSync(thlDir)
  ? readdirSync(thlDir)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(thlDir, f))[0]
  : undefined;

describe.skipIf(!thlWorkbook)('soteatlas need-coefficients on THL’s published workbook', () => {
  it('prints the 21 counties, Helsinki and the country with THL’s own totals to 4 decimals', async () => {
    const workbook = thlWorkbook ?? '';
    const { code, stdout } = await run(
      'need-coefficients',
      '--workbook',
      workbook,
      '--year',
      '2023',
      '--json',
    );
    expect(code).toBe(0);
    const areas = JSON.parse(stdout) as { name: string; total: number }[];
    const published = (await readThlNeedWorkbook(workbook)).find(
      (y) => y.model.year === 2023,
    )?.publishedTotals;
    expect(areas).toHaveLength(23);
    expect(areas.map((a) => [a.name, a.total.toFixed(4)])).toEqual(
      published?.map((p) => [p.name, p.total.toFixed(4)]),
    );
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesToImport, generateDemoCounty } from '../demo/index.js';
import { importFiles } from '../importers/index.js';
import { openStore } from '../store/index.js';

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

describe('soteatlas report', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'soteatlas-report-'));
    db = join(dir, 'store.duckdb');
    const files = join(dir, 'files');
    const demo = await generateDemoCounty({ outDir: files, seed: 7, population: 3000, years: 1 });
    const store = await openStore(db);
    await importFiles(store, filesToImport(demo, files));
    store.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the monitoring set’s workbook and prints a JSON summary', async () => {
    const out = join(dir, 'raportti.xlsx');
    const result = await run(
      'report',
      '--set',
      'Top management monitoring set',
      '--out',
      out,
      '--db',
      db,
      '--lang',
      'en',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      file: string;
      format: string;
      indicators: number;
      period: string;
    };
    expect(summary).toMatchObject({ file: out, format: 'xlsx' });
    expect(summary.period).toMatch(/^\d{4}$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]?.name).toBe('Summary');
    expect(workbook.worksheets.length).toBe(summary.indicators + 2);
  });

  it('refuses an unknown set, a file that is neither PDF nor XLSX, and a period that is not a year', async () => {
    const unknown = await run('report', '--set', 'No such set', '--out', join(dir, 'x.xlsx'), '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No such set');
    const format = await run('report', '--set', 'x', '--out', join(dir, 'x.docx'), '--db', db);
    expect(format.stderr).toContain('.pdf or .xlsx');
    const period = await run(
      'report',
      '--set',
      'x',
      '--period',
      '24',
      '--out',
      join(dir, 'x.xlsx'),
      '--db',
      db,
    );
    expect(period.stderr).toContain('YYYY');
  });
});

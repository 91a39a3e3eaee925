import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCounty, type TestCounty } from '../../web/e2e/harness.js';
import { signInWith, testBrowser } from '../server/testing.js';

const setName = 'Top management monitoring set';
const resultsDir = fileURLToPath(new URL('../../test-results/reports', import.meta.url));

/**
 * The report pack end to end on the browser tests' demo county: the API gathers the set's figures through
 * the indicator engine and the targets module, writes the workbook, and prints the web app's report page
 * to PDF in headless Chromium.
 */
describe('report packs of the demo county', () => {
  let county: TestCounty;
  const download = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${county.url}${path}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    county = await startTestCounty();
  });
  afterAll(() => county?.close());

  it('writes the set as a workbook: summary, a sheet per indicator with every municipality, definitions', async () => {
    const file = await download(`/api/reports/report.xlsx?set=${encodeURIComponent(setName)}`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('Yhteenveto');
    expect(names.at(-1)).toBe('Määritelmät');
    expect(names.length).toBeGreaterThan(5);
    const sheet = workbook.getWorksheet('emergency-visits-per-1000');
    expect(sheet?.getRow(5).getCell(1).value).toBe('Aluekoodi');
    // The county's row, then one per municipality, each with a figure or a suppression mark — never blank.
    const figures: unknown[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 5) figures.push(row.getCell(4).value);
    });
    expect(figures.length).toBeGreaterThan(2);
    for (const value of figures) expect(typeof value === 'number' || value === '<5').toBe(true);
  });

  it('withholds from a manager exactly the small counts an analyst sees, marked "<5"', async () => {
    // Signed in through the demo county's identity provider, as each of the two would be.
    const rows = async (role: 'analyst' | 'manager') => {
      const browser = testBrowser();
      await (await signInWith(browser, county.url, role)).body?.cancel();
      const file = await browser.request(
        `${county.url}/api/reports/report.xlsx?set=${encodeURIComponent(setName)}`,
      );
      expect(file.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file.arrayBuffer()) as ArrayBuffer);
      const found = new Map<string, { value: unknown; numerator: unknown }>();
      for (const sheet of workbook.worksheets.slice(1, -1))
        sheet.eachRow((row, number) => {
          if (number > 5)
            found.set(`${sheet.name}|${row.getCell(1).value}`, {
              value: row.getCell(4).value,
              numerator: row.getCell(7).value,
            });
        });
      return found;
    };
    const [analyst, manager] = [await rows('analyst'), await rows('manager')];
    expect([...analyst.values()].some((row) => row.value === '<5')).toBe(false);
    const small = [...analyst].filter(
      ([, row]) => typeof row.numerator === 'number' && row.numerator > 0 && row.numerator < 5,
    );
    expect(small.length, 'the demo county has small counts somewhere').toBeGreaterThan(0);
    for (const [key] of small) expect(manager.get(key)?.value, key).toBe('<5');
    // A zero is a real zero (it describes nobody), never a withheld figure written as 0.
    for (const [key, row] of manager) if (row.value === 0) expect(analyst.get(key)?.value, key).toBe(0);
  });

  it('answers 404 for a set that does not exist', async () => {
    expect((await download('/api/reports/report.xlsx?set=nothing-like-this')).status).toBe(404);
  });

  it('prints the report page to a PDF of several A4 pages, kept for a look in test-results', async () => {
    const file = await download(`/api/reports/report.pdf?set=${encodeURIComponent(setName)}&lang=en`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('application/pdf');
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = file.body.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    expect(file.body.length).toBeGreaterThan(20_000);
    // Chromium writes the page size of A4 (595 × 842 points) into each page's MediaBox.
    expect(text).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+84[12]/);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, 'report-en.pdf'), file.body);
  });
});

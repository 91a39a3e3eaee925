import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testReport } from './report-data.fixture.js';
import { reportXlsx, sheetName } from './xlsx.js';

const goldenPath = new URL('./xlsx.golden.json', import.meta.url);

/** What a reader of the workbook sees: each sheet's cell values and the number formats of its figures. */
const summarise = async (buffer: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[Number(cell.col) - 1] =
          typeof cell.value === 'number' && cell.numFmt
            ? { number: cell.value, format: cell.numFmt }
            : cell.value;
      });
      rows.push(Array.from(cells, (cell) => cell ?? null));
    });
    return { name: sheet.name, rows };
  });
};

describe('the report workbook', () => {
  it('matches the golden summary: summary, one sheet per indicator, definitions', async () => {
    const summary = await summarise(await reportXlsx(testReport));
    // Regenerate deliberately with UPDATE_GOLDEN=1 after a change meant to alter the file, and review the diff.
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
      await writeFile(goldenPath, `${JSON.stringify(summary, null, 2)}\n`);
    }
    expect(summary).toEqual(JSON.parse(await readFile(goldenPath, 'utf8')));
    expect(summary.map((sheet) => sheet.name)).toEqual([
      'Yhteenveto',
      'primary-care-visits',
      'remote-share',
      'Määritelmät',
    ]);
  });

  it('marks a withheld figure "<5" and never writes it as 0', async () => {
    const [, visits] = await summarise(await reportXlsx(testReport));
    const small = visits?.rows.find((row) => row[0] === '002');
    expect(small?.slice(0, 4)).toEqual(['002', 'Pikkukunta', '2024', '<5']);
    expect(small?.[6]).toBe('<5');
    expect(small).not.toContain(0);
  });

  it('speaks the report’s language', async () => {
    const names = (await summarise(await reportXlsx({ ...testReport, language: 'sv' }))).map((s) => s.name);
    expect(names[0]).toBe('Sammanfattning');
    expect(names[names.length - 1]).toBe('Definitioner');
  });
});

describe('sheetName', () => {
  it('keeps names within Excel’s rules and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a b c');
    const long = 'x'.repeat(40);
    expect(sheetName(long, taken)).toBe('x'.repeat(31));
    expect(sheetName(long, taken)).toBe(`${'x'.repeat(29)}~2`);
  });
});

describe('the report workbook with THL reference values', () => {
  it("adds THL's figure for the county as a column of the summary, with the attribution", async () => {
    const [first, ...rest] = testReport.items;
    if (!first) throw new Error('the test report has no items');
    const report = {
      ...testReport,
      items: [{ ...first, reference: { value: 1234.5, mark: null, source: 'thl-sotkanet' } }, ...rest],
    };
    const [summary] = await summarise(await reportXlsx(report));
    const header = summary?.rows.find((row) => row.includes('THL:n luku (Sotkanet)'));
    expect(header?.indexOf('THL:n luku (Sotkanet)')).toBe(9);
    const row = summary?.rows.find((r) => r[0] === first.indicator.title.fi);
    expect(row?.[9]).toMatchObject({ number: 1234.5 });
    expect(summary?.rows.some((r) => r[0] === 'Lähde: THL, Sotkanet.fi, CC BY 4.0')).toBe(true);
  });
});

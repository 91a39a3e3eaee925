import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { importFile } from '../import-file.js';
import { seededStore, tempDir } from '../testing.js';
import { readXlsx } from './xlsx.js';

/**
 * Workbooks as other programs store them. Excel puts the shared strings after the sheets, exceljs puts the
 * workbook part last, and the first sheet stored need not be the first tab: each member must be found
 * wherever it is, and the first tab read.
 */

const dir = tempDir();
let counter = 0;
const file = (bytes: Uint8Array) => {
  const path = join(dir, `w${++counter}.xlsx`);
  writeFileSync(path, bytes);
  return path;
};

/** Two sheets of shared strings, numbers and a date, as exceljs writes them, unpacked into members. */
const members = async (): Promise<Record<string, Uint8Array>> => {
  const workbook = new ExcelJS.Workbook();
  const units = workbook.addWorksheet('Yksiköt');
  units.addRow(['koodi', 'nimi', 'kapasiteetti', 'alkaen']);
  units.addRow(['U1', 'Kirkonkylän terveysasema', 120, new Date(Date.UTC(2024, 0, 15))]);
  units.addRow(['U2', 'Åbo hälsostation', 80.5, new Date(Date.UTC(2023, 11, 31))]);
  const notes = workbook.addWorksheet('Selite');
  notes.addRow(['sarake', 'selitys']);
  notes.addRow(['koodi', 'yksikön tunnus']);
  return unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
};

const records = async (path: string) => {
  const table = await readXlsx(path);
  const rows: string[][] = [];
  for await (const batch of table.batches) for (const record of batch.records) rows.push(record.fields ?? []);
  return { headers: table.headers, rows };
};

const unitsSheet = {
  headers: ['koodi', 'nimi', 'kapasiteetti', 'alkaen'],
  rows: [
    ['U1', 'Kirkonkylän terveysasema', '120', '2024-01-15'],
    ['U2', 'Åbo hälsostation', '80.5', '2023-12-31'],
  ],
};

let parts: Record<string, Uint8Array>;
let store: Store;
beforeAll(async () => {
  parts = await members();
  ({ store } = await seededStore());
});
afterAll(() => store.close());

describe('XLSX members', () => {
  it('are read whatever order they are stored in, stored or deflated', async () => {
    const names = Object.keys(parts);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(names, { minLength: names.length }),
        fc.constantFrom(0, 6),
        async (order, level) => {
          const zip = zipSync(Object.fromEntries(order.map((name) => [name, parts[name] as Uint8Array])), {
            level: level as 0 | 6,
          });
          expect(await records(file(zip))).toEqual(unitsSheet);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('give the first tab, not the first sheet stored, wherever its part is', async () => {
    const workbook = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
    const tabs = workbook.match(/<sheet [^>]*\/>/g) ?? [];
    expect(tabs).toHaveLength(2);
    // The second sheet becomes the first tab, and its part gets a name of its own.
    const swapped = workbook.replace(/<sheets>.*<\/sheets>/, `<sheets>${tabs[1]}${tabs[0]}</sheets>`);
    const rels = strFromU8(parts['xl/_rels/workbook.xml.rels'] as Uint8Array).replace(
      'worksheets/sheet2.xml',
      '/xl/worksheets/selite.xml',
    );
    const { 'xl/worksheets/sheet2.xml': notes, ...rest } = parts;
    const zip = zipSync({
      ...rest,
      'xl/workbook.xml': strToU8(swapped),
      'xl/_rels/workbook.xml.rels': strToU8(rels),
      'xl/worksheets/selite.xml': notes as Uint8Array,
    });
    expect(await records(file(zip))).toEqual({
      headers: ['sarake', 'selitys'],
      rows: [['koodi', 'yksikön tunnus']],
    });
  });

  it('give text written as _xHHHH_ escapes back as the characters', async () => {
    const strings = strFromU8(parts['xl/sharedStrings.xml'] as Uint8Array)
      .replace('Kirkonkylän terveysasema', 'Kirkonkylän_x000D_ terveysasema')
      .replace('Åbo hälsostation', '_x005F_x000D_ Åbo');
    const zip = zipSync({ ...parts, 'xl/sharedStrings.xml': strToU8(strings) });
    const { rows } = await records(file(zip));
    expect(rows.map((row) => row[1])).toEqual(['Kirkonkylän\r terveysasema', '_x000D_ Åbo']);
  });

  it('give an error cell as the error the spreadsheet shows and a formula as its result, never a guess', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Yksiköt');
    sheet.addRow(['koodi', 'kapasiteetti', 'nimi']);
    sheet.addRow(['U1', { error: '#N/A' }, { formula: 'A2&" asema"', result: 'U1 asema' }]);
    sheet.addRow(['U2', { formula: '40*3', result: 120 }, 'Asema']);
    const { rows } = await records(file(new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(rows).toEqual([
      ['U1', '#N/A', 'U1 asema'],
      ['U2', '120', 'Asema'],
    ]);
    // A formula stored without its result (as programs that do not compute formulas write it), or with
    // an error as its result, has no value that can be read for certain: its row is rejected, saying so.
    const units = workbook.addWorksheet('Toimipisteet');
    const tail = ['käynnit', '2022-01-01', 'digi'];
    units.addRow([
      ...['koodi', 'nimi', 'palveluluokat', 'tuottaja', 'kunta', 'lon', 'lat', 'kapasiteetti'],
      ...['kapasiteettiyksikko', 'voimassa_alkaen', 'kanavat'],
    ]);
    units.addRow(['W1', 'Asema', 'HC', 'OWN', '901', 27, 62, { formula: '40*3', result: 120 }, ...tail]);
    units.addRow(['W2', 'Toinen', 'HC', 'OWN', '901', 27.1, 62.1, { formula: '1/0' }, ...tail]);
    workbook.removeWorksheet(sheet.id);
    const path = file(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const summary = await importFile(store, {
      file: path,
      kind: 'units',
      dryRun: true,
      rejectsFile: `${path}.rejects.csv`,
    });
    expect({ refused: summary.refused, read: summary.rowsRead, rejected: summary.rowsRejected }).toEqual({
      refused: false,
      read: 2,
      rejected: 1,
    });
    expect(readFileSync(`${path}.rejects.csv`, 'utf8')).toMatch(
      /\n3;;;"column H holds a formula whose result/,
    );
  });

  it('that are cut off or missing make the import refuse the file, with the reason', async () => {
    const whole = zipSync(parts);
    const { 'xl/workbook.xml': _, ...withoutWorkbook } = parts;
    const { 'xl/sharedStrings.xml': __, ...withoutSharedStrings } = parts;
    // Rows enough that the damage lies beyond what the reader takes in at once.
    const long = new ExcelJS.Workbook();
    const units = long.addWorksheet('Yksiköt');
    units.addRow(['koodi', 'nimi']);
    for (let row = 1; row <= 5_000; row++) units.addRow([`U${row}`, `Yksikkö ${row}`]);
    const longParts = unzipSync(new Uint8Array(await long.xlsx.writeBuffer()));
    const sheet = strFromU8(longParts['xl/worksheets/sheet1.xml'] as Uint8Array);
    const lastRow = sheet.lastIndexOf('</row>');
    const damaged = strToU8(`${sheet.slice(0, lastRow)}</rox>${sheet.slice(lastRow + 6)}`);
    const cases: [Uint8Array, RegExp][] = [
      // Cut before the archive's directory: the local headers still name xl/workbook.xml.
      [whole.subarray(0, whole.length - 200), /could not be read: not a ZIP archive/],
      [
        zipSync({ ...withoutWorkbook, 'xl/other.xml': strToU8('xl/workbook.xml') }, { level: 0 }),
        /no xl\/workbook\.xml/,
      ],
      // Cells that name shared strings the workbook lacks are never read as some other text.
      [zipSync(withoutSharedStrings), /could not be read: .*sharedString/],
      // A sheet damaged after its first rows is refused as a whole, not read up to the damage.
      [
        zipSync({ ...parts, 'xl/worksheets/sheet1.xml': damaged }),
        /could not be read: the worksheet after row \d{3,}: /,
      ],
    ];
    for (const [bytes, reason] of cases) {
      const before = await store.all('SELECT count(*) n FROM imports');
      const summary = await importFile(store, { file: file(bytes), kind: 'units', dryRun: false });
      expect(summary.refused).toBe(true);
      expect(summary.reason).toMatch(reason);
      expect(await store.all('SELECT count(*) n FROM imports')).toEqual(before);
    }
  });
});

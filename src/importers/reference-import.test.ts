import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { municipalityReference } from './reference/index.js';
import { tempDir, writeText } from './testing.js';

const fixture = (name: string) => fileURLToPath(new URL(`./readers/fixtures/pxweb/${name}`, import.meta.url));

let open: Store[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

/** A store holding the whole country's municipalities of 2019 and 2023 from the shipped classification. */
const countryStore = async () => {
  const dir = tempDir();
  const store = await openStore(':memory:');
  open.push(store);
  const lines = ['taso;koodi;nimi;nimi_sv;voimassa_alkaen'];
  for (const year of [2019, 2023])
    for (const m of municipalityReference().byYear.get(year) ?? [])
      lines.push(`kunta;${m.code};${m.nameFi};${m.nameSv};${year}`);
  const areas = await importFile(store, { file: writeText(dir, 'areas.csv', lines), kind: 'areas' });
  expect(areas).toMatchObject({ refused: false, rowsRejected: 0 });
  return { store, dir };
};

const stored = (store: Store) =>
  store.all<{ area_code: string; year: number; age: number; sex: string; count: number }>(
    'SELECT area_code, year, age, sex, count FROM population ORDER BY area_code, age, sex, year',
  );

describe('importFile: PxWeb exports as served, with the shipped classification', () => {
  it('imports 11re saved as comma CSV: names to codes, totals skipped and counted, 100 - as 100', async () => {
    const { store } = await countryStore();
    const summary = await importFile(store, {
      file: fixture('11re-fi-wide-sex-comma.csv'),
      kind: 'population',
    });
    expect(summary).toMatchObject({
      refused: false,
      rowsRead: 14,
      rowsAccepted: 8,
      rowsRejected: 6,
      totalsSkipped: 6,
      noteLinesSkipped: 3,
    });
    expect(await stored(store)).toEqual([
      { area_code: '091', year: 2019, age: 0, sex: 'female', count: 3007 },
      { area_code: '091', year: 2019, age: 0, sex: 'male', count: 3156 },
      { area_code: '091', year: 2019, age: 1, sex: 'female', count: 2958 },
      { area_code: '091', year: 2019, age: 1, sex: 'male', count: 3083 },
      { area_code: '091', year: 2019, age: 100, sex: 'female', count: 146 },
      { area_code: '091', year: 2019, age: 100, sex: 'male', count: 27 },
      { area_code: '583', year: 2019, age: 100, sex: 'female', count: 1 },
      { area_code: '583', year: 2019, age: 100, sex: 'male', count: 0 },
    ]);
    const reasons = await store.all(
      `SELECT line, column_name, value, reason FROM rejects WHERE import_id = ${summary.importId} ORDER BY line, rowid`,
    );
    expect(reasons[0]).toEqual({
      line: 4,
      column_name: 'Alue',
      value: 'KOKO MAA',
      reason: 'total row, skipped',
    });
    expect(reasons.at(-1)).toEqual({
      line: 6,
      column_name: 'Ikä',
      value: 'Yhteensä',
      reason: 'total row, skipped',
    });
  });

  it('imports the Swedish export wide by year, with "091 Helsingfors" labels and sex "Totalt" skipped', async () => {
    const { store } = await countryStore();
    const summary = await importFile(store, {
      file: fixture('11re-sv-wide-year-semicolon.csv'),
      kind: 'population',
    });
    // 2020 is not in the store's areas, but a population row needs only its area code to be known.
    expect(summary).toMatchObject({ rowsRead: 7, rowsAccepted: 5, totalsSkipped: 2, emptyLinesSkipped: 2 });
    expect((await stored(store)).map((r) => `${r.area_code} ${r.year} ${r.sex}`)).toEqual([
      '091 2019 female',
      '091 2020 female',
      '091 2019 male',
      '091 2020 male',
      '092 2019 male',
    ]);
  });

  it('imports the English export with KU codes, and says what the long 11ra export lacks', async () => {
    const { store } = await countryStore();
    const en = await importFile(store, { file: fixture('11re-en-wide-sex-year.csv'), kind: 'population' });
    expect(en).toMatchObject({ rowsRead: 6, rowsAccepted: 4, totalsSkipped: 2 });
    // 11ra gives the population of an area without age or sex: not a table of single ages and sexes.
    const ra = await importFile(store, { file: fixture('11ra-fi-long.csv'), kind: 'population' });
    expect(ra).toMatchObject({ refused: true, noteLinesSkipped: 1 });
    expect(ra.reason).toMatch(
      /required columns are missing: age .*; sex .*Found: Alue, Vuosi, Väestö 31\.12\./,
    );
  });

  it('imports 11re saved as XLSX: title and blank rows above the header, footnotes below', async () => {
    const { store, dir } = await countryStore();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('11re');
    sheet.getCell('A1').value = 'Väestö 31.12. muuttujina Alue, Ikä, Sukupuoli ja Vuosi';
    sheet.getRow(3).values = ['Alue', 'Ikä', 'Miehet 2019 Väestö 31.12.', 'Naiset 2019 Väestö 31.12.'];
    sheet.getRow(4).values = ['KOKO MAA', 'Yhteensä', 2717199, 2808093];
    sheet.getRow(5).values = ['Helsinki', '0', 3156, 3007];
    sheet.getRow(6).values = ['Närpes', '100 -', 1, 4];
    sheet.getCell('A8').value = 'Lähde: Tilastokeskus, väestörakenne';
    const file = join(dir, '11re.xlsx');
    await workbook.xlsx.writeFile(file);
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({
      refused: false,
      format: 'xlsx',
      rowsRead: 6,
      rowsAccepted: 4,
      totalsSkipped: 2,
      noteLinesSkipped: 2,
    });
    expect((await stored(store)).map((r) => `${r.area_code} ${r.age} ${r.sex} ${r.count}`)).toEqual([
      '091 0 female 3007',
      '091 0 male 3156',
      '545 100 female 4',
      '545 100 male 1',
    ]);
  });

  it('refuses a file that holds nothing but totals, saying so', async () => {
    const { store, dir } = await countryStore();
    const file = writeText(dir, 'totals.csv', [
      '"Väestö 31.12."',
      '',
      '"Alue";"Vuosi";"Sukupuoli";"Ikä";"Väestö 31.12."',
      '"KOKO MAA";"2019";"Yhteensä";"Yhteensä";5525292',
      '"SSS";"2019";"Miehet";"Yhteensä";2717199',
    ]);
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({ refused: true, rowsRead: 2, totalsSkipped: 2 });
    expect(summary.refusal).toEqual({ code: 'onlyTotals', params: { count: 2 } });
    expect(await stored(store)).toEqual([]);
  });

  it('refuses a JSON-stat table of nothing but SSS ages', async () => {
    const { store, dir } = await countryStore();
    const file = join(dir, 'sss.json');
    writeFileSync(
      file,
      JSON.stringify({
        class: 'dataset',
        id: ['Alue', 'Vuosi', 'Sukupuoli', 'Ikä'],
        size: [1, 1, 2, 1],
        dimension: {
          Alue: { category: { index: ['KU091'] } },
          Vuosi: { category: { index: ['2019'] } },
          Sukupuoli: { category: { index: ['1', '2'] } },
          Ikä: { category: { index: ['SSS'] } },
        },
        value: [316529, 339208],
      }),
    );
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({ refused: true, rowsRead: 2, totalsSkipped: 2 });
    expect(summary.refusal).toEqual({ code: 'onlyTotals', params: { count: 2 } });
  });
});

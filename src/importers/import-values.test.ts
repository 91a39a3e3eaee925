import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { ColumnMapping } from './mapping.js';
import { eventHeader, eventRow, seededStore, writeText } from './testing.js';

let open: Store[] = [];
const seeded = async () => {
  const s = await seededStore();
  open.push(s.store);
  return s;
};
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

interface Reject {
  line: number;
  column_name: string;
  value: string | null;
  reason: string;
}
const rejectsOf = (store: Store) =>
  store.all<Reject>('SELECT line, column_name, value, reason FROM rejects ORDER BY import_id, line');

describe('importFile: dates', () => {
  it('rejects two-digit years, slashes and impossible or far-off dates, naming the value and the forms', async () => {
    const { store, dir } = await seeded();
    const dates = ['5.12.25', '01/01/19', '31.2.2025', '1.1.1899', '2101-01-01', '5.12.2025'];
    const file = writeText(dir, 'e.csv', [
      eventHeader,
      ...dates.map((date, i) => eventRow(`D${i}`, { date })),
    ]);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary).toMatchObject({ rowsRead: 6, rowsAccepted: 1, rowsRejected: 5 });
    const forms = 'not a date (write YYYY-MM-DD or D.M.YYYY)';
    expect(await rejectsOf(store)).toEqual([
      { line: 2, column_name: 'pvm', value: '5.12.25', reason: forms },
      { line: 3, column_name: 'pvm', value: '01/01/19', reason: forms },
      { line: 4, column_name: 'pvm', value: '31.2.2025', reason: forms },
      { line: 5, column_name: 'pvm', value: '1.1.1899', reason: 'a date before 1900 or after 2100' },
      { line: 6, column_name: 'pvm', value: '2101-01-01', reason: 'a date before 1900 or after 2100' },
    ]);
    expect(await store.all(`SELECT CAST(event_date AS VARCHAR) AS d FROM events`)).toEqual([
      { d: '2025-12-05' },
    ]);
  });

  it('reads the forms the mapping file declares, and only those beside ISO', async () => {
    const { store, dir } = await seeded();
    const dates = ['5.12.25', '01.02.99', '2025-12-06', '5.12.2025'];
    const file = writeText(dir, 'e.csv', [
      eventHeader,
      ...dates.map((date, i) => eventRow(`M${i}`, { date })),
    ]);
    const mapping = ColumnMapping.parse({ dateFormat: 'd.m.yy' });
    const summary = await importFile(store, { file, kind: 'events', mapping });
    expect(summary).toMatchObject({ rowsRead: 4, rowsAccepted: 3, rowsRejected: 1 });
    expect(await rejectsOf(store)).toEqual([
      {
        line: 5,
        column_name: 'pvm',
        value: '5.12.2025',
        reason: 'not a date (write YYYY-MM-DD or a form the mapping file declares: d.m.yy)',
      },
    ]);
    expect(
      await store.all(`SELECT source_id, CAST(event_date AS VARCHAR) AS d FROM events ORDER BY source_id`),
    ).toEqual([
      { source_id: 'M0', d: '2025-12-05' },
      { source_id: 'M1', d: '1999-02-01' },
      { source_id: 'M2', d: '2025-12-06' },
    ]);
  });

  it('applies the same rules to a unit’s opening date', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'u.csv', [
      'koodi;nimi;palveluluokat;tuottaja;kunta;x;y;kapasiteetti;kapasiteettiyksikko;voimassa_alkaen;kanavat',
      'U7;Uusi;HC;OWN;901;400100;6950100;10;käynnit;1/2/21;digi',
    ]);
    const summary = await importFile(store, { file, kind: 'units' });
    expect(summary).toMatchObject({ rowsAccepted: 0, rowsRejected: 1 });
  });
});

describe('importFile: numbers', () => {
  it('rejects NaN, infinities, overflow and forms DuckDB alone would read, row by row', async () => {
    const { store, dir } = await seeded();
    const ages = ['1e309', 'NaN', 'Infinity', '-inf', '9999999999999999999999', '0x10', '1_000', '4.5e1'];
    const costs = ['1e309', 'nan', '−12', '1 234,50'];
    const file = writeText(dir, 'e.csv', [
      eventHeader,
      ...ages.map((age, i) => eventRow(`A${i}`, { age })),
      ...costs.map((cost, i) => eventRow(`C${i}`, { cost })),
    ]);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary).toMatchObject({ rowsRead: 12, rowsAccepted: 2, rowsRejected: 10, refused: false });
    const rejects = await rejectsOf(store);
    expect(rejects.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([
      [2, 'ikä', '1e309', 'not a finite number (infinite, NaN or too large)'],
      [3, 'ikä', 'NaN', 'not a whole number'],
      [4, 'ikä', 'Infinity', 'not a whole number'],
      [5, 'ikä', '-inf', 'not a whole number'],
      [6, 'ikä', '9999999999999999999999', 'too large a whole number (at most 2147483647 in absolute value)'],
      [7, 'ikä', '0x10', 'not a whole number'],
      [8, 'ikä', '1_000', 'not a whole number'],
      [10, 'kustannus_eur', '1e309', 'not a finite number (infinite, NaN or too large)'],
      [11, 'kustannus_eur', 'nan', 'not a number'],
      [12, 'kustannus_eur', '−12', 'must be at least 0'],
    ]);
    expect(await store.all('SELECT source_id, age, cost_euros FROM events ORDER BY source_id')).toEqual([
      { source_id: 'A7', age: 45, cost_euros: 85.5 },
      { source_id: 'C3', age: 45, cost_euros: 1234.5 },
    ]);
  });

  it('rejects a count too large for the store instead of failing the import', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'p.csv', [
      'alue;vuosi;ikä;sukupuoli;väestö',
      '901;2024;5;1;3000000000',
      '901;2024;6;1;12',
    ]);
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect((await rejectsOf(store))[0]?.reason).toBe(
      'too large a whole number (at most 2147483647 in absolute value)',
    );
  });
});

describe('importFile: the open top age', () => {
  const spellings = ['100-', '100 -', '100+', '100 +', '100–', '100 –'];

  it('reads 100-, 100 -, 100+ and 100– as 100 in events, and rejects another open group', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'e.csv', [
      eventHeader,
      ...spellings.map((age, i) => eventRow(`T${i}`, { age })),
      eventRow('O1', { age: '85-' }),
    ]);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary).toMatchObject({ rowsRead: 7, rowsAccepted: 6, rowsRejected: 1 });
    expect(await store.all('SELECT DISTINCT age FROM events')).toEqual([{ age: 100 }]);
    expect(await rejectsOf(store)).toEqual([
      {
        line: 8,
        column_name: 'ikä',
        value: '85-',
        reason: 'an open age group other than 100+; only the top age 100 may be written 100- or 100+',
      },
    ]);
  });

  it('reads them in population files as CSV, XLSX, JSON and JSON-stat alike', async () => {
    const { store, dir } = await seeded();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Väestö');
    sheet.addRow(['alue', 'vuosi', 'ikä', 'sukupuoli', 'väestö']);
    for (const [i, age] of spellings.entries()) sheet.addRow(['901', 2020 + i, age, 'naiset', 5]);
    const xlsx = join(dir, 'p.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const csv = writeText(dir, 'p.csv', [
      'alue;vuosi;ikä;sukupuoli;väestö',
      ...spellings.map((age, i) => `901;${2000 + i};${age};2;7`),
    ]);
    const json = join(dir, 'p.json');
    writeFileSync(
      json,
      JSON.stringify(
        spellings.map((age, i) => ({ alue: '901', vuosi: 2010 + i, ika: age, sukupuoli: 1, vaesto: 3 })),
      ),
    );
    const jsonStat = join(dir, 'p-stat.json');
    writeFileSync(
      jsonStat,
      JSON.stringify({
        class: 'dataset',
        version: '2.0',
        id: ['alue', 'vuosi', 'sukupuoli', 'ika'],
        size: [1, 1, 1, 3],
        role: { geo: ['alue'], time: ['vuosi'] },
        dimension: {
          alue: { category: { index: ['KU901'] } },
          vuosi: { category: { index: ['2030'] } },
          sukupuoli: { category: { index: ['2'] } },
          ika: { category: { index: ['99', '100 -', '85-'] } },
        },
        value: [4, 2, 9],
      }),
    );
    expect(await importFile(store, { file: csv, kind: 'population' })).toMatchObject({ rowsAccepted: 6 });
    expect(await importFile(store, { file: xlsx, kind: 'population' })).toMatchObject({ rowsAccepted: 6 });
    expect(await importFile(store, { file: json, kind: 'population' })).toMatchObject({ rowsAccepted: 6 });
    expect(await importFile(store, { file: jsonStat, kind: 'population' })).toMatchObject({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
    });
    expect(await store.all('SELECT count(*) AS n FROM population WHERE age = 100')).toEqual([{ n: 19 }]);
  });
});

describe('importFile: CSV quoting the stager cannot pass on', () => {
  it('rejects a stray quote, a bare carriage return or an unclosed quote by line and loses no row', async () => {
    const { store, dir } = await seeded();
    const file = writeText(
      dir,
      'q.csv',
      `${eventHeader}\n${eventRow('Q1', { key: 'ab"cd"efgh' })}\n${eventRow('Q2', { key: '\rabcdefgh' })}\n${eventRow('Q3')}\n${eventRow('Q4', { key: '"abcdefgh' })}\n${eventRow('Q5')}\n`,
    );
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary).toMatchObject({ rowsRead: 4, rowsAccepted: 1, rowsRejected: 3 });
    expect((await rejectsOf(store)).map((r) => [r.line, r.reason])).toEqual([
      [2, 'a quoted value is not closed properly'],
      [3, 'a quoted value is not closed properly'],
      [5, 'a quoted value is not closed properly'],
    ]);
  });
});

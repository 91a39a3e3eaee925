import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { seededStore, writeText } from './testing.js';

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

const populationRows = (store: Store) =>
  store.all('SELECT area_code, year, age, sex, count, source_line FROM population ORDER BY source_line, sex');

describe('importFile: PxWeb population exports', () => {
  it('imports a Latin-1 comma export with a title line, wide by sex, and footnotes', async () => {
    const { store, dir } = await seeded();
    const file = writeText(
      dir,
      '001_11re_2019.csv',
      [
        '"Väestö 31.12. muuttujina Alue, Ikä, Sukupuoli ja Vuosi"',
        '',
        '"Alue","Ikä","Miehet 2019 Väestö 31.12.","Naiset 2019 Väestö 31.12."',
        '"901","0",12,11',
        '"902","1",3,',
        '',
        '"Lähde: Tilastokeskus, väestörakenne"',
      ],
      'latin1',
    );
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({
      refused: false,
      delimiter: ',',
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRejected: 0,
      emptyLinesSkipped: 3,
      noteLinesSkipped: 2,
    });
    expect(await populationRows(store)).toEqual([
      { area_code: '901', year: 2019, age: 0, sex: 'female', count: 11, source_line: 4 },
      { area_code: '901', year: 2019, age: 0, sex: 'male', count: 12, source_line: 4 },
      { area_code: '902', year: 2019, age: 1, sex: 'male', count: 3, source_line: 5 },
    ]);
  });

  it('reports a rejected cell of a wide line on that line, under its own column', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'wide.csv', [
      '"Område";"Ålder";"Män 2019 Befolkning 31.12.";"Kvinnor 2019 Befolkning 31.12."',
      '"901";"0";12;-1',
      '"901";"1";4;5',
    ]);
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({ rowsRead: 4, rowsAccepted: 3, rowsRejected: 1 });
    expect(await store.all('SELECT line, column_name, value, reason FROM rejects')).toEqual([
      { line: 2, column_name: 'Befolkning 31.12.', value: '-1', reason: 'must be at least 0' },
    ]);
  });
});

import { fileURLToPath } from 'node:url';
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

const wfs = fileURLToPath(new URL('./readers/fixtures/wfs/kunta4500k_2025.geojson', import.meta.url));

describe('importFile: mapping constants and defaults', () => {
  it('imports Statistics Finland’s WFS municipality layer as served, the level given as a constant', async () => {
    const { store } = await seeded();
    const summary = await importFile(store, {
      file: wfs,
      kind: 'areas',
      mapping: { constants: { level: 'municipality' } },
    });
    expect(summary).toMatchObject({ refused: false, rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
    expect(
      await store.all(
        `SELECT code, name_fi, name_sv, valid_from_year FROM areas WHERE valid_from_year = 2025 ORDER BY code`,
      ),
    ).toEqual([
      { code: '901', name_fi: 'Keskusta', name_sv: 'Centrum', valid_from_year: 2025 },
      { code: '903', name_fi: 'Uusikylä', name_sv: 'Nyby', valid_from_year: 2025 },
    ]);
  });

  it('says which field is missing when the WFS layer comes without a mapping giving the level', async () => {
    const { store } = await seeded();
    const summary = await importFile(store, { file: wfs, kind: 'areas' });
    expect(summary.refusal).toMatchObject({ code: 'missingColumns' });
    expect(summary.reason).toMatch(
      /^required columns are missing: level .*Found: id, kunta, vuosi, nimi, namn, name/,
    );
  });

  it('fills empty values from defaults and overrides the file with constants, numbers given as YAML writes them', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'areas.csv', [
      'kunta;nimi;ylempi_alue;vuosi',
      '904;Metsä;;2024',
      '905;Järvi;99;2024',
    ]);
    const summary = await importFile(store, {
      file,
      kind: 'areas',
      mapping: { constants: { level: 'municipality', validFromYear: 2025 }, defaults: { parentCode: '99x' } },
    });
    expect(summary).toMatchObject({ rowsAccepted: 2, rowsRejected: 0 });
    expect(
      await store.all(
        `SELECT code, parent_code, valid_from_year FROM areas WHERE code IN ('904', '905') ORDER BY code`,
      ),
    ).toEqual([
      { code: '904', parent_code: '99x', valid_from_year: 2025 },
      { code: '905', parent_code: '99', valid_from_year: 2025 },
    ]);
  });

  it('refuses a file that lacks a column the mapping names, naming it and the columns found', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'areas.csv', ['taso;koodi;nimi;alkuvuosi', 'kunta;906;Niemi;2025']);
    const summary = await importFile(store, {
      file,
      kind: 'areas',
      mapping: { columns: { nameSv: 'Namn på svenska' } },
    });
    expect(summary).toMatchObject({ refused: true, rowsRead: 1 });
    expect(summary.refusal).toEqual({
      code: 'mappedColumnMissing',
      params: { missing: 'nameSv: Namn på svenska', found: 'taso, koodi, nimi, alkuvuosi' },
    });
    expect(await store.all(`SELECT code FROM areas WHERE code = '906'`)).toEqual([]);
  });
});

describe('importFile: merged municipality codes', () => {
  it('names the municipality an abolished code was merged into, from the shipped mergers', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'population.csv', [
      'alue;vuosi;ikä;sukupuoli;väestö',
      '476;2019;0;1;5',
      '901;2019;0;1;5',
    ]);
    const summary = await importFile(store, { file, kind: 'population' });
    expect(summary).toMatchObject({ rowsAccepted: 1, rowsRejected: 1 });
    expect(await store.all(`SELECT line, value, reason, reason_code, reason_params FROM rejects`)).toEqual([
      {
        line: 2,
        value: '476',
        reason: 'unknown municipality code 476: the municipality was merged into 297 (Kuopio) in 2015',
        reason_code: 'mergedMunicipalityCode',
        reason_params: '{"value":"476","successor":"297","successorName":"Kuopio","year":2015}',
      },
    ]);
  });
});

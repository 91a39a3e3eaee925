import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { seededStore, writeText } from './testing.js';

let open: Store[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

describe('importFile: reference values', () => {
  it('imports THL figures for areas all over Finland, keeps the source marks and rejects what it cannot read', async () => {
    const { store, dir } = await seededStore();
    open.push(store);
    const file = writeText(dir, 'thl.csv', [
      'lähde;indikaattori;alue;aluetaso;vuosi;sukupuoli;arvo;lukumäärä;merkki',
      'thl-sotkanet;171;091;kunta;2023;yhteensä;8,6;57877;',
      'thl-sotkanet;171;90;hyvinvointialue;2023;total;8,6;57877;',
      'thl-sotkanet;171;SSS;maa;2023;total;7,9;;',
      'thl-sotkanet;171;049;kunta;2023;naiset;;;..',
      'thl-sotkanet;171;91;kunta;2023;total;5,0;;',
      'thl-sotkanet;171;853;kunta;2023;total;;;',
      'thl-sotkanet;171;853;kunta;2023;muu;10,5;;',
    ]);
    const summary = await importFile(store, { file, kind: 'referenceValues', source: 'thl-sotkanet' });
    expect(summary).toMatchObject({ rowsRead: 7, rowsAccepted: 4, rowsRejected: 3 });
    expect(
      await store.all(
        `SELECT area_level, area_code, sex, value, absolute_value, mark FROM reference_values ORDER BY source_line`,
      ),
    ).toEqual([
      {
        area_level: 'municipality',
        area_code: '091',
        sex: 'total',
        value: 8.6,
        absolute_value: 57877,
        mark: null,
      },
      { area_level: 'county', area_code: '90', sex: 'total', value: 8.6, absolute_value: 57877, mark: null },
      { area_level: 'country', area_code: 'SSS', sex: 'total', value: 7.9, absolute_value: null, mark: null },
      {
        area_level: 'municipality',
        area_code: '049',
        sex: 'female',
        value: null,
        absolute_value: null,
        mark: '..',
      },
    ]);
    expect(
      await store.all(`SELECT line, column_name, value, reason_code FROM rejects ORDER BY line`),
    ).toEqual([
      { line: 6, column_name: 'alue', value: '91', reason_code: 'unknownAreaCode' },
      { line: 7, column_name: 'arvo', value: null, reason_code: 'missingValue' },
      { line: 8, column_name: 'sukupuoli', value: 'muu', reason_code: expect.any(String) },
    ]);
  });
});

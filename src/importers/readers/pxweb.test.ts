import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceTable } from '../source.js';
import { openSource, unpivotWide } from './index.js';
import { parseWideHeader } from './wide.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/pxweb/${name}`, import.meta.url));

const rowsOf = async (table: SourceTable) => {
  const rows: { line: number; fields: string[] }[] = [];
  for await (const batch of table.batches)
    for (const r of batch.records) rows.push({ line: r.line, fields: r.fields ?? [] });
  return rows;
};

describe('PxWeb "save as CSV" exports', () => {
  it('skips the title line above the header and judges the delimiter on the header and data', async () => {
    const table = await openSource(fixture('11re-fi-wide-sex-comma.csv'));
    expect(table).toMatchObject({ delimiter: ',', encoding: 'windows-1252' });
    expect(table.headers).toEqual(['Alue', 'Ikä', 'Miehet 2019 Väestö 31.12.', 'Naiset 2019 Väestö 31.12.']);
  });

  it('reads a wide 11re export as long rows, one per cell, on the line the cell came from', async () => {
    const table = unpivotWide(await openSource(fixture('11re-fi-wide-sex-comma.csv')));
    expect(table.headers).toEqual(['Alue', 'Ikä', 'sex', 'year', 'Väestö 31.12.']);
    const rows = await rowsOf(table);
    expect(rows.slice(0, 2)).toEqual([
      { line: 4, fields: ['KOKO MAA', 'Yhteensä', 'Miehet', '2019', '2717199'] },
      { line: 4, fields: ['KOKO MAA', 'Yhteensä', 'Naiset', '2019', '2808093'] },
    ]);
    expect(rows.at(-1)).toEqual({ line: 10, fields: ['Pelkosenniemi', '100 -', 'Naiset', '2019', '1'] });
    expect(rows).toHaveLength(14);
    // Title line and the two footnotes are notes; the blank lines above and below the data are empty lines.
    expect(table.noteLines?.()).toBe(3);
    expect(table.emptyLines()).toBe(2);
  });

  it('reads a Swedish semicolon export wide by year, skipping cells without data', async () => {
    const table = unpivotWide(await openSource(fixture('11re-sv-wide-year-semicolon.csv')));
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Område', 'Ålder', 'Kön', 'year', 'Befolkning 31.12.']);
    const rows = await rowsOf(table);
    expect(rows).toHaveLength(7);
    expect(rows.at(-1)).toEqual({ line: 7, fields: ['092 Vanda', '0', 'Män', '2019', '1236'] });
    expect(table.emptyLines()).toBe(1 + 1);
  });

  it('reads an English export wide by sex and year', async () => {
    const table = unpivotWide(await openSource(fixture('11re-en-wide-sex-year.csv')));
    expect(table.headers).toEqual(['Area', 'Age', 'sex', 'year', 'Population 31 Dec']);
    expect((await rowsOf(table)).map((r) => r.fields[2])).toEqual([
      'Males',
      'Females',
      'Total',
      'Males',
      'Females',
      'Total',
    ]);
  });

  it('leaves a long 11ra export as it is', async () => {
    const table = unpivotWide(await openSource(fixture('11ra-fi-long.csv')));
    expect(table.headers).toEqual(['Alue', 'Vuosi', 'Väestö 31.12.']);
    expect(await rowsOf(table)).toHaveLength(4);
  });
});

describe('parseWideHeader', () => {
  it('finds sex, year and what is counted in any order and language', () => {
    expect(parseWideHeader('Miehet 2019 Väestö 31.12.')).toEqual({
      sex: 'Miehet',
      year: '2019',
      measure: 'Väestö 31.12.',
    });
    expect(parseWideHeader('2020 Naiset Väestö 31.12.')).toMatchObject({ sex: 'Naiset', year: '2020' });
    expect(parseWideHeader('Män 2019 Befolkning 31.12.')).toMatchObject({ sex: 'Män', year: '2019' });
    expect(parseWideHeader('Yhteensä')).toEqual({ sex: 'Yhteensä', year: undefined, measure: '' });
    expect(parseWideHeader('2021')).toEqual({ sex: undefined, year: '2021', measure: '' });
  });

  it('leaves ordinary headers alone', () => {
    for (const header of [
      'Alue',
      'Ikä',
      'Sukupuoli',
      'Vuosi',
      'Väestö 31.12.',
      'Population 31 Dec',
      'Mänttä',
    ])
      expect(parseWideHeader(header)).toBeUndefined();
  });
});

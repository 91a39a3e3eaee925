import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceLanguage } from '../model/index.js';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { seededStore, writeText } from './testing.js';

let store: Store;
let dir: string;
beforeAll(async () => {
  ({ store, dir } = await seededStore());
});
afterAll(() => store.close());

const unitHeader =
  'koodi;nimi;palveluluokat;tuottaja;kunta;x;y;kapasiteetti;kapasiteettiyksikko;voimassa_alkaen;kanavat;kielet';
const unitRow = (code: string, languages: string, delimiter = ';') =>
  [
    code,
    `Asema ${code}`,
    'HC',
    'OWN',
    '901',
    '400100',
    '6950100',
    '1000',
    'käynnit',
    '2020-01-01',
    'vastaanotto',
  ]
    .concat(languages)
    .join(delimiter);

interface Reject {
  line: number;
  column_name: string;
  value: string | null;
  reason: string;
}
const rejectsOf = (importId: number) =>
  store.all<Reject>(
    'SELECT line, column_name, value, reason FROM rejects WHERE import_id = $id ORDER BY line',
    {
      id: importId,
    },
  );
const languagesOf = async (codes: string[]) =>
  new Map(
    (
      await store.all<{ code: string; languages: string[] | null }>(
        `SELECT code, languages FROM units WHERE code IN (${codes.map((c) => `'${c}'`).join(', ')})`,
      )
    ).map((r) => [r.code, r.languages]),
  );

/** The ways people write each language in a unit register: code, name in Finnish, Swedish, English. */
const spellings: Record<ServiceLanguage, string[]> = {
  fi: ['fi', 'FI', 'suomi', 'Suomi', 'finska', 'Finnish', 'fin'],
  sv: ['sv', 'SV', 'ruotsi', 'Ruotsi', 'svenska', 'Swedish', 'swe'],
  se: ['se', 'pohjoissaame', 'nordsamiska', 'Northern Sámi', 'North Sami'],
  smn: ['smn', 'inarinsaame', 'enaresamiska', 'Inari Sámi'],
  sms: ['sms', 'koltansaame', 'skoltsamiska', 'Skolt Sami'],
  other: ['muu', 'annat', 'other', 'OTHER'],
};
const separators = [',', ', ', ';', '/', ' / ', '|', ' ja ', ' och ', ' and ', ' JA ', ' & ', '+'];
const languages = Object.keys(spellings) as ServiceLanguage[];

/** A non-empty list of distinct languages, each written one of its ways, joined by any separators. */
const writtenList = fc
  .uniqueArray(fc.constantFrom(...languages), { minLength: 1, maxLength: 4 })
  .chain((list) =>
    fc
      .tuple(
        fc.tuple(...list.map((language) => fc.constantFrom(...spellings[language]))),
        fc.array(fc.constantFrom(...separators), { minLength: list.length, maxLength: list.length }),
      )
      .map(([words, seps]) => ({
        list,
        text: words.map((w, i) => (i === 0 ? w : `${seps[i] ?? ','}${w}`)).join(''),
      })),
  );

let run = 0;

describe('unit languages', () => {
  it('reads any spelling and separator people use as the same languages, in order', async () => {
    // Semicolons and commas are among the separators, so the file's columns are separated by tabs.
    await fc.assert(
      fc.asyncProperty(fc.array(writtenList, { minLength: 1, maxLength: 25 }), async (rows) => {
        run += 1;
        const codes = rows.map((_, i) => `R${run}X${i}`);
        const text = [
          unitHeader.replaceAll(';', '\t'),
          ...rows.map((row, i) => unitRow(codes[i] as string, row.text, '\t')),
        ];
        const summary = await importFile(store, { file: writeText(dir, `u${run}.tsv`, text), kind: 'units' });
        expect(summary).toMatchObject({ rowsRead: rows.length, rowsAccepted: rows.length, rowsRejected: 0 });
        const stored = await languagesOf(codes);
        rows.forEach((row, i) => {
          expect(stored.get(codes[i] as string)).toEqual(row.list);
        });
      }),
      { numRuns: 5, seed: 16 },
    );
  });

  it('rejects a value it does not know, with the line and reason, and guesses nothing', async () => {
    const file = writeText(dir, 'bad.csv', [
      unitHeader,
      unitRow('B1', 'suomi, ruotsi'),
      unitRow('B2', 'saame'),
      unitRow('B3', 'FI/klingon'),
      unitRow('B4', 'fi sv'),
      unitRow('B5', ''),
    ]);
    const summary = await importFile(store, { file, kind: 'units' });
    expect(summary).toMatchObject({ rowsRead: 5, rowsAccepted: 2, rowsRejected: 3 });
    const rejects = await rejectsOf(summary.importId as number);
    expect(rejects.map((r) => [r.line, r.column_name, r.value])).toEqual([
      [3, 'kielet', 'saame'],
      [4, 'kielet', 'FI/klingon'],
      [5, 'kielet', 'fi sv'],
    ]);
    for (const r of rejects) expect(r.reason).toContain('fi, sv, se, smn, sms, other');
    const stored = await languagesOf(['B1', 'B5']);
    expect(stored.get('B1')).toEqual(['fi', 'sv']);
    // No column value: the register does not say, which is not the same as Finnish.
    expect(stored.get('B5')).toBeNull();
  });
});

describe('population by language', () => {
  it('imports residents by municipality, year and language group, skipping totals', async () => {
    const file = writeText(
      dir,
      'kielet.csv',
      [
        'Alue;Vuosi;Kieli;Väestö',
        'KU901 Keskusta;2024;Yhteensä;1000',
        'KU901 Keskusta;2024;suomi;880',
        'KU901 Keskusta;2024;ruotsi;90',
        'KU901 Keskusta;2024;saame;2',
        'KU901 Keskusta;2024;Vieraat kielet yhteensä;28',
        '902;2024;sv;5',
        '902;2024;saame (pohjoissaame);1',
        '999;2024;fi;10',
      ],
      'utf-8-bom',
    );
    const summary = await importFile(store, { file, kind: 'populationLanguages' });
    expect(summary).toMatchObject({ rowsRead: 8, rowsAccepted: 5, rowsRejected: 3, totalsSkipped: 1 });
    const rows = await store.all<{ area_code: string; language: string; count: number }>(
      'SELECT area_code, language, count FROM population_languages ORDER BY area_code, language',
    );
    expect(rows).toEqual([
      { area_code: '901', language: 'fi', count: 880 },
      { area_code: '901', language: 'other', count: 28 },
      { area_code: '901', language: 'smi', count: 2 },
      { area_code: '901', language: 'sv', count: 90 },
      { area_code: '902', language: 'sv', count: 5 },
    ]);
    const rejects = await rejectsOf(summary.importId as number);
    // The total is kept as a skipped row; a single Sámi language is not Statistics Finland's group.
    expect(rejects.map((r) => [r.line, r.column_name, r.reason])).toEqual([
      [2, 'Kieli', 'total row, skipped'],
      [8, 'Kieli', 'unknown value; expected one of fi, sv, smi, other'],
      [9, 'Alue', 'unknown municipality code 999'],
    ]);
  });
});

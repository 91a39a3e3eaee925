import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hyphenLikes, identityCodeCheckCharacter } from '../model/index.js';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { eventHeader, eventRow, seededStore, writeText } from './testing.js';

/**
 * Identity codes as they turn up in real files: any letter case, any dash a word processor puts
 * in, spaces and quotes around them, alone in a field or inside free text, at any depth of a JSON
 * record. Each must make the import refuse the whole file and leave the store as it was; a code
 * with a wrong check character must not.
 */

const signsOf = (year: number): string[] =>
  year < 1900 ? ['+'] : year < 2000 ? ['-', 'Y', 'X', 'W', 'V', 'U'] : ['A', 'B', 'C', 'D', 'E', 'F'];

interface Code {
  valid: string;
  /** The same code with a wrong check character, spelt the same way. */
  nearMiss: string;
}

const spelledCode: fc.Arbitrary<Code> = fc
  .record({
    date: fc.date({ min: new Date('1850-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
    individual: fc.integer({ min: 2, max: 899 }),
    pick: fc.nat(),
    dash: fc.constantFrom(...hyphenLikes),
    lowerSign: fc.boolean(),
    lowerCheck: fc.boolean(),
    before: fc.constantFrom('', ' ', '  ', '"', "'", '“', ' "'),
    after: fc.constantFrom('', ' ', '"', "'", '”', '" '),
    wrongBy: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ date, individual, pick, dash, lowerSign, lowerCheck, before, after, wrongBy }) => {
    const year = date.getUTCFullYear();
    const signs = signsOf(year);
    let sign = signs[pick % signs.length] ?? '-';
    if (sign === '-') sign = dash;
    if (lowerSign) sign = sign.toLowerCase();
    const digits = [date.getUTCDate(), date.getUTCMonth() + 1, year % 100]
      .map((n) => String(n).padStart(2, '0'))
      .join('');
    const number = String(individual).padStart(3, '0');
    const alphabet = '0123456789ABCDEFHJKLMNPRSTUVWXY';
    const check = identityCodeCheckCharacter(digits, number);
    const wrong = alphabet[(alphabet.indexOf(check) + wrongBy) % 31] ?? '0';
    const cased = (c: string) => (lowerCheck ? c.toLowerCase() : c);
    return {
      valid: `${before}${digits}${sign}${number}${cased(check)}${after}`,
      nearMiss: `${before}${digits}${sign}${number}${cased(wrong)}${after}`,
    };
  });

/** Where in a field the code sits: alone, or inside a sentence. */
const placement = fc.constantFrom(
  (code: string) => code,
  (code: string) => `Asiakas ${code} soitti`,
  (code: string) => `hetu:${code}, tarkista`,
  (code: string) => `(${code})`,
  (code: string) => `Kävijä ${code}. ${'lisätietoa '.repeat(8)}`,
);

const target = fc.record({ place: placement, where: fc.constantFrom('key', 'note') });

let store: Store;
let dir: string;
beforeAll(async () => {
  ({ store, dir } = await seededStore());
});
afterAll(() => store.close());

let fileCounter = 0;
const fileName = (ext: string) => join(dir, `f${++fileCounter}.${ext}`);
const csvFile = (lines: string[] | string, encoding?: 'latin1') =>
  writeText(dir, `f${++fileCounter}.csv`, lines, encoding);

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

const eventObject = (id = 'N1'): Record<string, string> =>
  Object.fromEntries(eventHeader.split(';').map((h, i) => [h, eventRow(id).split(';')[i] ?? '']));

const storedCounts = async (): Promise<string> =>
  JSON.stringify(
    await store.all(
      `SELECT (SELECT count(*) FROM events) e, (SELECT count(*) FROM units) u, (SELECT count(*) FROM population) p,
              (SELECT count(*) FROM imports) i, (SELECT count(*) FROM rejects) r`,
    ),
  );

/** Imports the file twice over: a valid code must be refused with the store unchanged, a near miss not. */
const expectRefusedOnlyWhenValid = async (
  write: (value: string) => Promise<string> | string,
  kind: 'events' | 'units' | 'population',
  code: Code,
  column: string,
): Promise<void> => {
  const before = await storedCounts();
  const summary = await importFile(store, { file: await write(code.valid), kind, dryRun: false });
  expect(summary.refused, code.valid).toBe(true);
  expect(summary.reason).toContain(`"${column}" (1)`);
  expect(summary.reason).not.toContain(code.valid.trim());
  expect(await storedCounts()).toBe(before);
  const clean = await importFile(store, { file: await write(code.nearMiss), kind, dryRun: true });
  // The reason is part of what is compared, so that a file refused for anything else says what it was.
  expect({ refused: clean.refused, reason: clean.reason }, code.nearMiss).toEqual({
    refused: false,
    reason: null,
  });
};

const runs = { numRuns: 12 };

describe('identity codes in every spelling are refused in every format', () => {
  it('CSV, read on the fast tagged path', async () => {
    await fc.assert(
      fc.asyncProperty(spelledCode, target, async (code, { place, where }) => {
        const write = (value: string) =>
          csvFile([
            `${eventHeader};muistiinpano`,
            `${eventRow('E1')};ok`,
            `${eventRow('E2', { key: where === 'key' ? quoted(place(value)) : 'abcdefgh' })};${where === 'note' ? quoted(place(value)) : 'ok'}`,
          ]);
        await expectRefusedOnlyWhenValid(
          write,
          'events',
          code,
          where === 'key' ? 'asiakasavain' : 'muistiinpano',
        );
      }),
      runs,
    );
  });

  it('CSV whose records are read one by one (units given in WGS84)', async () => {
    await fc.assert(
      fc.asyncProperty(spelledCode, placement, async (code, place) => {
        const write = (value: string) =>
          csvFile([
            'koodi;nimi;palveluluokat;tuottaja;kunta;lon;lat;kapasiteetti;kapasiteettiyksikko;voimassa_alkaen;kanavat',
            `W1;${quoted(place(value))};HC;OWN;901;27;62;100;käynnit;2022-01-01;digi`,
          ]);
        await expectRefusedOnlyWhenValid(write, 'units', code, 'nimi');
      }),
      runs,
    );
  });

  it('XLSX cells', async () => {
    await fc.assert(
      fc.asyncProperty(spelledCode, target, async (code, { place, where }) => {
        const write = async (value: string) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet('Käynnit');
          sheet.addRow([...eventHeader.split(';'), 'muistiinpano']);
          sheet.addRow([...eventRow('E1').split(';'), 'ok']);
          const row = eventRow('E2', { key: where === 'key' ? place(value) : 'abcdefgh' }).split(';');
          sheet.addRow([...row, where === 'note' ? place(value) : 'ok']);
          const path = fileName('xlsx');
          await workbook.xlsx.writeFile(path);
          return path;
        };
        await expectRefusedOnlyWhenValid(
          write,
          'events',
          code,
          where === 'key' ? 'asiakasavain' : 'muistiinpano',
        );
      }),
      { numRuns: 6 },
    );
  });

  /** Puts the value at a random depth under `member`, in objects and arrays. */
  const nested = (value: string, depth: number, member: string): unknown =>
    depth === 0
      ? value
      : depth % 2 === 1
        ? [1, nested(value, depth - 1, member)]
        : { [member]: nested(value, depth - 1, member) };

  const jsonTarget = fc.record({
    place: placement,
    depth: fc.integer({ min: 0, max: 4 }),
    // A member the first record lacks is not a header, but it is searched all the same.
    member: fc.constantFrom('asiakasavain', 'lisatiedot', 'myohemmin'),
  });

  it('JSON arrays and NDJSON, at any depth and in members outside the headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        spelledCode,
        jsonTarget,
        fc.boolean(),
        async (code, { place, depth, member }, lines) => {
          const write = (value: string) => {
            const first = { ...eventObject('E1'), lisatiedot: 'ok' };
            const second = {
              ...eventObject('E2'),
              lisatiedot: 'ok',
              [member]: nested(place(value), depth, 'x'),
            };
            const path = fileName(lines ? 'ndjson' : 'json');
            writeFileSync(
              path,
              lines
                ? `${JSON.stringify(first)}\n${JSON.stringify(second)}\n`
                : JSON.stringify([first, second]),
            );
            return path;
          };
          await expectRefusedOnlyWhenValid(write, 'events', code, member);
        },
      ),
      runs,
    );
  });

  it('GeoJSON properties at any depth', async () => {
    await fc.assert(
      fc.asyncProperty(spelledCode, jsonTarget, async (code, { place, depth, member }) => {
        const write = (value: string) => {
          const properties = (id: string, extra: Record<string, unknown> = {}) => ({
            koodi: id,
            nimi: 'Geo',
            palveluluokat: 'HC',
            tuottaja: 'OWN',
            kunta: '901',
            kapasiteetti: 100,
            kapasiteettiyksikko: 'käynnit',
            voimassa_alkaen: '2022-01-01',
            kanavat: 'digi',
            asiakasavain: 'abcdefgh',
            lisatiedot: 'ok',
            ...extra,
          });
          const feature = (props: Record<string, unknown>) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [27, 62] },
            properties: props,
          });
          const path = fileName('geojson');
          writeFileSync(
            path,
            JSON.stringify({
              type: 'FeatureCollection',
              features: [
                feature(properties('G1')),
                feature(properties('G2', { [member]: nested(place(value), depth, 'x') })),
              ],
            }),
          );
          return path;
        };
        await expectRefusedOnlyWhenValid(write, 'units', code, member);
      }),
      runs,
    );
  });

  it('JSON-stat category codes', async () => {
    await fc.assert(
      fc.asyncProperty(spelledCode, async (code) => {
        const write = (value: string) => {
          const path = fileName('json');
          writeFileSync(
            path,
            JSON.stringify({
              class: 'dataset',
              version: '2.0',
              id: ['alue', 'vuosi', 'sukupuoli', 'ika'],
              size: [2, 1, 1, 1],
              role: { geo: ['alue'], time: ['vuosi'] },
              dimension: {
                alue: { label: 'Alue', category: { index: ['KU901', value.trim()] } },
                vuosi: { label: 'Vuosi', category: { index: ['2024'] } },
                sukupuoli: { label: 'Sukupuoli', category: { index: ['1'] } },
                ika: { label: 'Ikä', category: { index: ['5'] } },
              },
              value: [10, 3],
            }),
          );
          return path;
        };
        await expectRefusedOnlyWhenValid(write, 'population', code, 'area_code');
      }),
      runs,
    );
  });
});

describe('identity codes the guard used to miss', () => {
  const code = (sign: string, check = true) => {
    const digits = '010203';
    const c = identityCodeCheckCharacter(digits, '123');
    return `${digits}${sign}123${check ? c : c.toLowerCase()}`;
  };

  it.each([
    ['a lower-case century letter', code('a')],
    ['a lower-case check character', '131052-308t'],
    ['an en dash', '131052\u2013308T'],
    ['a non-breaking hyphen', '131052\u2011308T'],
    ['a soft hyphen', '131052\u00AD308T'],
    ['a minus sign', '131052\u2212308T'],
    ['a full-width hyphen-minus', '131052\uFF0D308T'],
  ])('refuses a client key with %s (%s)', async (_, value) => {
    const before = await storedCounts();
    const file = csvFile([eventHeader, eventRow('E1', { key: value })]);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary).toMatchObject({ refused: true, rowsAccepted: 0 });
    expect(await storedCounts()).toBe(before);
  });

  it('refuses an en dash in a Windows-1252 file', async () => {
    const file = csvFile(
      [eventHeader, eventRow('E1', { key: '131052\u2013308T' })].join('\r\n').replace('\u2013', '\x96'),
      'latin1',
    );
    expect((await importFile(store, { file, kind: 'events' })).refused).toBe(true);
  });

  it('refuses a code in free text longer than forty characters', async () => {
    const note = `Asiakas soitti aamulla ja kertoi tunnuksensa 131052-308T, soitetaan takaisin`;
    const file = csvFile([`${eventHeader};huom`, `${eventRow('E1')};${note}`]);
    expect((await importFile(store, { file, kind: 'events' })).reason).toContain('"huom" (1)');
  });

  it('refuses a code in a record that a chunk boundary cuts after the code', async () => {
    // The fast path reads 4 MiB chunks; the code sits early in a record that ends in the next chunk.
    const chunk = 4 << 20;
    const head = `${eventHeader};huom\n`;
    const filler = `${eventRow('E0')};ok\n`;
    const lines: string[] = [];
    let length = head.length;
    let i = 0;
    while (length + filler.length < chunk - 60) {
      lines.push(`${eventRow(`E${i++}`)};ok`);
      length += lines[lines.length - 1]?.length ?? 0;
      length += 1;
    }
    lines.push(`${eventRow('X1')};"131052-308T ${'x'.repeat(200)}"`);
    const file = csvFile([head.trimEnd(), ...lines]);
    expect((await importFile(store, { file, kind: 'events', dryRun: true })).refused).toBe(true);
  });

  it('refuses a code in an NDJSON line that is not valid JSON, without echoing it', async () => {
    const path = fileName('ndjson');
    writeFileSync(path, `${JSON.stringify(eventObject())}\n{"asiakasavain": "131052-308T",\n`);
    const summary = await importFile(store, { file: path, kind: 'events' });
    expect(summary.refused).toBe(true);
    expect(summary.reason).not.toContain('131052');
  });

  it('never echoes a code that names a column', async () => {
    const path = fileName('json');
    writeFileSync(path, JSON.stringify([{ ...eventObject(), asiakkaat: { '131052-308T': 1 } }]));
    const summary = await importFile(store, { file: path, kind: 'events' });
    expect(summary.refused).toBe(true);
    const named = fileName('json');
    writeFileSync(named, JSON.stringify([eventObject(), { ...eventObject(), '131052-308T': 'x' }]));
    const second = await importFile(store, { file: named, kind: 'events' });
    expect(second.refused).toBe(true);
    expect(second.reason).not.toContain('131052');
  });
});

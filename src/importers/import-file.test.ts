import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { centurySigns, identityCodeCheckCharacter } from '../model/index.js';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
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

const count = async (store: Store, table: string): Promise<number> =>
  (await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? -1;

describe('importFile: events CSV', () => {
  it('accepts good rows, rejects bad ones with line, column and reason, and counts add up', async () => {
    const { store, dir } = await seeded();
    const file = writeText(
      dir,
      'events.csv',
      [
        eventHeader,
        eventRow('E1'),
        eventRow('E2', { date: '5.1.2024', cost: '1 234,50' }),
        '',
        eventRow('E3', { age: '130' }),
        eventRow('E4', { date: '2024-02-30' }),
        eventRow('E5', { klass: 'XX' }),
        'E6;2024-01-08;901;;30;1;HC',
        `"E;7";2024-01-09;901;;30;2;HC;U1;OWN;digi;käynti;1;"2,5";`,
        eventRow('E8', { municipality: '999' }),
        eventRow('E9', { cost: '-1' }),
        eventRow('E1'),
      ],
      'utf-8-bom',
    );
    const rejectsFile = join(dir, 'rejects.csv');
    const summary = await importFile(store, { file, kind: 'events', rejectsFile });
    expect(summary).toMatchObject({
      rowsRead: 10,
      rowsAccepted: 3,
      rowsRejected: 7,
      emptyLinesSkipped: 1,
      refused: false,
      encoding: 'utf-8-bom',
    });
    const rejects = await store.all<{
      line: number;
      column_name: string;
      value: string | null;
      reason: string;
    }>('SELECT line, column_name, value, reason FROM rejects ORDER BY line');
    expect(rejects).toEqual([
      { line: 5, column_name: 'ikä', value: '130', reason: 'must be at most 100' },
      {
        line: 6,
        column_name: 'pvm',
        value: '2024-02-30',
        reason: 'not a date (write YYYY-MM-DD or D.M.YYYY)',
      },
      { line: 7, column_name: 'palveluluokka', value: 'XX', reason: 'unknown service class code' },
      { line: 8, column_name: '', value: null, reason: 'too few columns: expected 14, found 7' },
      { line: 10, column_name: 'kunta', value: '999', reason: 'unknown municipality code 999' },
      { line: 11, column_name: 'kustannus_eur', value: '-1', reason: 'must be at least 0' },
      { line: 12, column_name: 'tapahtuma_id', value: 'E1', reason: 'the same key as line 2' },
    ]);
    const stored = await store.all(
      'SELECT source_id, event_date, cost_euros, channel, sex, source_line FROM events ORDER BY source_line',
    );
    expect(stored).toEqual([
      {
        source_id: 'E1',
        event_date: '2024-01-05',
        cost_euros: 85.5,
        channel: 'inPerson',
        sex: 'male',
        source_line: 2,
      },
      {
        source_id: 'E2',
        event_date: '2024-01-05',
        cost_euros: 1234.5,
        channel: 'inPerson',
        sex: 'male',
        source_line: 3,
      },
      {
        source_id: 'E;7',
        event_date: '2024-01-09',
        cost_euros: 2.5,
        channel: 'digital',
        sex: 'female',
        source_line: 9,
      },
    ]);
    const report = readFileSync(rejectsFile, 'utf8');
    expect(report.startsWith('\uFEFFrivi;sarake;arvo;syy\r\n5;ikä;130;must be at most 100\r\n')).toBe(true);
    expect(report.trim().split('\r\n')).toHaveLength(8);
  });

  it('reads Windows-1252, comma-delimited and tab-delimited files alike', async () => {
    const { store, dir } = await seeded();
    const rows = [eventHeader, eventRow('W1', { cost: '12,5' })];
    const latin = writeText(
      dir,
      'w1252.csv',
      rows.map((r) => r.replace('käynti', 'käynti')),
      'latin1',
    );
    const comma = writeText(dir, 'comma.csv', [
      eventHeader.replaceAll(';', ','),
      eventRow('C1', { cost: '"12,5"' }).replaceAll(';', ',').replace('"12,5"', '"12,5"'),
    ]);
    const tab = writeText(dir, 'tab.csv', [
      eventHeader.replaceAll(';', '\t'),
      eventRow('T1', { cost: '12,5' }).replaceAll(';', '\t'),
    ]);
    const a = await importFile(store, { file: latin, kind: 'events' });
    const b = await importFile(store, { file: comma, kind: 'events' });
    const c = await importFile(store, { file: tab, kind: 'events' });
    expect([a.encoding, a.delimiter, a.rowsAccepted]).toEqual(['windows-1252', ';', 1]);
    expect([b.delimiter, b.rowsAccepted]).toEqual([',', 1]);
    expect([c.delimiter, c.rowsAccepted]).toEqual(['\t', 1]);
    const costs = await store.all<{ cost_euros: number; kind: string }>(
      'SELECT cost_euros, kind FROM events',
    );
    expect(costs).toEqual([
      { cost_euros: 12.5, kind: 'visit' },
      { cost_euros: 12.5, kind: 'visit' },
      { cost_euros: 12.5, kind: 'visit' },
    ]);
  });

  it('updates rows of the same source and id on re-import and never duplicates them', async () => {
    const { store, dir } = await seeded();
    const first = writeText(dir, 'a.csv', [eventHeader, eventRow('E1'), eventRow('E2')]);
    const second = writeText(dir, 'b.csv', [eventHeader, eventRow('E2', { cost: '99' }), eventRow('E3')]);
    await importFile(store, { file: first, kind: 'events', source: 'his' });
    const again = await importFile(store, { file: second, kind: 'events', source: 'his' });
    const other = await importFile(store, { file: first, kind: 'events', source: 'other' });
    expect([again.rowsInserted, again.rowsUpdated]).toEqual([1, 1]);
    expect(other.rowsInserted).toBe(2);
    expect(
      await store.all('SELECT source, source_id, cost_euros FROM events ORDER BY source, source_id'),
    ).toEqual([
      { source: 'his', source_id: 'E1', cost_euros: 85.5 },
      { source: 'his', source_id: 'E2', cost_euros: 99 },
      { source: 'his', source_id: 'E3', cost_euros: 85.5 },
      { source: 'other', source_id: 'E1', cost_euros: 85.5 },
      { source: 'other', source_id: 'E2', cost_euros: 85.5 },
    ]);
  });

  it('writes nothing on a dry run but reports the same counts', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'e.csv', [eventHeader, eventRow('E1'), eventRow('E2', { age: 'x' })]);
    const before = await count(store, 'imports');
    const summary = await importFile(store, { file, kind: 'events', dryRun: true });
    expect(summary).toMatchObject({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      importId: null,
      dryRun: true,
    });
    expect(await count(store, 'events')).toBe(0);
    expect(await count(store, 'rejects')).toBe(0);
    expect(await count(store, 'imports')).toBe(before);
  });

  it('refuses a file without the required columns and names them', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'e.csv', ['tapahtuma_id;pvm', 'E1;2024-01-01']);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary.refused).toBe(true);
    expect(summary.reason).toContain('municipalityCode');
    expect(summary.rowsRead).toBe(summary.rowsAccepted + summary.rowsRejected);
  });

  it('keeps rows read = accepted + rejected for any mix of good and bad rows', async () => {
    const { store, dir } = await seeded();
    const bad = ['130', 'x', '-1', '', '45,5'];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            good: fc.boolean(),
            which: fc.nat(bad.length - 1),
            blank: fc.boolean(),
            dup: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        async (rows) => {
          n++;
          const lines = [eventHeader];
          let expectAccepted = 0;
          rows.forEach((r, i) => {
            const id = r.dup && i > 0 ? `R${n}_0` : `R${n}_${i}`;
            if (r.blank) lines.push('');
            lines.push(r.good ? eventRow(id) : eventRow(id, { age: bad[r.which] }));
          });
          const seen = new Set<string>();
          rows.forEach((r, i) => {
            const id = r.dup && i > 0 ? `R${n}_0` : `R${n}_${i}`;
            if (r.good && !seen.has(id)) expectAccepted++;
            if (r.good) seen.add(id);
          });
          const file = writeText(dir, `p${n}.csv`, lines);
          const s = await importFile(store, { file, kind: 'events', source: `p${n}` });
          expect(s.rowsRead).toBe(rows.length);
          expect(s.rowsAccepted + s.rowsRejected).toBe(s.rowsRead);
          expect(s.rowsAccepted).toBe(expectAccepted);
          const stored = await store.all<{ n: number }>(
            `SELECT count(*) AS n FROM events WHERE source = 'p${n}'`,
          );
          expect(stored[0]?.n).toBe(expectAccepted);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('importFile: personal identity codes', () => {
  const code = (sign: string) => {
    const date = '010203';
    return `${date}${sign}123${identityCodeCheckCharacter(date, '123')}`;
  };

  it.each(centurySigns)(
    'refuses the whole file when a column holds codes with century sign %s',
    async (sign) => {
      const { store, dir } = await seeded();
      const file = writeText(dir, 'e.csv', [
        eventHeader,
        eventRow('E1'),
        eventRow('E2', { key: code(sign) }),
        eventRow('E3', { key: code(sign) }),
      ]);
      const summary = await importFile(store, { file, kind: 'events' });
      expect(summary.refused).toBe(true);
      expect(summary.reason).toContain('"asiakasavain" (2)');
      expect(summary.reason).not.toContain(code(sign));
      expect(summary).toMatchObject({ rowsRead: 3, rowsAccepted: 0, rowsRejected: 3 });
      expect(await count(store, 'events')).toBe(0);
      expect(await count(store, 'rejects')).toBe(0);
    },
  );

  it('finds a code in any column, even one the import does not use, deep in a large file', async () => {
    const { store, dir } = await seeded();
    const lines = [`${eventHeader};muistiinpano`];
    for (let i = 0; i < 60_000; i++)
      lines.push(`${eventRow(`E${i}`)};${i === 59_000 ? `hetu ${code('-')}` : 'ok'}`);
    const summary = await importFile(store, { file: writeText(dir, 'big.csv', lines), kind: 'events' });
    expect(summary.refused).toBe(true);
    expect(summary.reason).toContain('"muistiinpano" (1)');
    expect(await count(store, 'events')).toBe(0);
  });

  it('does not refuse values that only look like codes', async () => {
    const { store, dir } = await seeded();
    const wrongCheck = `${code('A').slice(0, 10)}${code('A').endsWith('0') ? '1' : '0'}`;
    const file = writeText(dir, 'e.csv', [eventHeader, eventRow('E1', { key: wrongCheck })]);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary.refused).toBe(false);
  });
});

describe('importFile: other formats', () => {
  it('reads a JSON-stat 2.0 population table, skipping totals, with dimension ids from the file', async () => {
    const { store, dir } = await seeded();
    const dataset = {
      class: 'dataset',
      version: '2.0',
      id: ['alue_23_20260101', 'vuosi', 'sukupuoli', 'ika', 'tiedot'],
      size: [2, 1, 3, 2, 1],
      role: { geo: ['alue_23_20260101'], time: ['vuosi'], metric: ['tiedot'] },
      dimension: {
        alue_23_20260101: { label: 'Alue', category: { index: { SSS: 0, KU901: 1 } } },
        vuosi: { label: 'Vuosi', category: { index: ['2024'] } },
        sukupuoli: { label: 'Sukupuoli', category: { index: ['SSS', '1', '2'] } },
        ika: { label: 'Ikä', category: { index: ['0', '100-'] } },
        tiedot: { label: 'Tiedot', category: { index: ['vaesto'] } },
      },
      value: [10, 2, 4, 1, 6, 1, 7, 1, 3, null, 4, 1],
    };
    const file = join(dir, 'population.json');
    writeFileSync(file, JSON.stringify(dataset));
    const summary = await importFile(store, { file, kind: 'population' });
    // Totals are read and skipped as rejects with their own reason, so rows read = accepted + rejected.
    expect(summary).toMatchObject({
      format: 'jsonstat',
      rowsRead: 11,
      rowsAccepted: 3,
      rowsRejected: 8,
      totalsSkipped: 8,
      emptyLinesSkipped: 1,
    });
    expect(
      await store.all(
        'SELECT area_level, area_code, year, age, sex, count FROM population ORDER BY sex, age',
      ),
    ).toEqual([
      { area_level: 'municipality', area_code: '901', year: 2024, age: 0, sex: 'female', count: 4 },
      { area_level: 'municipality', area_code: '901', year: 2024, age: 100, sex: 'female', count: 1 },
      { area_level: 'municipality', area_code: '901', year: 2024, age: 0, sex: 'male', count: 3 },
    ]);
  });

  it('reads units from WGS84 GeoJSON into EPSG:3067', async () => {
    const { store, dir } = await seeded();
    const file = join(dir, 'units.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [27, 62] },
            properties: {
              koodi: 'G1',
              nimi: 'Geo',
              palveluluokat: 'HC',
              tuottaja: 'OWN',
              kunta: '901',
              kapasiteetti: 100,
              kapasiteettiyksikko: 'käynnit',
              voimassa_alkaen: '2022-01-01',
              kanavat: 'digi',
            },
          },
        ],
      }),
    );
    const summary = await importFile(store, { file, kind: 'units' });
    expect(summary).toMatchObject({ format: 'geojson', rowsAccepted: 1 });
    const [unit] = await store.all<{ x: number; y: number; channels: string[] }>(
      `SELECT x, y, channels FROM units WHERE code = 'G1'`,
    );
    expect(unit?.x).toBeCloseTo(500_000, 0);
    expect(unit?.y).toBeGreaterThan(6_870_000);
    expect(unit?.channels).toEqual(['digital']);
  });

  it('reads producers from XLSX and NDJSON', async () => {
    const { store, dir } = await seeded();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tuottajat');
    sheet.addRow(['koodi', 'nimi', 'tyyppi', 'y_tunnus']);
    sheet.addRow(['X1', 'Palveluseteli Oy', 'palveluseteli', '1572860-0']);
    sheet.addRow(['X2', 'Yhdistys ry', 'järjestö', '']);
    const xlsx = join(dir, 'producers.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const ndjson = join(dir, 'producers.ndjson');
    writeFileSync(
      ndjson,
      '{"code":"X3","name":"Ostopalvelu Oy","kind":"purchased"}\n{"code":"X4","name":"","kind":"own"}\n',
    );
    const a = await importFile(store, { file: xlsx, kind: 'producers' });
    const b = await importFile(store, { file: ndjson, kind: 'producers' });
    expect(a).toMatchObject({ format: 'xlsx', rowsRead: 2, rowsAccepted: 2 });
    expect(b).toMatchObject({ format: 'ndjson', rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(await store.all(`SELECT code, kind FROM producers WHERE code LIKE 'X%' ORDER BY code`)).toEqual([
      { code: 'X1', kind: 'voucher' },
      { code: 'X2', kind: 'ngo' },
      { code: 'X3', kind: 'purchased' },
    ]);
  });
});

describe('importFile: refusals come before anything else', () => {
  it('names identity codes even in a file that lacks required columns', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'p.csv', ['a;b;hetu', '1;2;131052-308T']);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary.refused).toBe(true);
    expect(summary.reason).toContain('"hetu" (1)');
    expect(summary.reason).not.toContain('131052-308T');
    expect(summary).toMatchObject({ rowsRead: 1, rowsRejected: 1, rowsAccepted: 0 });
  });

  it('throws for a file that does not exist', async () => {
    const { store } = await seeded();
    await expect(importFile(store, { file: '/nonexistent/file.csv', kind: 'events' })).rejects.toThrow(
      'no such file',
    );
  });
});

describe('importFile: Windows-1252', () => {
  it('reads € and other typographic characters of 0x80–0x9F correctly', async () => {
    const { store, dir } = await seeded();
    const file = join(dir, 'producers.csv');
    writeFileSync(
      file,
      Buffer.from([
        ...Buffer.from('koodi;nimi;tyyppi\nE1;Hoiva Oy ', 'latin1'),
        0x96,
        ...Buffer.from(' Äänekoski ', 'latin1'),
        0x80,
        ...Buffer.from(';osto\n', 'latin1'),
      ]),
    );
    const summary = await importFile(store, { file, kind: 'producers' });
    expect(summary).toMatchObject({ encoding: 'windows-1252', rowsAccepted: 1 });
    expect(await store.all(`SELECT name FROM producers WHERE code = 'E1'`)).toEqual([
      { name: 'Hoiva Oy – Äänekoski €' },
    ]);
  });
});

describe('importFile: staging in parts', () => {
  it('gives the same result whether the file is validated in one part or in many', async () => {
    const lines = [eventHeader];
    for (let i = 0; i < 200; i++) {
      if (i % 37 === 5) lines.push(`E${i};2024-01-08;901;;30;1;HC`);
      else if (i % 41 === 7) lines.push(eventRow('E3'));
      else lines.push(eventRow(`E${i}`, i % 13 === 0 ? { age: '130' } : {}));
    }
    const results = [];
    for (const stagingPartBytes of [undefined, 300]) {
      const { store, dir } = await seeded();
      const file = writeText(dir, 'events.csv', lines);
      const summary = await importFile(store, { file, kind: 'events', stagingPartBytes });
      const rejects = await store.all('SELECT line, column_name, reason FROM rejects ORDER BY line');
      const events = await store.all('SELECT source_id, source_line FROM events ORDER BY source_line');
      results.push({
        counts: [summary.rowsRead, summary.rowsAccepted, summary.rowsRejected],
        rejects,
        events,
      });
    }
    // 6 rows with too few columns, 5 repeats of E3, 15 ages of 130.
    expect(results[0]?.counts).toEqual([200, 174, 26]);
    expect(results[1]).toEqual(results[0]);
  });
});

describe('importFile: JSON items that are not records', () => {
  it('rejects an unparsable NDJSON line or array item with its number and goes on', async () => {
    const { store, dir } = await seeded();
    const ndjson = join(dir, 'producers.ndjson');
    writeFileSync(
      ndjson,
      '{"code":"J1","name":"A Oy","kind":"own"}\n{"code":"J2",\n\n{"code":"J3","name":"B Oy","kind":"ngo"}\n',
    );
    const array = join(dir, 'producers.json');
    writeFileSync(
      array,
      '[{"code":"J4","name":"C Oy","kind":"own"}, {"code": }, 7, {"code":"J5","name":"D Oy","kind":"voucher"}]',
    );
    const a = await importFile(store, { file: ndjson, kind: 'producers' });
    const b = await importFile(store, { file: array, kind: 'producers' });
    expect(a).toMatchObject({ format: 'ndjson', rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(b).toMatchObject({ format: 'json', rowsRead: 4, rowsAccepted: 2, rowsRejected: 2 });
    const rejects = await store.all<{ import_id: number; line: number; reason: string }>(
      'SELECT import_id, line, reason FROM rejects ORDER BY import_id, line',
    );
    expect(rejects.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [2, 'not valid JSON'],
      [2, 'not valid JSON'],
      [3, 'not a JSON object'],
    ]);
  });
});

describe('importFile: a source system’s mapping file', () => {
  it('maps its own column names and its own codes', async () => {
    const { store, dir } = await seeded();
    const mappingFile = writeText(dir, 'mapping.yaml', [
      'source: Hoiva Oy',
      'columns:',
      '  sourceId: Besöks-ID',
      '  date: Datum',
      '  serviceClass: Tjänst',
      '  channel: Kontakt',
      'values:',
      '  channel: { Besök: inPerson, Telefon: remote }',
      '  serviceClass: { ALLM: HC }',
    ]);
    const file = writeText(dir, 'hoiva.csv', [
      'Besöks-ID;Datum;kommun;ålder;kön;Tjänst;Kontakt;typ;mängd;kostnad',
      'H1;2024-03-01;901;70;2;ALLM;Besök;besök;1;50,5',
      'H2;2024-03-02;901;71;2;OH;Telefon;besök;1;20',
      'H3;2024-03-03;901;72;2;XXX;digi;besök;1;20',
    ]);
    const summary = await importFile(store, { file, kind: 'events', mapping: mappingFile });
    expect(summary).toMatchObject({ source: 'Hoiva Oy', rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(
      await store.all('SELECT source, source_id, service_class, channel FROM events ORDER BY source_id'),
    ).toEqual([
      { source: 'Hoiva Oy', source_id: 'H1', service_class: 'HC', channel: 'inPerson' },
      { source: 'Hoiva Oy', source_id: 'H2', service_class: 'OH', channel: 'remote' },
    ]);
    expect(await store.all('SELECT line, column_name, value, reason FROM rejects')).toEqual([
      { line: 4, column_name: 'Tjänst', value: 'XXX', reason: 'unknown service class code' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RejectsPage } from '../model/index.js';
import { rejectsCsv, rejectsOf } from './reject-queries.js';
import type { Store } from './store.js';
import { openSampleStore } from './testing.js';

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => store.close());

/** A reader for the CSV dialect written here, kept apart from the writer so that it can check it. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
};

describe('rejectsOf', () => {
  it('pages through the rejected rows in file order', async () => {
    const page = RejectsPage.parse(await rejectsOf(store, 2, { limit: 2, offset: 1 }));
    expect(page).toEqual({
      importId: 2,
      total: 4,
      limit: 2,
      offset: 1,
      rows: [
        {
          line: 3,
          column: 'sukupuoli',
          value: null,
          reason: 'missing',
          code: 'legacyText',
          params: { text: 'missing' },
        },
        {
          line: 5,
          column: 'ika',
          value: '-3',
          reason: 'age must be between 0 and 100',
          code: 'legacyText',
          params: { text: 'age must be between 0 and 100' },
        },
      ],
    });
  });

  it('is empty for an import without rejects and undefined for an unknown import', async () => {
    expect((await rejectsOf(store, 1, { limit: 10, offset: 0 }))?.rows).toEqual([]);
    expect(await rejectsOf(store, 42, { limit: 10, offset: 0 })).toBeUndefined();
  });
});

describe('rejectsCsv', () => {
  it('writes UTF-8 with a byte-order mark, semicolons and CRLF, with the Finnish header', async () => {
    const csv = (await rejectsCsv(store, 2)) ?? '';
    expect(csv.startsWith('\uFEFFrivi;sarake;arvo;syy\r\n')).toBe(true);
    expect(csv).toContain('\r\n3;vuosi;"x;""y""";not a year\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('reads back to exactly the stored values, semicolons, quotes and spaces included', async () => {
    const csv = (await rejectsCsv(store, 2)) ?? '';
    expect(parseCsv(csv.slice(1))).toEqual([
      ['rivi', 'sarake', 'arvo', 'syy'],
      ['3', 'vuosi', 'x;"y"', 'not a year'],
      ['3', 'sukupuoli', '', 'missing'],
      ['5', 'ika', "'-3", 'age must be between 0 and 100'],
      ['9', 'alue', ' 091', 'unknown area code'],
    ]);
  });

  it('round-trips line breaks inside a value', async () => {
    await store.run(
      `INSERT INTO rejects (import_id, line, column_name, value, reason) VALUES (1, 2, 'nimi', 'two' || chr(13) || chr(10) || 'lines', 'odd')`,
    );
    const csv = (await rejectsCsv(store, 1)) ?? '';
    await store.run(`DELETE FROM rejects WHERE import_id = 1`);
    expect(parseCsv(csv.slice(1))[1]).toEqual(['2', 'nimi', 'two\r\nlines', 'odd']);
  });

  it('neutralises values a spreadsheet would take for formulas, numbers such as -5 included', async () => {
    const risky = ['=1+1', '+358401234567', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x";"y")'];
    const safe = ['1+1=2', 'a=b', "'=already", ' -5'];
    const values = [...risky, ...safe];
    for (const [i, value] of values.entries()) {
      await store.run(
        `INSERT INTO rejects (import_id, line, column_name, value, reason) VALUES (1, $line, '=kolumni', $value, '+syy')`,
        { line: i + 1, value },
      );
    }
    try {
      const rows = parseCsv(((await rejectsCsv(store, 1)) ?? '').slice(1)).slice(1);
      expect(rows.map((r) => r[2])).toEqual([...risky.map((v) => `'${v}`), ...safe]);
      for (const row of rows) expect([row[1], row[3]]).toEqual(["'=kolumni", "'+syy"]);
    } finally {
      await store.run('DELETE FROM rejects WHERE import_id = 1');
    }
  });

  it('is just the header for an import without rejects, and undefined for an unknown import', async () => {
    expect(await rejectsCsv(store, 1)).toBe('\uFEFFrivi;sarake;arvo;syy\r\n');
    expect(await rejectsCsv(store, 42)).toBeUndefined();
  });
});

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../model/index.js';
import type { Store } from '../store/index.js';
import { fieldsByKind } from './columns.js';
import { formatFields } from './fields.js';
import { importFile } from './import-file.js';
import { seededStore } from './testing.js';

/**
 * Whatever a file holds, an import ends in one of two ways: every row accounted for (read =
 * accepted + rejected), or the whole file refused with the store as it was. Never a thrown error.
 * Fields are drawn from what breaks parsers: extreme numbers, right-to-left text, combining marks,
 * emoji, control characters, quotes and delimiters, very long and empty strings, beside values
 * that pass so that rows also reach the later checks.
 */

const extremeNumbers = fc.constantFrom(
  '1e309',
  '-1e309',
  'NaN',
  'nan',
  'Infinity',
  '-inf',
  '9999999999999999999999',
  '-9223372036854775809',
  '2147483648',
  '4.9e-324',
  '0x1F',
  '1_000',
  '1,2,3',
  '1.2.3',
  '−5',
  '٣',
  '1e',
  '.',
  '-0',
  '00000000000000000000000001',
  '100-',
  '100 –',
  '85+',
);
const unicodeText = fc.constantFrom(
  'שלום עולם',
  'مرحبا',
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301',
  'Z̸̡͔̈́a̵l̶g̷o',
  '👩‍⚕️🏥',
  '\uD800',
  '\uFEFF',
  '\u0000',
  '\u0007\u001B[31m',
  '\r',
  '\t',
  '\u2028',
  'ä ö å Ä Ö Å',
);
const syntax = fc.constantFrom(
  '"',
  '""',
  '";"',
  ';',
  ',',
  '\n',
  '\r\n',
  '"\n"',
  '\\',
  "'",
  '{',
  '[]',
  '{"a":1}',
);
const validish = fc.constantFrom(
  '901',
  '902',
  '2024',
  '2024-01-05',
  '5.1.2024',
  '45',
  '1',
  '2',
  'HC',
  'U1',
  'OWN',
  'vastaanotto',
  'käynti',
  'kunta',
  'oma',
  'käynnit',
  '400100',
  '6950100',
  '85,50',
  'abcdefgh',
  'X1',
);
const field = fc.oneof(
  { weight: 4, arbitrary: validish },
  extremeNumbers,
  unicodeText,
  syntax,
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constant(''),
  fc.nat({ max: 2 }).map((n) => 'x'.repeat(10 ** (n + 2))),
  fc.tuple(validish, unicodeText, syntax).map((parts) => parts.join('')),
);

const kinds: ImportKind[] = ['areas', 'population', 'producers', 'units', 'events', 'costs'];

let store: Store;
let dir: string;
beforeAll(async () => {
  ({ store, dir } = await seededStore());
});
afterAll(() => store.close());

const storeState = async (): Promise<string> =>
  JSON.stringify(
    await store.all(
      `SELECT (SELECT count(*) FROM areas) a, (SELECT count(*) FROM population) p, (SELECT count(*) FROM producers) pr,
              (SELECT count(*) FROM units) u, (SELECT count(*) FROM events) e, (SELECT count(*) FROM costs) c,
              (SELECT count(*) FROM imports) i, (SELECT count(*) FROM rejects) r`,
    ),
  );

let counter = 0;

/** A file of fuzzed rows: CSV quoted properly or joined raw, or JSON records. */
const writeFuzzed = (kind: ImportKind, rows: string[][], shape: 'csv' | 'raw' | 'json'): string => {
  const headers = fieldsByKind[kind].map((f) => f.aliases[0] ?? f.field);
  const path = join(dir, `fuzz-${++counter}.${shape === 'json' ? 'json' : 'csv'}`);
  const fitted = rows.map((row) => headers.map((_, i) => row[i % row.length] ?? ''));
  if (shape === 'json')
    writeFileSync(
      path,
      JSON.stringify(fitted.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])))),
    );
  else {
    const line = (fields: string[]) => (shape === 'csv' ? formatFields(fields, ';') : fields.join(';'));
    writeFileSync(path, [headers, ...fitted].map(line).join('\n'));
  }
  return path;
};

describe('import fuzz: every row accounted for or the file refused, never a thrown error', {
  timeout: 120_000,
}, () => {
  it.each(kinds)('%s', async (kind) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('csv', 'raw', 'json') as fc.Arbitrary<'csv' | 'raw' | 'json'>,
        async (rows, shape) => {
          const before = await storeState();
          const summary = await importFile(store, { file: writeFuzzed(kind, rows, shape), kind });
          if (summary.refused) expect(await storeState()).toBe(before);
          else expect(summary.rowsAccepted + summary.rowsRejected).toBe(summary.rowsRead);
        },
      ),
      // Population and costs look names up in the shipped municipality classification: fewer, slower runs.
      { numRuns: kind === 'population' || kind === 'costs' ? 4 : 12 },
    );
  });
});

describe('import fuzz through the command line', () => {
  it('exits 0 (imported) or 2 (refused) on a fuzzed file, never 1', async () => {
    const seeded = await seededStore('cli.duckdb');
    const db = join(seeded.dir, 'cli.duckdb');
    seeded.store.close();
    const [rows] = fc.sample(
      fc.array(fc.array(field, { minLength: 1, maxLength: 14 }), { minLength: 20, maxLength: 20 }),
      {
        numRuns: 1,
        seed: 20261204,
      },
    );
    const file = writeFuzzed('events', rows ?? [], 'raw');
    const bin = fileURLToPath(new URL('../../bin/soteatlas.js', import.meta.url));
    const exitCode = await promisify(execFile)(process.execPath, [
      bin,
      'import',
      file,
      '--kind',
      'events',
      '--db',
      db,
    ]).then(
      () => 0,
      (error: { code: number; stderr: string }) => {
        if (error.code !== 2) console.error(error.stderr);
        return error.code;
      },
    );
    expect([0, 2]).toContain(exitCode);
  });
});

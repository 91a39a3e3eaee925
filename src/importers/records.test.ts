import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFields, parseFields } from './fields.js';
import { RecordSplitter, type TextRecord } from './records.js';
import { cutAt } from './testing.js';

const split = (chunks: string[]): { records: TextRecord[]; empty: number } => {
  const splitter = new RecordSplitter();
  const records: TextRecord[] = [];
  for (const c of chunks) splitter.push(c, (r) => records.push(r));
  splitter.end((r) => records.push(r));
  return { records, empty: splitter.emptyLines };
};

describe('RecordSplitter', () => {
  it('numbers records by the line they start on and skips empty lines', () => {
    const { records, empty } = split(['a;b\r\n1;2\n\n3;"x\ny"\n4;5']);
    expect(records).toEqual([
      { line: 1, text: 'a;b' },
      { line: 2, text: '1;2' },
      { line: 4, text: '3;"x\ny"' },
      { line: 6, text: '4;5' },
    ]);
    expect(empty).toBe(1);
  });

  it('gives the same records wherever the chunks are cut', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ä', ';', '"', '\n', '1', ',', ' ') });
    const row = fc.array(field, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, cuts) => {
          const text = rows.map((r) => formatFields(r, ';')).join('\r\n');
          const whole = split([text]);
          expect(split(cutAt(text, cuts))).toEqual(whole);
        },
      ),
    );
  });

  it('round-trips fields written by formatFields', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ö', ';', '"', '\n', '\r\n', '5', ',') });
    fc.assert(
      fc.property(fc.array(field, { minLength: 2, maxLength: 6 }), (fields) => {
        const { records } = split([`${formatFields(fields, ';')}\n`]);
        // A record of only empty fields is a line of delimiters, which is not an empty line.
        expect(records).toHaveLength(1);
        expect(parseFields(records[0]?.text ?? '', ';')).toEqual(fields);
      }),
    );
  });
});

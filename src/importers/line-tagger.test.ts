import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFields } from './fields.js';
import { LineTagger } from './line-tagger.js';
import { RecordSplitter, type TextRecord } from './records.js';
import { cutAt } from './testing.js';

const tag = (chunks: Buffer[]): { text: string; rows: number; empty: number } => {
  const tagger = new LineTagger(';'.charCodeAt(0));
  const parts = chunks.map((c) => tagger.push(c));
  parts.push(tagger.end());
  return { text: Buffer.concat(parts).toString('utf8'), rows: tagger.rows, empty: tagger.emptyLines };
};

/** The reference: split into records with line numbers, drop the header, prefix each with its line. */
const reference = (text: string): { text: string; rows: number } => {
  const records: TextRecord[] = [];
  const splitter = new RecordSplitter();
  splitter.push(text, (r) => records.push(r));
  splitter.end((r) => records.push(r));
  const body = records.slice(1);
  return { text: body.map((r) => `${r.line};${r.text}\n`).join(''), rows: body.length };
};

describe('LineTagger', () => {
  it('prefixes records with their line, skipping the header and empty lines', () => {
    const result = tag([Buffer.from('a;b\r\n1;2\n\n"x\ny";ä\n  \n4;5')]);
    expect(result).toEqual({ text: '2;1;2\n4;"x\ny";ä\n7;4;5\n', rows: 3, empty: 2 });
  });

  it('agrees with the record splitter wherever the byte stream is cut', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ä', '€', ';', '"', '\n', '1', ' ') });
    const row = fc.array(field, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (rows, cuts, crlf) => {
          const text = rows.map((r) => formatFields(r, ';')).join(crlf ? '\r\n' : '\n');
          const bytes = Buffer.from(text, 'utf8');
          const ours = tag(cutAt(bytes, cuts));
          const expected = reference(text);
          expect(ours.text).toBe(expected.text);
          expect(ours.rows).toBe(expected.rows);
        },
      ),
    );
  });

  it('rejects records DuckDB would read differently instead of staging or losing them', () => {
    const tagger = new LineTagger(';'.charCodeAt(0));
    // A quote opens a field only at its start; an odd count runs the record on, to the file's end if need be.
    const text = 'a;b\n1;bare\rcr\n2;"ok";"a""b"\n3;x"y"z\n4;"never closed\n5;z\n';
    const staged = Buffer.concat([tagger.push(Buffer.from(text)), tagger.end()]).toString('utf8');
    expect(staged).toBe('3;2;"ok";"a""b"\n');
    expect(tagger.rows).toBe(4);
    expect(tagger.takeMalformedLines()).toEqual([2, 4, 5]);
  });
});

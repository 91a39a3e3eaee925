import { createReadStream, statSync } from 'node:fs';
import { decodeWindows1252 } from '../../model/index.js';
import {
  countOutsideQuotes,
  type Delimiter,
  detectDecimalSeparator,
  detectDelimiter,
  detectEncoding,
  hasUtf8Bom,
} from '../detect.js';
import { parseFields } from '../fields.js';
import { IdentityCodeGuard } from '../identity-guard.js';
import { LineTagger } from '../line-tagger.js';
import { RecordSplitter, type TextRecord } from '../records.js';
import type { SourceBatch, SourceTable, TaggedBatch } from '../source.js';
import { findHeaderRow } from './header-row.js';

const sampleBytes = 64 * 1024;
const chunkBytes = 4 << 20;

const readSample = async (path: string): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: sampleBytes - 1 }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The file's bytes as UTF-8, chunk by chunk, whatever the file's own encoding. */
async function* utf8Chunks(
  path: string,
  encoding: string,
  bom: boolean,
): AsyncGenerator<{ bytes: Buffer; bytesRead: number }> {
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, start: bom ? 3 : 0 })) {
    const raw = chunk as Buffer;
    bytesRead += raw.length;
    yield { bytes: encoding === 'utf-8' ? raw : Buffer.from(decodeWindows1252(raw), 'utf8'), bytesRead };
  }
}

/**
 * Reads a delimited text file as a stream. Encoding, delimiter and decimal separator are detected
 * from the first 64 KiB. Records come either as text (for files whose records must be looked at one
 * by one) or already tagged with their lines as staging bytes, the fast path for large files.
 */
export const readCsv = async (
  path: string,
  options: { delimiter?: Delimiter } = {},
): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const sample = await readSample(path);
  const bom = hasUtf8Bom(sample);
  const encoding = bom ? 'utf-8' : detectEncoding(sample);
  const sampleBody = bom ? sample.subarray(3) : sample;
  const sampleText =
    encoding === 'utf-8' ? new TextDecoder().decode(sampleBody) : decodeWindows1252(sampleBody);
  const sampleRecords: TextRecord[] = [];
  const splitter = new RecordSplitter();
  splitter.push(sampleText, (r) => sampleRecords.push(r));
  if (sample.length < sampleBytes) splitter.end((r) => sampleRecords.push(r));
  const sampleLines = sampleRecords.map((r) => r.text);
  const found = findHeaderRow(sampleLines);
  // Records above the header are title lines (PxWeb writes the table's title there); not rows.
  const titleLines = found?.index ?? 0;
  const delimiter =
    options.delimiter ??
    found?.delimiter ??
    detectDelimiter(sampleLines.length > 0 ? sampleLines : [sampleText]);
  const headers =
    sampleLines.length > 0 ? parseFields(sampleLines[titleLines] ?? '', delimiter).map((h) => h.trim()) : [];
  const decimalSeparator =
    delimiter === ','
      ? '.'
      : detectDecimalSeparator(
          sampleLines.slice(titleLines + 1, titleLines + 200).flatMap((l) => parseFields(l, delimiter)),
        );
  let emptyLines = 0;
  let footnotes = 0;
  // Footnotes are only looked for below a titled table, as PxWeb writes them; elsewhere a one-field
  // line is a broken row and is rejected as such.
  const mayHaveFootnotes = titleLines > 0 && headers.length > 1;

  async function* batches(): AsyncGenerator<SourceBatch> {
    const records = new RecordSplitter();
    const decoder = new TextDecoder('utf-8');
    let carry = '';
    let skip = titleLines + 1;
    let carriedSuspicion = false;
    let pending: TextRecord[] = [];
    // One-field records after the data: footnotes if nothing but more of them follows.
    let held: TextRecord[] = [];
    const collect = (record: TextRecord) => {
      if (skip > 0) skip--;
      else if (mayHaveFootnotes && countOutsideQuotes(record.text, delimiter) === 0) held.push(record);
      else {
        if (held.length > 0) pending.push(...held);
        held = [];
        pending.push(record);
      }
    };
    for await (const { bytes, bytesRead } of utf8Chunks(path, encoding, bom)) {
      const text = decoder.decode(bytes, { stream: true });
      records.push(text, collect);
      // The end of the previous chunk joins the scan, so that a code cut by a chunk boundary is seen
      // whole; a suspicious chunk's unfinished record ends in the next batch, which is checked too.
      const suspicious = IdentityCodeGuard.mayContain(carry + text);
      carry = text.slice(-16);
      if (pending.length > 0) {
        yield { records: pending, mayHoldIdentityCodes: suspicious || carriedSuspicion, bytesRead };
        pending = [];
        carriedSuspicion = suspicious;
      } else carriedSuspicion ||= suspicious;
    }
    records.push(decoder.decode(), collect);
    records.end(collect);
    emptyLines = records.emptyLines;
    footnotes = held.length;
    if (pending.length > 0) yield { records: pending, mayHoldIdentityCodes: true, bytesRead: bytesTotal };
  }

  async function* tagged(guard: IdentityCodeGuard): AsyncGenerator<TaggedBatch> {
    const tagger = new LineTagger(delimiter.charCodeAt(0), titleLines + 1);
    const check = (_line: number, record: Buffer) =>
      guard.checkFields(parseFields(record.toString('utf8'), delimiter));
    let carry = '';
    let carriedSuspicion = false;
    for await (const { bytes, bytesRead } of utf8Chunks(path, encoding, bom)) {
      // A Latin-1 view of UTF-8 bytes costs no decoding; the scan knows the multi-byte dashes.
      const text = bytes.toString('latin1');
      const suspicious = IdentityCodeGuard.mayContainUtf8AsLatin1(carry + text);
      carry = text.slice(-16);
      // A record left unfinished at the chunk's end is tagged in the next push: check that one too.
      const rowsBefore = tagger.rows;
      const staged = tagger.push(bytes, suspicious || carriedSuspicion ? check : undefined);
      carriedSuspicion = suspicious || (carriedSuspicion && tagger.rows === rowsBefore);
      yield { bytes: staged, rows: tagger.rows, bytesRead, malformedLines: tagger.takeMalformedLines() };
    }
    const staged = tagger.end(check);
    emptyLines = tagger.emptyLines;
    yield {
      bytes: staged,
      rows: tagger.rows,
      bytesRead: bytesTotal,
      malformedLines: tagger.takeMalformedLines(),
    };
  }

  return {
    format: 'csv',
    encoding: bom ? 'utf-8-bom' : encoding,
    delimiter,
    decimalSeparator,
    headers,
    bytesTotal,
    batches: { [Symbol.asyncIterator]: () => batches() },
    // A titled export is small and may end in footnotes, which only the record-by-record path sees.
    tagged: titleLines > 0 ? undefined : tagged,
    emptyLines: () => emptyLines,
    noteLines: () => titleLines + footnotes,
  };
};

import { createReadStream, statSync } from 'node:fs';
import {
  type Delimiter,
  detectDecimalSeparator,
  detectDelimiter,
  detectEncoding,
  hasUtf8Bom,
} from '../detect.js';
import { parseFields } from '../fields.js';
import { IdentityCodeGuard } from '../identity-guard.js';
import { RecordSplitter, type TextRecord } from '../records.js';
import type { SourceBatch, SourceTable } from '../source.js';

const sampleBytes = 64 * 1024;

const readSample = async (path: string): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: sampleBytes - 1 })) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, length);
};

/**
 * Reads a delimited text file as a stream: encoding, delimiter and decimal separator are detected
 * from the first 64 KiB, and records come in batches of about one read chunk each, so memory
 * stays flat whatever the file's size.
 */
export const readCsv = async (
  path: string,
  options: { delimiter?: Delimiter } = {},
): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const sample = await readSample(path);
  const bom = hasUtf8Bom(sample);
  const encoding = bom ? 'utf-8' : detectEncoding(sample);
  const sampleText = new TextDecoder(encoding).decode(bom ? sample.subarray(3) : sample);
  const sampleLines = sampleText.split(/\r?\n/).slice(0, -1);
  const delimiter = options.delimiter ?? detectDelimiter(sampleLines.length > 0 ? sampleLines : [sampleText]);

  const splitter = new RecordSplitter();
  let headers: string[] = [];
  const sampleValues = sampleLines.slice(1, 200).flatMap((l) => parseFields(l, delimiter));
  const decimalSeparator = delimiter === ',' ? '.' : detectDecimalSeparator(sampleValues);

  async function* batches(): AsyncGenerator<SourceBatch> {
    const decoder = new TextDecoder(encoding);
    let bytesRead = 0;
    let first = true;
    let pending: TextRecord[] = [];
    // The end of the previous chunk, so that a code cut by a chunk boundary is still seen whole.
    let carry = '';
    const collect = (record: TextRecord) => {
      if (first) {
        headers = parseFields(record.text, delimiter);
        first = false;
      } else pending.push(record);
    };
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      bytesRead += bytes.length;
      const text = decoder.decode(bytes, { stream: true });
      splitter.push(text, collect);
      const scanned = carry + text;
      carry = text.slice(-16);
      if (pending.length > 0) {
        yield { records: pending, mayHoldIdentityCodes: IdentityCodeGuard.mayContain(scanned), bytesRead };
        pending = [];
      }
    }
    const rest = decoder.decode();
    splitter.push(rest, collect);
    splitter.end(collect);
    if (pending.length > 0) yield { records: pending, mayHoldIdentityCodes: true, bytesRead };
  }

  // The header is the first record; read it eagerly so callers can map columns before the rows.
  const iterator = batches();
  const firstBatch = await iterator.next();
  const headerText = sampleText.replace(/^\uFEFF/, '');
  if (headers.length === 0 && headerText.trim() !== '')
    headers = parseFields(headerText.split(/\r?\n/)[0] ?? '', delimiter);

  async function* all(): AsyncGenerator<SourceBatch> {
    if (!firstBatch.done) yield firstBatch.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }

  return {
    format: 'csv',
    encoding: bom ? 'utf-8-bom' : encoding,
    delimiter,
    decimalSeparator,
    get headers() {
      return headers.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
    },
    bytesTotal,
    batches: all(),
    emptyLines: () => splitter.emptyLines,
  };
};

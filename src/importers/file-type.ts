import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { RejectReason } from '../model/index.js';
import { reason } from './reasons.js';

/** Formats known by their first bytes that no reader here reads, with the name a user knows them by. */
const signatures: { bytes: number[]; at?: number; format: string }[] = [
  { bytes: [0x1f, 0x8b], format: 'gzip' },
  { bytes: [...'%PDF-'].map((c) => c.charCodeAt(0)), format: 'PDF' },
  { bytes: [...'BZh'].map((c) => c.charCodeAt(0)), format: 'bzip2' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], format: '7z' },
  { bytes: [...'Rar!'].map((c) => c.charCodeAt(0)), format: 'RAR' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], format: 'JPEG' },
  { bytes: [...'SQLite format 3'].map((c) => c.charCodeAt(0)), format: 'SQLite' },
  { bytes: [...'PAR1'].map((c) => c.charCodeAt(0)), format: 'Parquet' },
  { bytes: [...'DUCK'].map((c) => c.charCodeAt(0)), at: 8, format: 'DuckDB' },
  // An OpenStreetMap PBF file starts with the length of its first blob header, whose type is OSMHeader.
  {
    bytes: [0x0a, 0x09, ...[...'OSMHeader'].map((c) => c.charCodeAt(0))],
    at: 4,
    format: 'OpenStreetMap PBF',
  },
];

/** The compound-file signature of Excel 97–2003 workbooks (and other legacy Office files). */
const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0): boolean =>
  prefix.every((b, i) => bytes[at + i] === b);

/**
 * Text has no NUL bytes and hardly any other control characters; a binary file has many (random
 * bytes: about one in nine). Tab, line feed, carriage return, form feed and escape are text's own.
 */
const looksBinary = (sample: Uint8Array): boolean => {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (
      (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 27) ||
      byte === 0x7f
    )
      control++;
  }
  return control > Math.max(1, sample.length / 100);
};

const isWhitespace = (sample: Uint8Array): boolean =>
  Buffer.from(sample)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim() === '';

/**
 * Why a file cannot be imported, told from its first bytes (and its size), before any reader tries
 * it: empty, a legacy Excel workbook, TopoJSON, UTF-16 text, or a binary format. Undefined when the
 * file may be read. Nothing of the file's content goes into the reason.
 */
export const refusalByContent = (path: string, start: Uint8Array, size: number): RejectReason | undefined => {
  if (size === 0 || (size <= start.length && isWhitespace(start))) return reason('emptyFile');
  if (startsWith(start, ole2)) return reason('legacyExcel');
  if (startsWith(start, [0xff, 0xfe]) || startsWith(start, [0xfe, 0xff])) return reason('utf16Text');
  const known = signatures.find((s) => startsWith(start, s.bytes, s.at));
  if (known) return reason('binaryFileOf', { format: known.format });
  if (startsWith(start, [0x50, 0x4b])) return undefined;
  if (looksBinary(start)) return reason('binaryFile');
  const text = Buffer.from(start)
    .toString('utf8')
    .replace(/^[\s\uFEFF]+/, '');
  if (
    extname(path).toLowerCase() === '.topojson' ||
    (text.startsWith('{') && /"type"\s*:\s*"Topology"/.test(text))
  )
    return reason('topoJson');
  return undefined;
};

/**
 * A zip file is read as XLSX only if it holds a workbook (xl/workbook.xml in its central directory,
 * at the end of the file); any other archive, an OpenDocument spreadsheet included, is refused.
 */
export const refusalOfZip = (path: string): RejectReason | undefined => {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 1 << 16);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const start = Buffer.alloc(Math.min(size, 128));
    readSync(fd, start, 0, start.length, 0);
    if (tail.includes('xl/workbook.xml')) return undefined;
    if (start.includes('opendocument.spreadsheet'))
      return reason('binaryFileOf', { format: 'OpenDocument spreadsheet (.ods)' });
    return reason('binaryFileOf', { format: 'ZIP' });
  } finally {
    closeSync(fd);
  }
};

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { refusalByContent, refusalOfZip } from '../file-type.js';
import { FileRefused } from '../reasons.js';
import type { SourceTable } from '../source.js';
import { readCsv } from './csv.js';
import { readGeoJson } from './geojson.js';
import { readJson } from './json.js';
import { readJsonStat } from './jsonstat.js';
import { readXlsx } from './xlsx.js';

export { unpivotWide } from './wide.js';

const head = (path: string, bytes = 4096): Buffer => {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
};

/** NDJSON: the first line is a whole JSON value and another line follows it. */
const isNdjson = (text: string): boolean => {
  const [first, second] = text.split('\n');
  if (second === undefined || second.trim() === '') return false;
  try {
    JSON.parse(first ?? '');
    return true;
  } catch {
    return false;
  }
};

/**
 * Picks the reader by the file's first bytes, then by its name: XLSX is a zip, JSON starts with { or [.
 * A file no reader can read (empty, binary, a legacy workbook, TopoJSON) is refused with the reason.
 */
export const openSource = async (path: string): Promise<SourceTable> => {
  const start = head(path);
  const refusal = refusalByContent(path, start, statSync(path).size);
  if (refusal) throw new FileRefused(refusal);
  if (start[0] === 0x50 && start[1] === 0x4b) {
    const notWorkbook = refusalOfZip(path);
    if (notWorkbook) throw new FileRefused(notWorkbook);
    return readXlsx(path);
  }
  const text = start.toString('utf8').replace(/^[\s\uFEFF]+/, '');
  const extension = extname(path).toLowerCase();
  if (text.startsWith('{')) {
    if (extension === '.ndjson' || extension === '.jsonl' || isNdjson(text)) return readJson(path);
    if (extension === '.geojson' || /"FeatureCollection"/.test(text)) return readGeoJson(path);
    if (/"dimension"/.test(text) || /"class"\s*:\s*"dataset"/.test(text)) return readJsonStat(path);
    return readJson(path);
  }
  if (text.startsWith('[')) return readJson(path);
  return readCsv(path);
};

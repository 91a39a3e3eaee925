import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { SourceBatch, SourceTable } from '../source.js';

const batchSize = 10_000;

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * Yields the top-level values of a JSON array, or the lines of NDJSON, one at a time with their
 * ordinal (record number for arrays, line number for NDJSON), without holding the file in memory.
 */
async function* jsonValues(
  path: string,
): AsyncGenerator<{ ordinal: number; value: unknown; bytesRead: number }> {
  let mode: 'unknown' | 'array' | 'lines' = 'unknown';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let current = '';
  let ordinal = 0;
  let line = 1;
  let bytesRead = 0;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    bytesRead += (chunk as Buffer).length;
    const textChunk = decoder.decode(chunk as Buffer, { stream: true });
    for (const ch of textChunk) {
      if (mode === 'unknown') {
        if (/\s|\uFEFF/.test(ch)) {
          if (ch === '\n') line++;
          continue;
        }
        mode = ch === '[' ? 'array' : 'lines';
        if (mode === 'array') continue;
      }
      if (mode === 'lines') {
        if (ch === '\n') {
          if (current.trim() !== '') yield { ordinal: line, value: JSON.parse(current), bytesRead };
          current = '';
          line++;
        } else current += ch;
        continue;
      }
      // Inside the top-level array: cut at commas at depth zero, outside strings.
      if (inString) {
        current += ch;
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      if (ch === '{' || ch === '[') depth++;
      if (ch === '}' || ch === ']') depth--;
      if (depth < 0 || (depth === 0 && ch === ',')) {
        if (current.trim() !== '') yield { ordinal: ++ordinal, value: JSON.parse(current), bytesRead };
        current = '';
        if (depth < 0) return;
        continue;
      }
      current += ch;
    }
  }
  if (mode === 'lines' && current.trim() !== '')
    yield { ordinal: line, value: JSON.parse(current), bytesRead };
}

const firstCharacter = (path: string): string => {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, n)
      .toString('utf8')
      .replace(/^[\s\uFEFF]+/, '')
      .charAt(0);
  } finally {
    closeSync(fd);
  }
};

/** Reads a JSON array of objects or NDJSON; the keys of the first record are the headers. */
export const readJson = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const iterator = jsonValues(path);
  const first = await iterator.next();
  const headers = first.done ? [] : Object.keys(first.value.value as object);
  const format = firstCharacter(path) === '[' ? 'json' : 'ndjson';

  async function* batches(): AsyncGenerator<SourceBatch> {
    let records: { line: number; fields: string[] }[] = [];
    let bytesRead = 0;
    const take = (item: { ordinal: number; value: unknown; bytesRead: number }) => {
      const object = (item.value ?? {}) as Record<string, unknown>;
      records.push({ line: item.ordinal, fields: headers.map((h) => text(object[h])) });
      bytesRead = item.bytesRead;
    };
    if (!first.done) take(first.value);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      take(next.value);
      if (records.length >= batchSize) {
        yield { records, mayHoldIdentityCodes: true, bytesRead };
        records = [];
      }
    }
    if (records.length > 0) yield { records, mayHoldIdentityCodes: true, bytesRead };
  }

  return {
    format,
    encoding: 'utf-8',
    delimiter: null,
    decimalSeparator: '.',
    headers,
    bytesTotal,
    batches: batches(),
    emptyLines: () => 0,
  };
};

import { statSync } from 'node:fs';
import type { SourceBatch, SourceRecord, SourceTable } from '../source.js';
import { firstCharacter, type JsonItem, jsonItems } from './json-items.js';

const batchSize = 10_000;

export const jsonText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(jsonText).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a JSON array of objects or NDJSON as a stream; the keys of the first record are the headers. */
export const readJson = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const iterator = jsonItems(path);
  const first = await iterator.next();
  const headers = !first.done && isObject(first.value.value) ? Object.keys(first.value.value) : [];

  const toRecord = (item: JsonItem): SourceRecord => {
    if (item.problem) return { line: item.ordinal, fields: [], problem: item.problem };
    if (!isObject(item.value)) return { line: item.ordinal, fields: [], problem: 'not a JSON object' };
    const object = item.value;
    return { line: item.ordinal, fields: headers.map((h) => jsonText(object[h])) };
  };

  async function* batches(): AsyncGenerator<SourceBatch> {
    let records: SourceRecord[] = first.done ? [] : [toRecord(first.value)];
    let bytesRead = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      records.push(toRecord(next.value));
      bytesRead = next.value.bytesRead;
      if (records.length >= batchSize) {
        yield { records, mayHoldIdentityCodes: true, bytesRead };
        records = [];
      }
    }
    if (records.length > 0) yield { records, mayHoldIdentityCodes: true, bytesRead: bytesTotal };
  }

  return {
    format: firstCharacter(path) === '[' ? 'json' : 'ndjson',
    encoding: 'utf-8',
    delimiter: null,
    decimalSeparator: '.',
    headers,
    bytesTotal,
    batches: batches(),
    emptyLines: () => 0,
  };
};

import { statSync } from 'node:fs';
import { jsonTexts, unlistedJsonTexts } from '../identity-guard.js';
import { reason } from '../reasons.js';
import type { SourceRecord, SourceTable } from '../source.js';
import { firstCharacter, itemBatches, type JsonItem, jsonItems } from './json-items.js';

export const jsonText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(jsonText).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** An item that is not valid JSON is still searched for identity codes, as one text. */
export const unparsable = (item: JsonItem) => [{ column: '', text: item.raw ?? '' }];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a JSON array of objects or NDJSON as a stream; the keys of the first record are the headers. */
export const readJson = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const iterator = jsonItems(path);
  const first = await iterator.next();
  const headers = !first.done && isObject(first.value.value) ? Object.keys(first.value.value) : [];

  const toRecord = (item: JsonItem): SourceRecord => {
    if (item.problem)
      return { line: item.ordinal, fields: [], problem: item.problem, unlisted: unparsable(item) };
    if (!isObject(item.value)) {
      const unlisted = jsonTexts(item.value).map((text) => ({ column: '', text }));
      return { line: item.ordinal, fields: [], problem: reason('notJsonObject'), unlisted };
    }
    const object = item.value;
    const fields = headers.map((h) => jsonText(object[h]));
    return { line: item.ordinal, fields, unlisted: unlistedJsonTexts(object, headers) };
  };

  return {
    format: firstCharacter(path) === '[' ? 'json' : 'ndjson',
    encoding: 'utf-8',
    delimiter: null,
    decimalSeparator: '.',
    headers,
    bytesTotal,
    batches: itemBatches(first.done ? [] : [first.value], iterator, { toRecord, bytesTotal }),
    emptyLines: () => 0,
  };
};

import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { RejectReason } from '../../model/index.js';
import { JsonItemScanner } from '../json-scanner.js';
import { FileRefused, reason } from '../reasons.js';
import type { SourceBatch, SourceRecord } from '../source.js';

/** One item of a JSON file: its parsed value, or why it could not be parsed. */
export interface JsonItem {
  /** Record number in an array, line number in NDJSON. */
  ordinal: number;
  value?: unknown;
  problem?: RejectReason;
  /** The item's text, kept only when it could not be parsed. */
  raw?: string;
  bytesRead: number;
}

export const firstCharacter = (path: string): string => {
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

const parse = (raw: string, ordinal: number, bytesRead: number): JsonItem => {
  try {
    return { ordinal, value: JSON.parse(raw), bytesRead };
  } catch {
    // The parser's message quotes the item's bytes; the reject report has the line instead.
    return { ordinal, problem: reason('invalidJson'), raw, bytesRead };
  }
};

/**
 * Streams the items of a JSON file: the elements of a top-level array, of the array held by one
 * member of the top-level object (`member`, e.g. "features"), or the lines of NDJSON. Memory holds
 * one chunk and one item, whatever the file's size. Other top-level members go to `onMember` as text.
 */
export async function* jsonItems(
  path: string,
  options: { member?: string; onMember?: (raw: string) => void } = {},
): AsyncGenerator<JsonItem> {
  const lines = options.member === undefined && firstCharacter(path) !== '[';
  const scanner = new JsonItemScanner(options.member);
  const decoder = new TextDecoder('utf-8');
  let ordinal = 0;
  let pending = '';
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    bytesRead += (chunk as Buffer).length;
    const text = decoder.decode(chunk as Buffer, { stream: true });
    const items: JsonItem[] = [];
    if (lines) {
      const parts = (pending + text).split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) {
        ordinal++;
        if (part.trim() !== '') items.push(parse(part, ordinal, bytesRead));
      }
    } else scanner.push(text, (raw) => items.push(parse(raw, ++ordinal, bytesRead)), options.onMember);
    yield* items;
  }
  if (lines && pending.trim() !== '') yield parse(pending, ordinal + 1, bytesRead);
  // A document cut short (a transfer broken off, a disk full) would otherwise lose its last item unseen
  // and every item after the cut with it.
  if (!lines && !scanner.closed)
    throw new FileRefused(
      reason('unreadable', {
        detail: `the file ends inside its JSON after item ${ordinal} (an array or object is not closed); it seems cut short`,
      }),
    );
}

/** Groups JSON items into batches of records: those read ahead first, then the rest of the stream. */
export async function* itemBatches(
  ahead: readonly JsonItem[],
  rest: AsyncIterator<JsonItem>,
  { toRecord, bytesTotal }: { toRecord: (item: JsonItem) => SourceRecord; bytesTotal: number },
): AsyncGenerator<SourceBatch> {
  let records = ahead.map(toRecord);
  let bytesRead = 0;
  // A file refused part-way still counts the items read before the refusal among the rows read.
  let failure: unknown;
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      records.push(toRecord(next.value));
      bytesRead = next.value.bytesRead;
      if (records.length >= 5_000) {
        yield { records, mayHoldIdentityCodes: true, bytesRead };
        records = [];
      }
    }
  } catch (error) {
    failure = error;
  }
  if (records.length > 0) yield { records, mayHoldIdentityCodes: true, bytesRead: bytesTotal };
  if (failure !== undefined) throw failure;
}

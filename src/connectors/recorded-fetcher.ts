import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  type Fetcher,
  type SourceAnswer,
  SourceRefused,
  type SourceRequest,
  SourceUnreachable,
} from './fetcher.js';

/**
 * One answer recorded from a service: the request it answered, where its body is (a file beside the
 * index, or the body itself), and when it was recorded.
 */
export interface Recording {
  request: SourceRequest;
  status?: number;
  contentType?: string;
  /** The body's file, relative to the index file. */
  file?: string;
  /** The body itself: text, or a JSON value written out as JSON. */
  body?: unknown;
  recordedAt: string;
  /** Where the answer came from, for people reading the index. */
  note?: string;
}

const canonical = (value: unknown): string =>
  value === undefined
    ? ''
    : JSON.stringify(value, (_key, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(
              Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
            )
          : v,
      );

const keyOf = (request: SourceRequest): string =>
  `${request.method ?? 'GET'} ${request.url} ${canonical(request.body)}`;

/** The index of a folder of recordings: `recordings.json` in it, or the index file itself. */
const indexPath = (path: string): string =>
  existsSync(path) && statSync(path).isDirectory() ? join(path, 'recordings.json') : path;

export const readRecordings = (path: string): { recordings: Recording[]; base: string } => {
  const index = indexPath(path);
  return { recordings: JSON.parse(readFileSync(index, 'utf8')) as Recording[], base: dirname(index) };
};

/**
 * Replays recorded answers, for tests and `--from-file`: a request nobody recorded is answered as a
 * service out of reach would be, so that an offline run says what it lacked.
 */
export const recordedFetcher = (source: string | Recording[]): Fetcher & { served(): number } => {
  const { recordings, base } =
    typeof source === 'string' ? readRecordings(source) : { recordings: source, base: '.' };
  const byKey = new Map(recordings.map((r) => [keyOf(r.request), r]));
  let served = 0;
  return {
    served: () => served,
    async fetch(request: SourceRequest): Promise<SourceAnswer> {
      // A recording made without a body answers every query to its address (a replayed table).
      const recording =
        byKey.get(keyOf(request)) ?? byKey.get(keyOf({ url: request.url, method: request.method ?? 'GET' }));
      if (!recording)
        throw new SourceUnreachable(
          request.url,
          `offline: no recorded answer for ${request.method ?? 'GET'} ${request.url}${request.body === undefined ? '' : ` with this query`}`,
        );
      const body: Uint8Array = recording.file
        ? new Uint8Array(readFileSync(resolve(base, recording.file)))
        : new TextEncoder().encode(
            typeof recording.body === 'string' ? recording.body : JSON.stringify(recording.body ?? null),
          );
      const status = recording.status ?? 200;
      if (status >= 400)
        throw new SourceRefused(request.url, status, new TextDecoder().decode(body).slice(0, 500).trim());
      served++;
      return {
        url: request.url,
        status,
        body,
        contentType: recording.contentType ?? 'application/json',
        fetchedAt: recording.recordedAt,
        fromCache: true,
      };
    },
  };
};

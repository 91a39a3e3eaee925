import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceAnswer, SourceRequest } from './fetcher.js';

/** What the cache keeps beside an answer's body: the validators that let the service confirm it. */
export interface CachedEntry {
  url: string;
  status: number;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: string | undefined;
  fetchedAt: string;
}

/** One key a request: method, address and body, so that two PxWeb queries to one table are two entries. */
export const requestKey = (request: SourceRequest): string =>
  createHash('sha256')
    .update(
      `${request.method ?? 'GET'}\n${request.url}\n${request.body === undefined ? '' : JSON.stringify(request.body)}`,
    )
    .digest('hex');

/** Answers kept on disk, one metadata file and one body file a request. */
export class AnswerCache {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get(request: SourceRequest): { entry: CachedEntry; body: Uint8Array } | undefined {
    const key = requestKey(request);
    try {
      const entry = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as CachedEntry;
      return { entry, body: new Uint8Array(readFileSync(join(this.dir, `${key}.body`))) };
    } catch {
      return undefined;
    }
  }

  /** Written to a temporary name first and renamed, so that a cut-off run never leaves half an entry. */
  put(request: SourceRequest, entry: CachedEntry, body: Uint8Array): void {
    const key = requestKey(request);
    const write = (name: string, data: Uint8Array | string) => {
      const path = join(this.dir, name);
      writeFileSync(`${path}.part`, data);
      renameSync(`${path}.part`, path);
    };
    write(`${key}.body`, body);
    write(`${key}.json`, JSON.stringify(entry));
  }

  answer(request: SourceRequest, fetchedAt: string): SourceAnswer | undefined {
    const cached = this.get(request);
    if (!cached) return undefined;
    return {
      url: cached.entry.url,
      status: cached.entry.status,
      body: cached.body,
      contentType: cached.entry.contentType,
      fetchedAt,
      fromCache: true,
    };
  }
}

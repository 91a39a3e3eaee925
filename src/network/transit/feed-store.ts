import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { blobValue } from '@duckdb/node-api';
import { GtfsImportSummary } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { GtfsFeed } from './gtfs/feed.js';
import { readGtfsZip } from './gtfs/read.js';

export interface StoredFeed {
  name: string;
  sourceFile: string;
  summary: GtfsImportSummary;
}

/**
 * Imports a GTFS zip under a name: validated first (a refusal throws FileRefused and stores nothing),
 * then the zip as received, its summary and its rejected rows replace any feed of that name in one
 * transaction. The zip is kept rather than tables of its rows, so that a later version reads it afresh.
 */
export const importTransitFeed = async (
  store: Store,
  path: string,
  options: { name?: string } = {},
): Promise<StoredFeed> => {
  const zip = new Uint8Array(await readFile(path));
  const { summary } = readGtfsZip(zip);
  const name = options.name ?? basename(path).replace(/\.zip$/i, '');
  const sourceFile = basename(path);
  await store.transaction(async () => {
    await store.run('DELETE FROM transit_feeds WHERE name = $1', [name]);
    await store.run('DELETE FROM transit_feed_rejects WHERE feed = $1', [name]);
    await store.run('INSERT INTO transit_feeds VALUES ($1, $2, $3, $4, now())', [
      name,
      sourceFile,
      blobValue(zip),
      JSON.stringify(summary),
    ]);
    for (const r of summary.rejects)
      await store.run('INSERT INTO transit_feed_rejects VALUES ($1, $2, $3, $4, $5, $6)', [
        name,
        r.file,
        r.line,
        r.column ?? null,
        r.reason.code,
        JSON.stringify(r.reason.params),
      ]);
  });
  return { name, sourceFile, summary };
};

export const listTransitFeeds = async (store: Store): Promise<StoredFeed[]> => {
  const rows = await store.all<{ name: string; source_file: string; summary: string }>(
    'SELECT name, source_file, summary::VARCHAR AS summary FROM transit_feeds ORDER BY name',
  );
  return rows.map((r) => ({
    name: r.name,
    sourceFile: r.source_file,
    summary: GtfsImportSummary.parse(JSON.parse(r.summary)),
  }));
};

const parsed = new Map<string, { zip: Uint8Array; feed: GtfsFeed }>();

/** The named feed (else the first by name) read from its stored zip; undefined when the store has none. */
export const loadTransitFeed = async (store: Store, name?: string): Promise<GtfsFeed | undefined> => {
  const reader = await store.connection.runAndReadAll(
    name === undefined
      ? 'SELECT name, zip FROM transit_feeds ORDER BY name LIMIT 1'
      : 'SELECT name, zip FROM transit_feeds WHERE name = $1',
    name === undefined ? [] : [name],
  );
  const [names, zips] = reader.getColumnsJS();
  const row = { name: names?.[0], zip: zips?.[0] };
  if (typeof row.name !== 'string' || !(row.zip instanceof Uint8Array)) return undefined;
  const cached = parsed.get(row.name);
  if (cached && cached.zip.length === row.zip.length && Buffer.compare(cached.zip, row.zip) === 0)
    return cached.feed;
  const feed = readGtfsZip(row.zip).feed;
  parsed.set(row.name, { zip: row.zip, feed });
  return feed;
};

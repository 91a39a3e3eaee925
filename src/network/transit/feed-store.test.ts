import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { importTransitFeed, listTransitFeeds, loadTransitFeed } from './feed-store.js';

const dir = mkdtempSync(join(tmpdir(), 'soteatlas-transit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const feedZip = (extraStop = '') =>
  zipSync({
    'stops.txt': strToU8(
      `stop_id,stop_name,stop_lat,stop_lon\nA,Aa,62.9,27.6\nB,Bb,62.91,27.62\n${extraStop}`,
    ),
    'routes.txt': strToU8('route_id,route_type\nR,3\n'),
    'trips.txt': strToU8('route_id,service_id,trip_id\nR,S,T\n'),
    'stop_times.txt': strToU8(
      'trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT,7:00:00,7:00:00,A,1\nT,7:10:00,7:10:00,B,2\n',
    ),
    'calendar_dates.txt': strToU8('service_id,date,exception_type\nS,20260302,1\n'),
  });

describe('stored transit feeds', () => {
  it('keeps the zip as received with its rejected rows, and a new import of a name replaces it', async () => {
    const store = await openStore(join(dir, 'store.duckdb'));
    try {
      const path = join(dir, 'bussit.zip');
      writeFileSync(path, feedZip('A,again,62.9,27.6\n'));
      const first = await importTransitFeed(store, path);
      expect(first.name).toBe('bussit');
      const rejects = await store.all<{ file: string; line: number; reason_code: string }>(
        'SELECT file, line, reason_code FROM transit_feed_rejects',
      );
      expect(rejects).toEqual([{ file: 'stops.txt', line: 4, reason_code: 'duplicateKey' }]);
      expect((await loadTransitFeed(store))?.trips).toHaveLength(1);
      writeFileSync(path, feedZip());
      await importTransitFeed(store, path);
      expect(await store.all('SELECT * FROM transit_feed_rejects')).toEqual([]);
      expect(
        (await listTransitFeeds(store)).map(
          (f) => f.summary.counts.find((c) => c.file === 'stops.txt')?.rowsIn,
        ),
      ).toEqual([2]);
      writeFileSync(path, zipSync({ 'stops.txt': strToU8('stop_id\nA\n') }));
      await expect(importTransitFeed(store, path)).rejects.toThrow(/routes\.txt/);
      expect(await listTransitFeeds(store)).toHaveLength(1);
      expect(await loadTransitFeed(store, 'other')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});

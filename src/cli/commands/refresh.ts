import { dirname, join } from 'node:path';
import {
  fetchPxWeb,
  httpFetcher,
  lastFetches,
  parseSchedule,
  pxDatasets,
  startRefreshLoop,
  systemClock,
} from '../../connectors/index.js';
import type { Store } from '../../store/index.js';
import { municipalitiesFor } from './fetch.js';

/**
 * Server mode's refresh: on the administrator's schedule (`serve --refresh "daily 03:30"`), the county's
 * population is fetched again from Statistics Finland; an unchanged table costs the service 304s only.
 */
export const startOpenDataRefresh = (
  store: Store,
  options: { schedule: string; county?: string },
  log: (line: string) => void,
): { stop(): void } => {
  const schedule = parseSchedule(options.schedule);
  const cacheDir = join(dirname(store.path), 'cache', 'fetch');
  return startRefreshLoop({
    schedule,
    clock: systemClock,
    lastRefresh: async () => {
      const times = (await lastFetches(store)).map((f) => Date.parse(f.fetchedAt)).filter(Number.isFinite);
      return times.length > 0 ? Math.max(...times) : undefined;
    },
    refresh: async () => {
      const fetcher = httpFetcher({ cacheDir, rateLimit: { calls: 30, windowMs: 10_000 } });
      try {
        const result = await fetchPxWeb(store, fetcher, {
          dataset: pxDatasets.population as NonNullable<typeof pxDatasets.population>,
          municipalities: await municipalitiesFor(store, options),
          workDir: join(cacheDir, 'answers'),
        });
        log(`open data refreshed: ${result.table}, ${result.queries} queries, ${result.changes.join('; ')}`);
      } finally {
        await fetcher.close();
      }
    },
    onError: (error) =>
      log(`open data refresh failed: ${error instanceof Error ? error.message : String(error)}`),
  });
};

import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  fetchPxWeb,
  httpFetcher,
  lastFetches,
  pxDatasets,
  recordedFetcher,
  SourceRefused,
  SourceUnreachable,
} from '../../connectors/index.js';
import { SoteatlasError, SourceFetch, SourceFetchList, SourceFetchRequest } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { defineRoute } from '../route.js';

export const sourcesRoute = defineRoute({
  path: '/api/sources',
  summary: "Each open-data source's last fetch: when, from where, licence and attribution, what changed",
  description:
    'Statistics Finland (PxWeb, WFS) and THL data fetched straight from the source, CC BY 4.0: the attribution is to be shown wherever the data appears.',
  tag: 'imports',
  permission: 'viewAggregates',
  response: SourceFetchList,
  handler: ({ store }) => lastFetches(store),
});

/**
 * HTTPS through the server's proxy with the cache beside the store; SOTEATLAS_FETCH_FROM replays
 * recorded answers instead (a demonstration server, or a test), as the CLI's --from-file does.
 */
const cacheDirOf = (store: Store): string =>
  join(store.path === ':memory:' ? join(tmpdir(), 'soteatlas') : dirname(store.path), 'cache', 'fetch');

const serverFetcher = (store: Store) => {
  const replay = process.env.SOTEATLAS_FETCH_FROM;
  if (replay) return Object.assign(recordedFetcher(replay), { close: async () => undefined });
  return httpFetcher({ cacheDir: cacheDirOf(store), rateLimit: { calls: 30, windowMs: 10_000 } });
};

export const startSourceFetchRoute = defineRoute({
  method: 'POST',
  path: '/api/sources/fetch',
  summary: "Fetch a Statistics Finland table for the store's municipalities now, and import it",
  description:
    'Answers when the import is done, with the fetch as GET /api/sources lists it. A service out of reach or refusing is 503 with its message.',
  tag: 'imports',
  permission: 'import',
  body: SourceFetchRequest,
  response: SourceFetch,
  handler: async ({ store, body, signal, audit }) => {
    const municipalities = (
      await store.all<{ code: string }>(
        `SELECT DISTINCT code FROM areas WHERE level = 'municipality' ORDER BY code`,
      )
    ).map((r) => r.code);
    if (municipalities.length === 0)
      throw new SoteatlasError('invalidRequest', 'The store has no municipalities to fetch data for.', {
        details: { refusal: 'noMunicipalities' },
      });
    const fetcher = serverFetcher(store);
    try {
      const result = await fetchPxWeb(store, fetcher, {
        dataset: pxDatasets[body.dataset] as NonNullable<(typeof pxDatasets)[string]>,
        municipalities,
        ...(body.years && { years: body.years }),
        workDir: join(cacheDirOf(store), 'answers'),
        signal,
      });
      await audit({
        action: 'fetch',
        resource: `source:${body.source}/${body.dataset}`,
        parameters: { url: result.url },
      });
      const [last] = (await lastFetches(store)).filter(
        (f) => f.source === body.source && f.dataset === body.dataset,
      );
      if (!last)
        throw new SoteatlasError('invalidDataset', result.import?.reason ?? 'The answer was not imported.');
      return last;
    } catch (error) {
      if (error instanceof SourceUnreachable || error instanceof SourceRefused)
        throw new SoteatlasError('unavailable', error.message);
      throw error;
    } finally {
      await fetcher.close();
    }
  },
});

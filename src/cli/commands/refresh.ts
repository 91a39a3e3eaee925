import { dirname, join } from 'node:path';
import {
  type Fetcher,
  fetchPxWeb,
  fetchSotkanet,
  fetchWfs,
  httpFetcher,
  importReferenceValues,
  lastFetches,
  parseSchedule,
  pxDatasets,
  sotkanetSource,
  startRefreshLoop,
  systemClock,
  type WfsLayerKind,
  type WfsScale,
  wfsLayerAsked,
} from '../../connectors/index.js';
import { municipalityReference } from '../../importers/index.js';
import type { Store } from '../../store/index.js';
import { municipalitiesFor } from './fetch.js';

/** One source a refresh fetches again. */
export type RefreshJob =
  | { source: 'statfin-pxweb'; dataset: string }
  | { source: 'statfin-wfs'; kind: WfsLayerKind; year: number; scale?: WfsScale }
  | { source: 'thl-sotkanet'; indicators: number[] };

/**
 * What a refresh fetches: the county's population always, and whatever else the store was given from
 * the source before: each PxWeb table and WFS layer in the fetch log, and the Sotkanet indicators among
 * the reference values (a demonstration's made-up values, whose source says so, are left alone).
 */
export const refreshPlan = async (store: Store): Promise<RefreshJob[]> => {
  const fetched = await lastFetches(store);
  const tables = new Set(['population']);
  const layers: RefreshJob[] = [];
  for (const f of fetched) {
    if (f.source === 'statfin-pxweb' && pxDatasets[f.dataset]) tables.add(f.dataset);
    // The layer as it was asked: a boundary layer at the scale it was fetched at, not the default.
    const layer = f.source === 'statfin-wfs' ? wfsLayerAsked(f) : undefined;
    if (layer) layers.push({ source: 'statfin-wfs', ...layer });
  }
  const indicators = (
    await store.all<{ id: string }>(
      `SELECT DISTINCT indicator_id AS id FROM reference_values WHERE reference_source = $1 ORDER BY 1`,
      [sotkanetSource.source],
    )
  )
    .map((r) => Number(r.id))
    .filter((id) => Number.isInteger(id) && id > 0)
    .sort((a, b) => a - b);
  return [
    ...[...tables].map((dataset) => ({ source: 'statfin-pxweb' as const, dataset })),
    ...layers,
    ...(indicators.length > 0 ? [{ source: 'thl-sotkanet' as const, indicators }] : []),
  ];
};

const describe = (job: RefreshJob): string =>
  job.source === 'statfin-pxweb'
    ? `${job.source} ${job.dataset}`
    : job.source === 'statfin-wfs'
      ? `${job.source} ${job.kind}-${job.year}${job.scale ? ` (${job.scale})` : ''}`
      : `${job.source} ${job.indicators.join(',')}`;

const runJob = async (
  store: Store,
  fetcher: Fetcher,
  job: RefreshJob,
  options: { county?: string; workDir: string },
): Promise<string> => {
  if (job.source === 'statfin-pxweb') {
    const result = await fetchPxWeb(store, fetcher, {
      dataset: pxDatasets[job.dataset] as NonNullable<(typeof pxDatasets)[string]>,
      municipalities: await municipalitiesFor(store, options),
      workDir: options.workDir,
    });
    return `${result.table}, ${result.queries} queries, ${result.changes.join('; ')}`;
  }
  if (job.source === 'statfin-wfs') {
    const reference = municipalityReference();
    const latest = Math.max(...reference.byYear.keys());
    const countyOf = new Map(
      (reference.byYear.get(job.year) ?? reference.byYear.get(latest) ?? []).map((m) => [
        m.code,
        m.countyCode,
      ]),
    );
    const result = await fetchWfs(store, fetcher, {
      kind: job.kind,
      year: job.year,
      ...(job.scale && { scale: job.scale }),
      ...(job.kind !== 'counties' && { municipalities: await municipalitiesFor(store, options) }),
      countyOf: (code) => countyOf.get(code),
      workDir: options.workDir,
    });
    return `${result.layer}, ${result.features} features, ${result.changes.join('; ')}`;
  }
  const fetched = await fetchSotkanet(fetcher, { indicators: job.indicators });
  const summary = await importReferenceValues(store, fetched.values, {
    fetchedSource: fetched.fetchedSource,
    indicators: fetched.indicators,
  });
  return `${fetched.values.length} values in ${fetched.requests} requests, ${summary.rowsAccepted} accepted`;
};

/**
 * Fetches every source of the plan again, one after another. A source that fails is reported and the
 * others are still fetched; the refresh then fails as a whole, so that it is tried again.
 */
export const refreshOpenData = async (
  store: Store,
  fetcher: Fetcher,
  options: { county?: string; workDir: string },
  log: (line: string) => void,
): Promise<void> => {
  const failed: string[] = [];
  for (const job of await refreshPlan(store)) {
    try {
      log(`open data refreshed: ${describe(job)}: ${await runJob(store, fetcher, job, options)}`);
    } catch (error) {
      failed.push(describe(job));
      log(
        `open data refresh failed: ${describe(job)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (failed.length > 0) throw new Error(`${failed.length} source(s) not refreshed: ${failed.join('; ')}`);
};

/**
 * Server mode's refresh: on the administrator's schedule (`serve --refresh "daily 03:30"`), the county's
 * population is fetched again from Statistics Finland, and so is every other PxWeb table, WFS layer and
 * Sotkanet indicator the store was given from the source; an unchanged answer costs the service a 304.
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
        await refreshOpenData(
          store,
          fetcher,
          { ...(options.county && { county: options.county }), workDir: join(cacheDir, 'answers') },
          log,
        );
      } finally {
        await fetcher.close();
      }
    },
    onError: (error) =>
      log(`open data refresh failed: ${error instanceof Error ? error.message : String(error)}`),
  });
};

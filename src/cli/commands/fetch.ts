import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  type Fetcher,
  fetchPxWeb,
  fetchWfs,
  httpFetcher,
  lastFetches,
  pxDatasets,
  recordedFetcher,
  SourceRefused,
  SourceUnreachable,
} from '../../connectors/index.js';
import { municipalityReference } from '../../importers/index.js';
import { openStore, type Store } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';
import { addFetchSotkanet } from './fetch-sotkanet.js';

export const defaultCacheDir = 'data/cache/fetch';

/** The `fetch` command, made once: each source adds its subcommand to it (`fetch pxweb`, `fetch sotkanet`). */
export const fetchCommand = (program: Command): Command =>
  program.commands.find((c) => c.name() === 'fetch') ??
  program
    .command('fetch')
    .description('fetch open data straight from the source (Statistics Finland, THL) into the store');

/** The options every `fetch` subcommand shares: the store, the cache and a replay of recorded answers. */
export const withFetchOptions = (command: Command): Command =>
  command
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--cache <dir>', 'where answers are cached with their validators', defaultCacheDir)
    .option(
      '--from-file <path>',
      'replay recorded answers (a folder with recordings.json, or the index file)',
    );

export interface FetchIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: FetchIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The fetcher a command uses: recorded answers with --from-file, else HTTPS through the environment's
 * proxy with the cache, keeping Statistics Finland's limit of 30 queries in 10 seconds.
 */
export const fetcherFor = (options: {
  cache: string;
  fromFile?: string;
}): Fetcher & { close(): Promise<void> } => {
  if (options.fromFile) {
    if (!existsSync(options.fromFile)) throw new Error(`no such file: ${options.fromFile}`);
    return Object.assign(recordedFetcher(options.fromFile), { close: async () => undefined });
  }
  return httpFetcher({
    cacheDir: options.cache,
    rateLimit: { calls: 30, windowMs: 10_000 },
    timeoutMs: 120_000,
  });
};

/** Municipalities as asked: listed, a wellbeing services county's, or those the store's areas hold. */
export const municipalitiesFor = async (
  store: Store,
  options: { county?: string; municipalities?: string },
): Promise<string[]> => {
  if (options.municipalities)
    return options.municipalities
      .split(',')
      .map((m) => m.trim().padStart(3, '0'))
      .filter((m) => m !== '000');
  if (options.county) {
    const reference = municipalityReference();
    const latest = Math.max(...reference.byYear.keys());
    const codes = (reference.byYear.get(latest) ?? [])
      .filter((m) => m.countyCode === options.county?.padStart(2, '0'))
      .map((m) => m.code);
    if (codes.length === 0) throw new Error(`no municipalities in county ${options.county} (${latest})`);
    return codes;
  }
  const rows = await store.all<{ code: string }>(
    `SELECT DISTINCT code FROM areas WHERE level = 'municipality' ORDER BY code`,
  );
  if (rows.length === 0)
    throw new Error('the store has no municipalities: name them with --county or --municipalities');
  return rows.map((r) => r.code);
};

/** "2020-2025" or "2023,2025". */
export const parseYears = (text: string | undefined): number[] | undefined => {
  if (!text) return undefined;
  const range = /^(\d{4})-(\d{4})$/.exec(text.trim());
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  }
  return text.split(',').map((y) => Number(y.trim()));
};

/** Says a fetch failure in the user's terms; anything else is a fault and is thrown on. */
export const reportFetchFailure = (error: unknown, io: FetchIo): number => {
  if (isAbort(error)) {
    io.err('fetch cancelled; the store is as it was');
    return 130;
  }
  if (error instanceof SourceUnreachable || error instanceof SourceRefused) {
    io.err(error.message);
    return 3;
  }
  throw error;
};

export interface PxWebCommandOptions {
  db: string;
  cache: string;
  fromFile?: string;
  county?: string;
  municipalities?: string;
  years?: string;
  last?: string;
  maxCells?: string;
  lang?: 'fi' | 'sv' | 'en';
  dryRun?: boolean;
}

export const runFetchPxWeb = async (
  datasetName: string,
  options: PxWebCommandOptions,
  io: FetchIo = processIo,
  signal?: AbortSignal,
): Promise<number> => {
  const dataset = pxDatasets[datasetName];
  if (!dataset) {
    io.err(`unknown table "${datasetName}"; use one of ${Object.keys(pxDatasets).join(', ')}`);
    return 1;
  }
  const store = await openStore(options.db);
  const fetcher = fetcherFor(options);
  const progress = progressBar();
  try {
    const years = parseYears(options.years);
    const result = await fetchPxWeb(store, fetcher, {
      dataset,
      municipalities: await municipalitiesFor(store, options),
      ...(years && { years }),
      ...(options.last && { last: Number(options.last) }),
      ...(options.maxCells && { maxCells: Number(options.maxCells) }),
      ...(options.lang && { language: options.lang }),
      workDir: join(options.cache, 'answers'),
      ...(options.dryRun && { dryRun: true }),
      ...(signal && { signal }),
      onProgress: (p) => progress.update(p.done, p.total, p.label),
    });
    progress.stop();
    const { file: _file, ...shown } = result;
    io.out(
      JSON.stringify({
        ...shown,
        ...('stats' in fetcher && { http: (fetcher as { stats(): unknown }).stats() }),
      }),
    );
    if (result.missingMunicipalities.length > 0)
      io.err(`not in the table: municipalities ${result.missingMunicipalities.join(', ')}`);
    return result.import?.refused ? 2 : 0;
  } catch (error) {
    progress.stop();
    return reportFetchFailure(error, io);
  } finally {
    await fetcher.close();
    store.close();
  }
};

export interface WfsCommandOptions {
  db: string;
  cache: string;
  fromFile?: string;
  year: string;
  scale?: '1000k' | '4500k';
  county?: string;
  municipalities?: string;
}

const wfsKinds = ['municipalities', 'counties', 'grid'] as const;

export const runFetchWfs = async (
  kind: string,
  options: WfsCommandOptions,
  io: FetchIo = processIo,
  signal?: AbortSignal,
): Promise<number> => {
  const layerKind = wfsKinds.find((k) => k === kind);
  if (!layerKind) {
    io.err(`unknown layer "${kind}"; use one of ${wfsKinds.join(', ')}`);
    return 1;
  }
  const store = await openStore(options.db);
  const fetcher = fetcherFor(options);
  const progress = progressBar();
  try {
    const reference = municipalityReference();
    const latest = Math.max(...reference.byYear.keys());
    const countyByMunicipality = new Map(
      (reference.byYear.get(Number(options.year)) ?? reference.byYear.get(latest) ?? []).map((m) => [
        m.code,
        m.countyCode,
      ]),
    );
    const wanted =
      options.county || options.municipalities ? await municipalitiesFor(store, options) : undefined;
    const result = await fetchWfs(store, fetcher, {
      kind: layerKind,
      year: Number(options.year),
      ...(options.scale && { scale: options.scale }),
      ...(wanted && { municipalities: wanted }),
      countyOf: (code) => countyByMunicipality.get(code),
      workDir: join(options.cache, 'answers'),
      ...(signal && { signal }),
      onProgress: (p) => progress.update(p.done, p.total, p.label),
    });
    progress.stop();
    io.out(JSON.stringify(result));
    return result.import.refused ? 2 : 0;
  } catch (error) {
    progress.stop();
    return reportFetchFailure(error, io);
  } finally {
    await fetcher.close();
    store.close();
  }
};

export const runFetchSources = async (options: { db: string }, io: FetchIo = processIo): Promise<number> => {
  const store = await openStore(options.db);
  try {
    for (const fetch of await lastFetches(store)) io.out(JSON.stringify(fetch));
    return 0;
  } finally {
    store.close();
  }
};

export const registerFetch = (program: Command): void => {
  const fetch = fetchCommand(program);
  addFetchSotkanet(fetch, () => fetcherFor({ cache: defaultCacheDir }));
  withFetchOptions(
    fetch
      .command('pxweb')
      .description(
        "fetch a Statistics Finland table (PxWeb API) for the county's municipalities and import it",
      )
      .argument(
        '<table>',
        Object.entries(pxDatasets)
          .map(([name, d]) => `${name}: ${d.description}`)
          .join('; '),
      ),
  )
    .option('--county <code>', 'a wellbeing services county (01–21, 90): its municipalities')
    .option('--municipalities <codes>', 'municipality codes, comma-separated (default: those in the store)')
    .option('--years <years>', 'e.g. 2020-2025 or 2023,2025 (default: the latest year; a projection: all)')
    .option('--last <n>', "the table's latest n years")
    .option('--max-cells <n>', "cells a query may ask for (default: the service's own limit)")
    .option('--lang <fi|sv|en>', 'language of the labels fetched', 'fi')
    .option('--dry-run', 'fetch and join, but import nothing', false)
    .action(async (table: string, options: PxWebCommandOptions) => {
      const { signal, dispose } = interruptible();
      try {
        process.exitCode = await runFetchPxWeb(table, options, processIo, signal);
      } finally {
        dispose();
      }
    });
  withFetchOptions(
    fetch
      .command('wfs')
      .description("fetch Statistics Finland's boundaries or 1 km population grid (WFS, EPSG:3067) as areas")
      .argument(
        '<layer>',
        'municipalities, counties (wellbeing services counties) or grid (1 km population grid)',
      ),
  )
    .requiredOption('--year <year>', 'the year of the boundaries or of the grid')
    .option('--scale <1000k|4500k>', 'boundary scale', '1000k')
    .option('--county <code>', "a wellbeing services county: only its municipalities' boundaries or cells")
    .option('--municipalities <codes>', 'municipality codes, comma-separated')
    .action(async (layer: string, options: WfsCommandOptions) => {
      const { signal, dispose } = interruptible();
      try {
        process.exitCode = await runFetchWfs(layer, options, processIo, signal);
      } finally {
        dispose();
      }
    });
  fetch
    .command('sources')
    .description("each source's last fetch: when, from where, licence and attribution, what changed")
    .option('--db <path>', 'the store', defaultDatabasePath)
    .action(async (options: { db: string }) => {
      process.exitCode = await runFetchSources(options);
    });
};

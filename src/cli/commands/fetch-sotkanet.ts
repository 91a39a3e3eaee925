import type { Command } from 'commander';
import {
  type Fetcher,
  fetchSotkanet,
  importReferenceValues,
  SourceRefused,
  SourceUnreachable,
  sotkanetAnswersFromFiles,
} from '../../connectors/index.js';
import { type ImportSummary, ReasonLanguage } from '../../model/index.js';
import { openStore } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';

export interface FetchSotkanetOptions {
  db: string;
  indicators: number[];
  years?: number[];
  genders?: ('total' | 'male' | 'female')[];
  fromFile?: string[];
  dryRun?: boolean;
  lang?: ReasonLanguage;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface FetchSotkanetResult {
  requests: number;
  values: number;
  otherRegionRows: number;
  rowsWithoutValue: number;
  source: { source: string; url: string; licence: string; attribution: string; fetchedAt: string };
  import: ImportSummary;
}

/** Fetches Sotkanet indicators (or replays saved answers) and imports them as reference values. */
export const runFetchSotkanet = async (
  options: FetchSotkanetOptions,
  liveFetcher: (() => Fetcher) | undefined,
): Promise<FetchSotkanetResult> => {
  const fetcher = options.fromFile?.length
    ? await sotkanetAnswersFromFiles(options.fromFile)
    : liveFetcher?.();
  if (!fetcher)
    throw new SourceUnreachable('https://sotkanet.fi/rest/1.1', 'no HTTP fetcher here; give --from-file');
  const fetched = await fetchSotkanet(fetcher, {
    indicators: options.indicators,
    // Saved answers seldom include each indicator's metadata: with the years given, none is needed.
    withMetadata: !(options.fromFile?.length && options.years?.length),
    ...(options.years?.length ? { years: options.years } : {}),
    ...(options.genders ? { genders: options.genders } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: ({ done, total }) => options.onProgress?.(done, total),
  });
  const store = await openStore(options.db);
  try {
    const summary = await importReferenceValues(store, fetched.values, {
      ...(options.lang ? { language: options.lang } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      fetchedSource: fetched.fetchedSource,
      indicators: fetched.indicators,
    });
    return {
      requests: fetched.requests,
      values: fetched.values.length,
      otherRegionRows: fetched.otherRegionRows,
      rowsWithoutValue: fetched.rowsWithoutValue,
      source: fetched.fetchedSource,
      import: summary,
    };
  } finally {
    store.close();
  }
};

const whole =
  (label: string) =>
  (value: string, previous: number[] = []) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${label} must be a whole number, not "${value}"`);
    return [...previous, n];
  };

/**
 * `sotkanet` under the `fetch` command group: THL's Sotkanet indicators as reference values.
 * `liveFetcher` carries requests over HTTPS (proxy, cache, rate limit); without it only saved answers
 * can be replayed.
 */
export const addFetchSotkanet = (parent: Command, liveFetcher?: () => Fetcher): Command =>
  parent
    .command('sotkanet')
    .description(
      "fetch THL's Sotkanet indicators (sotkanet.fi, CC BY 4.0) as reference values; prints a JSON line",
    )
    .requiredOption('--indicator <id...>', 'Sotkanet indicator ids', (v: string, p: number[]) =>
      whole('--indicator')(v, p),
    )
    .option(
      '--years <year...>',
      "years to fetch (default: the indicator's last five)",
      (v: string, p: number[]) => whole('--years')(v, p),
    )
    .option('--gender <g...>', 'total, male, female (default: all three)')
    .option(
      '--from-file <file...>',
      'replay answers saved from sotkanet.fi (metadata, regions, data) instead',
    )
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--dry-run', 'validate and report without writing', false)
    .option('--lang <fi|sv|en>', "language of the summary's reasons", 'en')
    .action(
      async (options: {
        indicator: number[];
        years?: number[];
        gender?: string[];
        fromFile?: string[];
        db: string;
        dryRun: boolean;
        lang: string;
      }) => {
        const language = ReasonLanguage.safeParse(options.lang);
        const genders = options.gender?.filter((g) => g === 'total' || g === 'male' || g === 'female');
        if (!language.success || (options.gender && genders?.length !== options.gender.length)) {
          process.stderr.write('use --lang fi, sv or en and --gender total, male or female\n');
          process.exitCode = 1;
          return;
        }
        const { signal, dispose } = interruptible();
        const progress = progressBar();
        try {
          const result = await runFetchSotkanet(
            {
              db: options.db,
              indicators: options.indicator,
              ...(options.years ? { years: options.years } : {}),
              ...(genders ? { genders } : {}),
              ...(options.fromFile ? { fromFile: options.fromFile } : {}),
              dryRun: options.dryRun,
              lang: language.data,
              signal,
              onProgress: (done, total) => progress.update(done, total, 'sotkanet.fi'),
            },
            liveFetcher,
          );
          progress.stop();
          process.stdout.write(`${JSON.stringify(result)}\n`);
          process.exitCode = result.import.refused ? 2 : 0;
        } catch (error) {
          progress.stop();
          if (isAbort(error)) {
            process.stderr.write('fetch cancelled; the store is as it was\n');
            process.exitCode = 130;
          } else if (error instanceof SourceUnreachable || error instanceof SourceRefused) {
            process.stderr.write(`${error.message}\nNothing was imported; the store is as it was.\n`);
            process.exitCode = 3;
          } else throw error;
        } finally {
          dispose();
        }
      },
    );

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFields, importFile } from '../../importers/index.js';
import type { FetchedSource, ImportSummary, ReasonLanguage, ReferenceValue } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { SotkanetIndicator } from './answers.js';
import { sotkanetSource } from './service.js';

const header = [
  'reference_source',
  'indicator_id',
  'indicator_title',
  'area_level',
  'area_code',
  'year',
  'sex',
  'value',
  'absolute_value',
  'mark',
] as const;

/** Reference values as the CSV a person could import with `--kind referenceValues` too. */
export const referenceValuesCsv = (values: readonly ReferenceValue[]): string =>
  [
    header.join(';'),
    ...values.map((v) =>
      formatFields(
        [
          v.referenceSource,
          v.indicatorId,
          v.indicatorTitle,
          v.areaLevel,
          v.areaCode,
          String(v.year),
          v.sex,
          v.value === undefined ? '' : String(v.value),
          v.absoluteValue === undefined ? '' : String(v.absoluteValue),
          v.mark,
        ],
        ';',
      ),
    ),
  ].join('\n');

const title = (text: string | undefined): string | null => text?.trim() || null;

/**
 * Keeps each indicator's titles in Finnish, Swedish and English (and when THL last updated its data)
 * as the reference values' indicator metadata, replacing what an earlier fetch kept; one statement, so
 * that all of it is kept or none. With the values, it runs in their import's transaction.
 */
export const storeIndicatorTitles = async (
  store: Store,
  indicators: readonly SotkanetIndicator[],
  fetchedAt: string,
): Promise<void> => {
  if (indicators.length === 0) return;
  const params: Record<string, string | null> = { source: sotkanetSource.source, fetchedAt };
  const rows = indicators.map((indicator, i) => {
    params[`id${i}`] = String(indicator.id);
    params[`fi${i}`] = title(indicator.title.fi);
    params[`sv${i}`] = title(indicator.title.sv);
    params[`en${i}`] = title(indicator.title.en);
    params[`updated${i}`] = indicator['data-updated'] ?? null;
    return `($source, $id${i}, $fi${i}, $sv${i}, $en${i}, $updated${i}, $fetchedAt)`;
  });
  await store.run(
    `INSERT OR REPLACE INTO reference_indicators
       (reference_source, indicator_id, title_fi, title_sv, title_en, data_updated, fetched_at)
     VALUES ${rows.join(', ')}`,
    params,
  );
};

/**
 * Imports fetched values through the ordinary import pipeline, so that they are checked, rejected
 * with reasons and written in one transaction like any file; the indicators' titles are written in
 * that same transaction, so that values and titles are stored together or not at all.
 */
export const importReferenceValues = async (
  store: Store,
  values: readonly ReferenceValue[],
  options: {
    fileName?: string;
    language?: ReasonLanguage;
    dryRun?: boolean;
    signal?: AbortSignal;
    /** Where the values were fetched from, kept with the import. */
    fetchedSource?: FetchedSource;
    /** The indicators' metadata fetched with them: their titles in three languages are kept too. */
    indicators?: readonly SotkanetIndicator[];
  } = {},
): Promise<ImportSummary> => {
  const dir = await mkdtemp(join(tmpdir(), 'soteatlas-sotkanet-'));
  try {
    const file = join(dir, options.fileName ?? 'sotkanet.csv');
    await writeFile(file, `${referenceValuesCsv(values)}\n`, 'utf8');
    const startedAt = new Date().toISOString();
    const indicators = options.indicators;
    return await importFile(store, {
      file,
      kind: 'referenceValues',
      source: sotkanetSource.source,
      ...(options.language ? { language: options.language } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.fetchedSource ? { fetchedSource: options.fetchedSource } : {}),
      ...(indicators?.length && {
        alongside: () =>
          storeIndicatorTitles(store, indicators, options.fetchedSource?.fetchedAt ?? startedAt),
      }),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

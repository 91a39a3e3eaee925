import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFields, importFile } from '../../importers/index.js';
import type { FetchedSource, ImportSummary, ReasonLanguage, ReferenceValue } from '../../model/index.js';
import type { Store } from '../../store/index.js';
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

/**
 * Imports fetched values through the ordinary import pipeline, so that they are checked, rejected
 * with reasons and written in one transaction like any file.
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
  } = {},
): Promise<ImportSummary> => {
  const dir = await mkdtemp(join(tmpdir(), 'soteatlas-sotkanet-'));
  try {
    const file = join(dir, options.fileName ?? 'sotkanet.csv');
    await writeFile(file, `${referenceValuesCsv(values)}\n`, 'utf8');
    return await importFile(store, {
      file,
      kind: 'referenceValues',
      source: sotkanetSource.source,
      ...(options.language ? { language: options.language } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.fetchedSource ? { fetchedSource: options.fetchedSource } : {}),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

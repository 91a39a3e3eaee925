import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importOfficialProjection, officialLabels, parseOfficialProjection } from '../../forecast/index.js';
import { importFile } from '../../importers/index.js';
import type { FetchedSource, ImportSummary } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { recordFetch } from '../fetch-log.js';
import { answerJson, type Fetcher, SourceRefused, SourceUnreachable } from '../fetcher.js';
import { type PxLanguage, type PxSelection, type PxTableMetadata, PxWebApi } from './api.js';
import { type PxDataset, statFinSource, tableFileMatches } from './datasets.js';
import { isJsonStatDataset, type JsonStatDataset, mergeDatasets } from './jsonstat-merge.js';
import { type BuiltQuery, buildQuery, splitQuery, type TableQueryWish } from './query.js';

export interface PxFetchOptions {
  dataset: PxDataset;
  /** Municipality codes (three digits). */
  municipalities: string[];
  years?: number[];
  last?: number;
  language?: PxLanguage;
  base?: string;
  /** The service's cell limit; read from its `?config` unless given. */
  maxCells?: number;
  /** Where the joined answer is written before it is imported. */
  workDir: string;
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; label: string }) => void;
}

export interface PxFetchResult {
  table: string;
  url: string;
  cells: number;
  queries: number;
  cellsPerQuery: number[];
  unchangedAnswers: number;
  missingMunicipalities: string[];
  missingYears: number[];
  file: string;
  fetchedSource: FetchedSource;
  changes: string[];
  import?: ImportSummary;
  projectionRows?: number;
}

export class FetchCancelled extends Error {
  constructor() {
    super('fetch cancelled; nothing was stored');
    this.name = 'AbortError';
  }
}

/** The table's file in its folder, whatever Statistics Finland calls the file this year. */
export const resolveTable = async (api: PxWebApi, dataset: PxDataset): Promise<string> => {
  const items = await api.listTables(dataset.folder);
  const found = items.find((item) => item.type === 't' && tableFileMatches(item.id, dataset.tableId));
  if (!found)
    throw new Error(`table ${dataset.tableId} is not in the folder ${dataset.folder} of ${api.root}`);
  return `${dataset.folder}/${found.id}`;
};

const cellLimit = async (api: PxWebApi): Promise<number> => {
  try {
    return (await api.config()).maxValues;
  } catch (error) {
    // An API without `?config` (or a replay without it) still has a limit; Statistics Finland's has been
    // 100 000 values. A service out of reach is found out at the next request, with its own address.
    if (error instanceof SourceRefused || error instanceof SourceUnreachable) return 100_000;
    throw error;
  }
};

export interface FetchedTable {
  path: string;
  metadata: PxTableMetadata;
  built: BuiltQuery;
  parts: PxSelection[][];
  merged: JsonStatDataset;
  unchangedAnswers: number;
  fetchedAt: string;
}

/**
 * Reads a table's metadata, builds the query for the municipalities and years from it, splits the
 * query under the service's cell limit (areas first, then years, ages, sexes) and joins the answers.
 */
export const fetchTable = async (
  api: PxWebApi,
  dataset: PxDataset,
  wish: Omit<TableQueryWish, 'byAgeAndSex'> & { byAgeAndSex?: boolean },
  options: { maxCells?: number; signal?: AbortSignal; onProgress?: PxFetchOptions['onProgress'] } = {},
): Promise<FetchedTable> => {
  const cancelled = () => {
    if (options.signal?.aborted) throw new FetchCancelled();
  };
  options.onProgress?.({ done: 0, total: 1, label: `${dataset.tableId}: metadata` });
  const maxCells = options.maxCells ?? (await cellLimit(api));
  const path = await resolveTable(api, dataset);
  cancelled();
  const { metadata } = await api.metadata(path);
  const built = buildQuery(metadata, { byAgeAndSex: true, ...wish });
  const order = [built.roles.area, built.roles.year, built.roles.age, built.roles.sex].flatMap((v) =>
    v ? [v.code] : [],
  );
  const parts = splitQuery(built.selections, maxCells, order);
  const answers: JsonStatDataset[] = [];
  let unchangedAnswers = 0;
  let fetchedAt = '';
  for (const [i, part] of parts.entries()) {
    cancelled();
    options.onProgress?.({
      done: i,
      total: parts.length,
      label: `${dataset.tableId}: query ${i + 1}/${parts.length}`,
    });
    const answer = await api.query(path, part);
    const json = answerJson(answer);
    if (!isJsonStatDataset(json)) throw new Error(`${answer.url} did not answer with a JSON-stat dataset`);
    answers.push(json);
    if (answer.fromCache) unchangedAnswers++;
    if (answer.fetchedAt > fetchedAt) fetchedAt = answer.fetchedAt;
  }
  options.onProgress?.({ done: parts.length, total: parts.length, label: `${dataset.tableId}: joining` });
  return { path, metadata, built, parts, merged: mergeDatasets(answers), unchangedAnswers, fetchedAt };
};

/**
 * Fetches one StatFin table for the county and imports it through the importers, with where it came
 * from recorded beside the import and in the fetch log.
 */
export const fetchPxWeb = async (
  store: Store,
  fetcher: Fetcher,
  options: PxFetchOptions,
): Promise<PxFetchResult> => {
  const api = new PxWebApi(fetcher, {
    language: options.language ?? 'fi',
    ...(options.base && { base: options.base }),
  });
  const dataset = options.dataset;
  const {
    path,
    metadata,
    built,
    parts,
    merged,
    unchangedAnswers: unchanged,
    fetchedAt,
  } = await fetchTable(
    api,
    dataset,
    {
      municipalities: options.municipalities,
      ...(dataset.target === 'populationLanguages' && { byAgeAndSex: false, byLanguageGroup: true }),
      ...(options.years && { years: options.years }),
      ...(!options.years && {
        last: options.last ?? (dataset.allYears ? Number.MAX_SAFE_INTEGER : (dataset.defaultLast ?? 1)),
      }),
    },
    {
      ...(options.maxCells !== undefined && { maxCells: options.maxCells }),
      ...(options.signal && { signal: options.signal }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    },
  );
  if (options.signal?.aborted) throw new FetchCancelled();
  mkdirSync(options.workDir, { recursive: true });
  const file = join(options.workDir, `statfin-${dataset.tableId}-${fetchedAt.slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify(merged));
  const url = api.tableUrl(path);
  const fetchedSource: FetchedSource = {
    ...statFinSource,
    attribution: `${statFinSource.attribution}, table ${dataset.tableId}: ${metadata.title}`,
    url,
    fetchedAt,
  };
  const result: PxFetchResult = {
    table: dataset.tableId,
    url,
    cells: built.cells,
    queries: parts.length,
    cellsPerQuery: parts.map((p) => p.reduce((n, s) => n * s.selection.values.length, 1)),
    unchangedAnswers: unchanged,
    missingMunicipalities: built.missingMunicipalities,
    missingYears: built.missingYears,
    file,
    fetchedSource,
    changes: [],
  };
  if (options.dryRun) return result;
  let importId: number | null = null;
  let rowsInserted = 0;
  let rowsUpdated = 0;
  if (dataset.target === 'population' || dataset.target === 'populationLanguages') {
    const summary = await importFile(store, {
      file,
      kind: dataset.target,
      source: statFinSource.source,
      fetchedSource,
      ...(options.signal && { signal: options.signal }),
    });
    result.import = summary;
    importId = summary.importId;
    rowsInserted = summary.rowsInserted;
    rowsUpdated = summary.rowsUpdated;
    if (summary.refused) return result;
  } else {
    const rows = parseOfficialProjection(merged);
    await importOfficialProjection(store, {
      name: `statfin-${dataset.tableId}`,
      label: `${officialLabels.en} (${dataset.tableId})`,
      labels: {
        fi: `${officialLabels.fi} (${dataset.tableId})`,
        sv: `${officialLabels.sv} (${dataset.tableId})`,
        en: `${officialLabels.en} (${dataset.tableId})`,
      },
      rows,
    });
    result.projectionRows = rows.length;
    rowsInserted = rows.length;
  }
  result.changes = await recordFetch(store, {
    fetchedSource,
    dataset: dataset.name,
    importId,
    queries: parts.length,
    unchangedAnswers: unchanged,
    cells: built.cells,
    rowsInserted,
    rowsUpdated,
    structure: metadata.variables.map((v) => ({ code: v.code, text: v.text })),
  });
  return result;
};

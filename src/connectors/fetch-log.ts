import type { FetchedSource } from '../model/index.js';
import type { Store } from '../store/index.js';

/** The shape of a table, as far as a query depends on it: each variable's code and words. */
export type TableStructure = { code: string; text: string }[];

export interface FetchRecord {
  fetchedSource: FetchedSource;
  dataset: string;
  importId: number | null;
  queries: number;
  unchangedAnswers: number;
  cells: number;
  rowsInserted: number;
  rowsUpdated: number;
  structure: TableStructure;
  /** What was asked beyond the dataset's name (a WFS layer's year and scale), for a refresh to ask again. */
  parameters?: FetchParameters;
}

export type FetchParameters = Record<string, string | number>;

export interface LastFetch {
  source: string;
  dataset: string;
  url: string;
  licence: string;
  attribution: string;
  fetchedAt: string;
  importId: number | null;
  queries: number;
  unchangedAnswers: number;
  cells: number;
  rowsInserted: number;
  rowsUpdated: number;
  changes: string[];
  parameters?: FetchParameters;
}

/**
 * What changed since the fetch before, in words: variables whose codes changed (a new table version),
 * rows added and replaced, or nothing at all when every answer was confirmed unchanged by the service.
 */
export const describeChanges = (previous: TableStructure | undefined, record: FetchRecord): string[] => {
  const changes: string[] = [];
  if (!previous) changes.push('first fetch');
  else {
    for (const variable of record.structure) {
      const before = previous.find((p) => p.text === variable.text);
      if (!before) changes.push(`new variable ${variable.text} (${variable.code})`);
      else if (before.code !== variable.code)
        changes.push(`variable ${variable.text}: code ${before.code} → ${variable.code}`);
    }
    for (const before of previous)
      if (!record.structure.some((v) => v.text === before.text))
        changes.push(`variable ${before.text} no longer in the table`);
  }
  if (record.rowsInserted > 0) changes.push(`${record.rowsInserted} rows added`);
  if (record.rowsUpdated > 0) changes.push(`${record.rowsUpdated} rows replaced`);
  if (record.queries > 0 && record.unchangedAnswers === record.queries)
    changes.push('the service confirmed every answer unchanged');
  return changes;
};

export const recordFetch = async (store: Store, record: FetchRecord): Promise<string[]> => {
  const [previous] = await store.all<{ structure: string }>(
    `SELECT structure FROM source_fetches WHERE source = $source AND dataset = $dataset ORDER BY finished_at DESC, fetched_at DESC LIMIT 1`,
    { source: record.fetchedSource.source, dataset: record.dataset },
  );
  const changes = describeChanges(
    previous ? (JSON.parse(previous.structure) as TableStructure) : undefined,
    record,
  );
  await store.run(
    `INSERT INTO source_fetches (source, dataset, url, licence, attribution, fetched_at, import_id, queries,
       unchanged_answers, cells, rows_inserted, rows_updated, structure, changes, finished_at, parameters)
     VALUES ($source, $dataset, $url, $licence, $attribution, $fetchedAt, $importId,
       $queries, $unchanged, $cells, $inserted, $updated, $structure, $changes, now(), $parameters)`,
    {
      source: record.fetchedSource.source,
      dataset: record.dataset,
      url: record.fetchedSource.url,
      licence: record.fetchedSource.licence,
      attribution: record.fetchedSource.attribution,
      fetchedAt: record.fetchedSource.fetchedAt,
      importId: record.importId,
      queries: record.queries,
      unchanged: record.unchangedAnswers,
      cells: record.cells,
      inserted: record.rowsInserted,
      updated: record.rowsUpdated,
      structure: JSON.stringify(record.structure),
      changes: JSON.stringify(changes),
      parameters: record.parameters ? JSON.stringify(record.parameters) : null,
    },
  );
  return changes;
};

/** Each source's and dataset's last fetch, newest first. */
export const lastFetches = async (store: Store): Promise<LastFetch[]> => {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT * FROM (
       SELECT *, row_number() OVER (PARTITION BY source, dataset ORDER BY finished_at DESC, fetched_at DESC) AS n
       FROM source_fetches) WHERE n = 1 ORDER BY finished_at DESC`,
  );
  return rows.map((r) => ({
    source: String(r.source),
    dataset: String(r.dataset),
    url: String(r.url),
    licence: String(r.licence),
    attribution: String(r.attribution),
    fetchedAt: String(r.fetched_at),
    importId: r.import_id === null || r.import_id === undefined ? null : Number(r.import_id),
    queries: Number(r.queries),
    unchangedAnswers: Number(r.unchanged_answers),
    cells: Number(r.cells),
    rowsInserted: Number(r.rows_inserted),
    rowsUpdated: Number(r.rows_updated),
    changes: JSON.parse(String(r.changes)) as string[],
    ...(typeof r.parameters === 'string' && {
      parameters: JSON.parse(r.parameters) as FetchParameters,
    }),
  }));
};

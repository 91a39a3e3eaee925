import { basename } from 'node:path';
import type { FetchedSource } from '../model/index.js';
import type { Store } from '../store/index.js';
import { columnOf, type KindSpec, rulesOf } from './kinds.js';
import { reasonTextSql } from './reasons.js';
import type { SourceTable } from './source.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

export interface StagedTables {
  checked: string;
  rejects: string;
}

/**
 * Rows accepted and rows rejected. Each rejected row has one entry in the rejects, so entries are
 * counted, not lines: the cells of one wide line are rows of their own (see readers/wide.ts).
 */
export const countOutcome = async (
  store: Store,
  tables: StagedTables,
): Promise<{ accepted: number; rejected: number; totals: number }> => {
  const [row] = await store.all<{ accepted: number; rejected: number; totals: number }>(
    `SELECT (SELECT count(*) FROM ${tables.checked} WHERE reject_column IS NULL) AS accepted,
            (SELECT count(*) FROM ${tables.rejects}) AS rejected,
            (SELECT count(*) FROM ${tables.rejects} WHERE reason_code = 'totalRow') AS totals`,
  );
  return { accepted: row?.accepted ?? 0, rejected: row?.rejected ?? 0, totals: row?.totals ?? 0 };
};

/**
 * Within the import's transaction: replaces stored rows that have the same key as an accepted row,
 * inserts the accepted rows, keeps the rejects and records the import.
 */
export const writeAccepted = async (
  store: Store,
  p: {
    spec: KindSpec;
    tables: StagedTables;
    source: string;
    table: SourceTable;
    rowsRead: number;
    counts: { accepted: number; rejected: number };
    file: string;
    startedAt: Date;
    fetchedSource?: FetchedSource | undefined;
  },
): Promise<{ importId: number; rowsUpdated: number }> => {
  const [next] = await store.all<{ id: number }>(`SELECT nextval('import_id_seq')::INTEGER AS id`);
  const importId = next?.id ?? 0;
  const fields = Object.keys(rulesOf(p.spec).properties);
  const accepted = `(SELECT * FROM ${p.tables.checked} WHERE reject_column IS NULL)`;
  const sourceColumn = p.spec.keyedBySource ? ['source'] : [];
  const keyMatch = [
    ...(p.spec.keyedBySource ? [`t.source = ${quoteLiteral(p.source)}`] : []),
    ...p.spec.keyFields.map((f) => `t.${columnOf(f)} = a.${quoteIdent(f)}`),
  ].join(' AND ');
  const deleted = await store.connection.run(
    `DELETE FROM ${p.spec.table} t USING ${accepted} a WHERE ${keyMatch}`,
  );
  const targetColumns = [...sourceColumn, ...fields.map(columnOf), 'import_id', 'source_line'];
  const values = [
    ...(p.spec.keyedBySource ? [quoteLiteral(p.source)] : []),
    ...fields.map(quoteIdent),
    String(importId),
    'line',
  ];
  await store.run(
    `INSERT INTO ${p.spec.table} (${targetColumns.join(', ')}) SELECT ${values.join(', ')} FROM ${accepted}`,
  );
  await store.run(
    `INSERT INTO rejects (import_id, line, column_name, value, reason, reason_code, reason_params)
     SELECT ${importId}, line, column_name, value, ${reasonTextSql('en', 'reason_code', 'reason_params')},
       reason_code, reason_params FROM ${p.tables.rejects}`,
  );
  await store.run(
    `INSERT INTO imports (import_id, kind, source, source_file, format, encoding, rows_read, rows_accepted,
       rows_rejected, started_at, finished_at, fetched_source, fetched_url, licence, attribution, fetched_at)
     VALUES ($id, $kind, $source, $file, $format, $encoding, $read, $accepted, $rejected, $started, now(),
       $fetchedSource, $fetchedUrl, $licence, $attribution, $fetchedAt)`,
    {
      id: importId,
      kind: p.spec.kind,
      source: p.source,
      file: basename(p.file),
      format: p.table.format,
      encoding: p.table.encoding,
      read: p.rowsRead,
      accepted: p.counts.accepted,
      rejected: p.counts.rejected,
      started: p.startedAt.toISOString(),
      fetchedSource: p.fetchedSource?.source ?? null,
      fetchedUrl: p.fetchedSource?.url ?? null,
      licence: p.fetchedSource?.licence ?? null,
      attribution: p.fetchedSource?.attribution ?? null,
      fetchedAt: p.fetchedSource?.fetchedAt ?? null,
    },
  );
  return { importId, rowsUpdated: Number(deleted.rowsChanged) };
};

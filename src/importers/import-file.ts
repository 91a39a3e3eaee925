import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type {
  FetchedSource,
  ImportKind,
  ImportSummary,
  ReasonLanguage,
  RejectReason,
} from '../model/index.js';
import { formatRejectsCsv, type Store } from '../store/index.js';
import { CheckedTable, type StructuralReject } from './checked-table.js';
import { formatFields, parseFields } from './fields.js';
import { IdentityCodeGuard } from './identity-guard.js';
import { type KindSpec, kinds, rulesOf } from './kinds.js';
import { ColumnMapping, type ColumnMappingInput, loadMapping, resolveColumns } from './mapping.js';
import { firstLineAsData } from './no-header.js';
import { openSource, unpivotWide } from './readers/index.js';
import { FileRefused, reason, reasonText, reasonTextSql } from './reasons.js';
import type { SourceRecord, SourceTable } from './source.js';
import { StagingFile } from './staging.js';
import { countOutcome, writeAccepted } from './write-accepted.js';

export type ImportPhase = 'reading' | 'validating' | 'writing';

export interface ImportOptions {
  file: string;
  kind: ImportKind;
  /** A mapping file's path, or the mapping itself. */
  mapping?: string | ColumnMappingInput;
  /** The source system; records of one source with the same id replace each other. */
  source?: string;
  dryRun?: boolean;
  /** Where to write the reject report (CSV). */
  rejectsFile?: string;
  /** The language of the summary's reason and of the reject report; English unless asked. */
  language?: ReasonLanguage;
  onProgress?: (progress: { phase: ImportPhase; done: number; total: number }) => void;
  /** Size of the staging parts DuckDB validates while the next is written; the default suits large files. */
  stagingPartBytes?: number;
  signal?: AbortSignal;
  /** Where the file was fetched from (an open-data service), recorded with the import. */
  fetchedSource?: FetchedSource;
  /**
   * Rows the caller has already judged, by line: each is rejected with its column, value and reason,
   * whatever the kind's own checks would say, and counted as read and rejected like any other reject.
   * A connector uses it for what the file's kind cannot know (a grid cell outside the county, say).
   */
  rejectedBefore?: ReadonlyMap<number, PriorReject>;
  /**
   * Written in the import's own transaction, after its rows and with its id: what a connector keeps
   * beside the rows (a grid's figures by age group, the indicators' titles). Should it fail, nothing of
   * the import is stored; it is not called for a dry run or a refused file.
   */
  alongside?: (importId: number) => Promise<void>;
}

/** A row rejected before the import read it (see `rejectedBefore`). */
export interface PriorReject {
  column: string;
  value: string;
  reason: RejectReason;
}

/** Thrown when an import was cancelled; the store is as it was before the import began. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled; nothing was stored');
    this.name = 'AbortError';
  }
}

let importCounter = 0;

/**
 * Imports one file into the store as one transaction. The file is streamed into a staging CSV
 * (each record tagged with its line), DuckDB validates it in parallel with checks compiled from the
 * model's schemas, and the accepted rows replace any stored rows with the same key. Rows read
 * always equal rows accepted plus rows rejected; a refused file writes nothing at all.
 */
export const importFile = async (store: Store, options: ImportOptions): Promise<ImportSummary> => {
  const startedAt = new Date();
  const spec = kinds[options.kind];
  const mapping =
    typeof options.mapping === 'string'
      ? loadMapping(options.mapping)
      : options.mapping && ColumnMapping.parse(options.mapping);
  const source = options.source ?? mapping?.source ?? 'default';
  const base = {
    kind: options.kind,
    source,
    sourceFile: options.file,
    dryRun: options.dryRun ?? false,
    startedAt: startedAt.toISOString(),
  };
  const language = options.language ?? 'en';
  const refuse = (table: SourceTable | undefined, refusal: RejectReason, rowsRead = 0): ImportSummary => ({
    ...base,
    importId: null,
    format: table?.format ?? 'unknown',
    encoding: table?.encoding ?? null,
    delimiter: table?.delimiter ?? null,
    decimalSeparator: table?.decimalSeparator ?? null,
    rowsRead,
    rowsAccepted: 0,
    rowsRejected: rowsRead,
    rowsInserted: 0,
    rowsUpdated: 0,
    emptyLinesSkipped: table?.emptyLines() ?? 0,
    noteLinesSkipped: table?.noteLines?.() ?? 0,
    totalsSkipped: 0,
    refused: true,
    reason: reasonText(language, refusal),
    refusal,
    finishedAt: new Date().toISOString(),
  });

  if (!existsSync(options.file)) throw new Error(`no such file: ${options.file}`);
  let table: SourceTable;
  try {
    table = await openSource(options.file);
    if (spec.unpivotsWide) table = unpivotWide(table);
  } catch (error) {
    if (error instanceof FileRefused) return refuse(undefined, error.reason);
    return refuse(undefined, reason('unreadable', { detail: readFailure(error) }));
  }
  const headers = table.headers;
  const columns = resolveColumns(headers, spec.fields, mapping);
  const given = new Set([...Object.keys(mapping?.constants ?? {}), ...Object.keys(mapping?.defaults ?? {})]);
  const missing = missingFields(spec, columns.indexOf).filter((field) => !given.has(field));
  // Checked after the rows are read: a file with identity codes is refused for those first.
  const missingRefusal = (): RejectReason | undefined => {
    if (columns.mappedMissing.length > 0)
      return reason('mappedColumnMissing', {
        missing: columns.mappedMissing.join('; '),
        found: headers.join(', '),
      });
    if (missing.length === 0) return undefined;
    const asData = firstLineAsData(headers);
    if (asData) {
      const expected = rulesOf(spec)
        .required.map((f) => spec.fields.find((s) => s.field === f)?.aliases[0] ?? f)
        .join(';');
      return reason('noHeaderRow', { ...asData, expected });
    }
    const names = missing.map(
      (m) =>
        `${m} (${spec.fields
          .find((f) => f.field === m)
          ?.aliases.slice(0, 3)
          .join(', ')})`,
    );
    return reason('missingColumns', { missing: names.join('; '), found: headers.join(', ') });
  };

  const token = `${process.pid}_${++importCounter}`;
  const guard = new IdentityCodeGuard();
  const structural: StructuralReject[] = [];
  const labelOf = (field: string) => {
    const index = columns.indexOf.get(field);
    return index === undefined ? field : (headers[index] ?? field);
  };
  // Passthrough keeps each CSV record as it is; other sources and transformed records are written field by field.
  const needsTransform =
    spec.transform && Object.keys(spec.suppliedBy ?? {}).some((f) => !columns.indexOf.has(f));
  // Rows judged before reading are picked out record by record, so they are never passed through.
  const passthrough =
    table.format === 'csv' && table.tagged !== undefined && !needsTransform && !options.rejectedBefore;
  const delimiter = passthrough ? (table.delimiter ?? ';') : ';';
  const stagedFields = passthrough ? [] : spec.fields.map((f) => f.field);
  const stagedColumnOf = (field: string): string | undefined => {
    if (passthrough) {
      const index = columns.indexOf.get(field);
      return index === undefined ? undefined : `c${index}`;
    }
    const index = stagedFields.indexOf(field);
    return index < 0 ? undefined : `c${index}`;
  };
  const stagedColumnCount = passthrough ? headers.length : stagedFields.length;

  const toStaged = (record: SourceRecord, fields: string[]): string | undefined => {
    const prior = options.rejectedBefore?.get(record.line);
    if (prior) {
      structural.push({ line: record.line, ...prior });
      return undefined;
    }
    if (record.problem) {
      structural.push({ line: record.line, reason: record.problem });
      return undefined;
    }
    if (fields.length !== headers.length) {
      structural.push({
        line: record.line,
        reason: reason(fields.length < headers.length ? 'tooFewColumns' : 'tooManyColumns', {
          expected: headers.length,
          found: fields.length,
        }),
      });
      return undefined;
    }
    const values = new Map<string, string>();
    for (const [field, index] of columns.indexOf) values.set(field, fields[index] ?? '');
    spec.transform?.(values);
    return `${record.line};${formatFields(
      stagedFields.map((f) => values.get(f) ?? ''),
      ';',
    )}`;
  };

  const checked = await CheckedTable.create(store, {
    spec,
    token,
    delimiter,
    stagedColumnCount,
    stagedColumnOf,
    labelOf,
    extraValues: mapping?.values,
    dates: { formats: mapping?.dateFormat, century: mapping?.century },
    constants: mapping?.constants,
    defaults: mapping?.defaults,
  });
  const staging = await StagingFile.create((part) => checked.load(part), options.stagingPartBytes);
  const abort = () => store.connection.interrupt();
  options.signal?.addEventListener('abort', abort);
  let rowsRead = 0;
  const writing = () => !guard.found && missing.length === 0 && columns.mappedMissing.length === 0;
  try {
    if (passthrough && table.tagged) {
      for await (const batch of table.tagged(guard)) {
        if (options.signal?.aborted) throw new ImportCancelled();
        if (writing())
          await staging.writeBytes(batch.bytes, batch.rows - rowsRead - batch.malformedLines.length);
        for (const line of batch.malformedLines) structural.push({ line, reason: reason('unclosedQuote') });
        rowsRead = batch.rows;
        options.onProgress?.({ phase: 'reading', done: batch.bytesRead, total: table.bytesTotal });
      }
    } else {
      for await (const batch of table.batches) {
        if (options.signal?.aborted) throw new ImportCancelled();
        for (const record of batch.records) {
          rowsRead++;
          const fields = record.fields ?? parseFields(record.text ?? '', table.delimiter ?? ';');
          if (batch.mayHoldIdentityCodes) guard.checkFields(fields, record.unlisted);
          if (!writing()) continue;
          const staged = toStaged(record, fields);
          if (staged !== undefined) staging.add(staged);
        }
        if (writing() && staging.shouldFlush) await staging.flush();
        options.onProgress?.({ phase: 'reading', done: batch.bytesRead, total: table.bytesTotal });
      }
    }
    // Refused files stop here: what was staged or validated so far is only in temporary tables, dropped below.
    if (guard.found) return refuse(table, guard.describe(headers), rowsRead);
    if (rowsRead === 0 && headers.length === 0) return refuse(table, reason('emptyFile'));
    const refusal = missingRefusal();
    if (refusal) return refuse(table, refusal, rowsRead);
    if (rowsRead === 0) return refuse(table, reason('headerOnly'));
    await staging.close();

    options.onProgress?.({ phase: 'validating', done: 0, total: rowsRead });
    await checked.finish(structural);
    const tables = { checked: checked.checked, rejects: checked.rejects };
    const counts = await countOutcome(store, tables);
    if (counts.accepted + counts.rejected !== rowsRead) {
      throw new Error(
        `row count mismatch: read ${rowsRead}, accepted ${counts.accepted}, rejected ${counts.rejected}; nothing was stored`,
      );
    }
    if (counts.totals > 0 && counts.totals === rowsRead) {
      return {
        ...refuse(table, reason('onlyTotals', { count: counts.totals }), rowsRead),
        totalsSkipped: counts.totals,
      };
    }
    if (options.rejectsFile) {
      await writeFile(
        options.rejectsFile,
        await formatRejectsCsv(store, `(SELECT *, rowid FROM ${tables.rejects})`, {
          reason: reasonTextSql(language, 'reason_code', 'reason_params'),
        }),
      );
    }
    if (options.signal?.aborted) throw new ImportCancelled();
    let importId: number | null = null;
    let rowsUpdated = 0;
    if (!options.dryRun) {
      options.onProgress?.({ phase: 'writing', done: 0, total: counts.accepted });
      const written = await store.transaction(async () => {
        const accepted = await writeAccepted(store, {
          spec,
          tables,
          source,
          table,
          rowsRead,
          counts,
          file: options.file,
          startedAt,
          fetchedSource: options.fetchedSource,
        });
        await options.alongside?.(accepted.importId);
        return accepted;
      });
      importId = written.importId;
      rowsUpdated = written.rowsUpdated;
      options.onProgress?.({ phase: 'writing', done: counts.accepted, total: counts.accepted });
    }
    return {
      ...base,
      importId,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      decimalSeparator: table.decimalSeparator,
      rowsRead,
      rowsAccepted: counts.accepted,
      rowsRejected: counts.rejected,
      rowsInserted: counts.accepted - rowsUpdated,
      rowsUpdated,
      emptyLinesSkipped: table.emptyLines(),
      noteLinesSkipped: table.noteLines?.() ?? 0,
      totalsSkipped: counts.totals,
      refused: false,
      reason: null,
      refusal: null,
      finishedAt: new Date().toISOString(),
    };
  } catch (error) {
    if (options.signal?.aborted) throw new ImportCancelled();
    // A reader that meets a damaged part after the first rows refuses the file as it would have at once.
    if (error instanceof FileRefused) return refuse(table, error.reason, rowsRead);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await staging.remove();
    await checked.drop();
  }
};

/**
 * Why a reader failed, in words safe to show: a JSON parser's message quotes the file's bytes, so
 * only its kind is kept.
 */
const readFailure = (error: unknown): string =>
  error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error);

/** Required fields of the model that the file lacks and nothing can supply. */
const missingFields = (spec: KindSpec, indexOf: Map<string, number>): string[] => {
  return rulesOf(spec).required.filter((field) => {
    if (indexOf.has(field)) return false;
    const alternatives = spec.suppliedBy?.[field];
    return !alternatives?.every((a) => indexOf.has(a));
  });
};

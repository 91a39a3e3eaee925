import { parseFields } from '../fields.js';
import { reason } from '../reasons.js';
import type { SourceBatch, SourceRecord, SourceTable } from '../source.js';

/** What a wide column's header says about its cells: PxWeb joins the values of its heading variables. */
export interface WideHeader {
  sex?: string;
  year?: string;
  /** What is counted, e.g. "Väestö 31.12."; empty when the header names only sex or year. */
  measure: string;
}

/** Sex as PxWeb writes it in Finnish, Swedish and English, totals included (they are skipped later). */
const sexWords = [
  'molemmat sukupuolet',
  'båda könen',
  'both sexes',
  'yhteensä',
  'miehet',
  'naiset',
  'totalt',
  'kvinnor',
  'män',
  'males',
  'females',
  'total',
  'men',
  'women',
];
const sexPattern = new RegExp(`(?<!\\p{L})(${sexWords.join('|')})(?!\\p{L})`, 'iu');
const yearPattern = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/** Reads a header such as "Miehet 2019 Väestö 31.12." or "2019 Män Befolkning 31.12."; undefined if neither sex nor year is in it. */
export const parseWideHeader = (header: string): WideHeader | undefined => {
  let rest = header;
  const sex = sexPattern.exec(rest)?.[1];
  if (sex) rest = rest.replace(sexPattern, ' ');
  const year = yearPattern.exec(rest)?.[1];
  if (year) rest = rest.replace(yearPattern, ' ');
  if (!sex && !year) return undefined;
  return { sex, year, measure: rest.replace(/\s+/g, ' ').trim() };
};

/** PxWeb writes a cell without data as ".." (or "...", "-" in some tables). */
const emptyCell = /^\s*(\.{1,3}|-)?\s*$/;

/**
 * Turns a wide table (a column per sex, year or both, as PxWeb lays out 11re) into long rows: the
 * columns that are not wide stay, and each wide cell becomes one row with its sex, year and value
 * and the line of the row it came from. So `rowsRead` counts cells, not lines, and a rejected cell
 * is reported on its source line with its own column. A cell without data is skipped like an empty
 * line. Tables whose wide columns count more than one thing are left as they are: which of them is
 * the population cannot be told, and the import then says the count column is missing.
 */
export const unpivotWide = (table: SourceTable): SourceTable => {
  const headers = table.headers;
  const wide = headers.map((h, index) => ({ index, header: parseWideHeader(h) }));
  const columns = wide.filter((w) => w.header !== undefined) as { index: number; header: WideHeader }[];
  if (columns.length === 0) return table;
  const measures = new Set(columns.map((c) => c.header.measure));
  if (measures.size > 1) return table;
  const kept = wide.filter((w) => w.header === undefined).map((w) => w.index);
  const withSex = columns.some((c) => c.header.sex !== undefined);
  const withYear = columns.some((c) => c.header.year !== undefined);
  const measure = [...measures][0] || 'count';
  const longHeaders = [
    ...kept.map((i) => headers[i] ?? ''),
    ...(withSex ? ['sex'] : []),
    ...(withYear ? ['year'] : []),
    measure,
  ];
  let emptyCells = 0;

  const cellsOf = (record: SourceRecord): SourceRecord[] => {
    const fields = record.fields ?? parseFields(record.text ?? '', table.delimiter ?? ';');
    if (record.problem) return [{ line: record.line, fields, problem: record.problem }];
    if (fields.length !== headers.length) {
      const problem = reason(fields.length < headers.length ? 'tooFewColumns' : 'tooManyColumns', {
        expected: headers.length,
        found: fields.length,
      });
      return [{ line: record.line, fields, problem }];
    }
    const base = kept.map((i) => fields[i] ?? '');
    const cells: SourceRecord[] = [];
    for (const { index, header } of columns) {
      const value = fields[index] ?? '';
      if (emptyCell.test(value)) {
        emptyCells++;
        continue;
      }
      cells.push({
        line: record.line,
        fields: [
          ...base,
          ...(withSex ? [header.sex ?? ''] : []),
          ...(withYear ? [header.year ?? ''] : []),
          value,
        ],
      });
    }
    return cells;
  };

  async function* batches(): AsyncGenerator<SourceBatch> {
    for await (const batch of table.batches) yield { ...batch, records: batch.records.flatMap(cellsOf) };
  }

  return {
    ...table,
    headers: longHeaders,
    batches: { [Symbol.asyncIterator]: () => batches() },
    tagged: undefined,
    emptyLines: () => table.emptyLines() + emptyCells,
  };
};

import { statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { RejectReason } from '../../model/index.js';
import { FileRefused, reason } from '../reasons.js';
import type { SourceBatch, SourceTable } from '../source.js';
import { firstWorksheet } from './xlsx-worksheet.js';

/**
 * Text the workbook's XML cannot hold is written as _xHHHH_ (a carriage return as _x000D_), and a literal
 * "_x" that would read as one as _x005F_x; the streaming reader hands both on as they are stored.
 */
const unescaped = (text: string): string =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;

/** A cell whose value cannot be read for certain: the file is refused, naming its row and column. */
class CellUnreadable extends Error {}
/** A formula whose result cannot be read: its row is rejected, naming the column. */
class FormulaWithoutResult extends Error {}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return unescaped(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      // The streaming reader gives a formula's stored result, and NaN for an error result, whose text it
      // drops; a file written by a program that does not compute formulas stores none.
      const result = value.result;
      if (result === undefined || (typeof result === 'number' && Number.isNaN(result)))
        throw new FormulaWithoutResult();
      return cellText(result as ExcelJS.CellValue);
    }
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('richText' in value) return unescaped(value.richText.map((r) => r.text).join(''));
    // What the spreadsheet shows (#DIV/0!, #N/A), as its CSV export writes it: a number or date field
    // rejects it with its reason, where an empty cell would pass for a missing optional value.
    if ('error' in value) return String(value.error);
    // A cell whose shared string the workbook lacks, or a value of a kind no reader expects: never stored
    // as the object's name.
    throw new CellUnreadable(`a cell holds ${JSON.stringify(value).slice(0, 80)}, which is not a value`);
  }
  return String(value);
};

type XlsxRecord = { line: number; fields: string[]; problem?: RejectReason };

/** A column's letters as the spreadsheet shows them: 0 → A, 26 → AA. */
const columnLetters = (index: number): string =>
  (index >= 26 ? columnLetters(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** A PxWeb export has its title and perhaps a note above the header; more one-cell rows than this are a header of one column. */
const maxTitleRows = 6;

/**
 * Reads the first worksheet of an XLSX file row by row (see `firstWorksheet`). The header is the first row of
 * two or more cells: one-cell rows above it are title lines, as in PxWeb's XLSX exports.
 */
export const readXlsx = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const worksheet = await firstWorksheet(path);
  let headers: string[] = [];
  let emptyRows = 0;
  let titleRows = 0;
  let footnotes = 0;

  async function* rows(): AsyncGenerator<XlsxRecord> {
    // One-cell rows below a titled table's data: footnotes if nothing but more of them follows.
    let held: XlsxRecord[] = [];
    let lastRow = 0;
    try {
      for await (const row of worksheet) {
        lastRow = row.number;
        let problem: RejectReason | undefined;
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map((value, column) => {
          try {
            return cellText(value);
          } catch (error) {
            if (error instanceof FormulaWithoutResult) {
              problem ??= reason('formulaWithoutResult', { column: columnLetters(column) });
              return '';
            }
            if (!(error instanceof CellUnreadable)) throw error;
            throw new FileRefused(
              reason('unreadable', {
                detail: `row ${row.number}, column ${columnLetters(column)}: ${error.message}`,
              }),
            );
          }
        });
        const filled = values.filter((v) => v.trim() !== '').length;
        if (headers.length === 0 && problem) throw new FileRefused(problem);
        if (headers.length === 0) {
          // PxWeb writes the table's title in A1 (and sometimes a note below it) above the header.
          if (filled === 0) emptyRows++;
          else if (filled === 1 && titleRows < maxTitleRows) titleRows++;
          else headers = values.map((v) => v.trim());
          continue;
        }
        if (filled === 0) {
          emptyRows++;
          continue;
        }
        while (values.length < headers.length) values.push('');
        const record = { line: row.number, fields: values, ...(problem ? { problem } : {}) };
        if (titleRows > 0 && headers.length > 1 && filled === 1 && values[0]?.trim()) {
          held.push(record);
          continue;
        }
        yield* held;
        held = [];
        yield record;
      }
    } catch (error) {
      if (error instanceof FileRefused) throw error;
      // A part damaged after the first rows: the file is refused like one damaged from the start.
      const detail = error instanceof Error ? error.message : String(error);
      throw new FileRefused(
        reason('unreadable', {
          detail: `the worksheet${lastRow > 0 ? ` after row ${lastRow}` : ''}: ${detail}`,
        }),
      );
    }
    footnotes = held.length;
  }

  const iterator = rows();
  const first = await iterator.next();
  async function* batches(): AsyncGenerator<SourceBatch> {
    let records: XlsxRecord[] = first.done ? [] : [first.value];
    for await (const record of { [Symbol.asyncIterator]: () => iterator }) {
      records.push(record);
      if (records.length >= 10_000) {
        yield { records, mayHoldIdentityCodes: true, bytesRead: 0 };
        records = [];
      }
    }
    if (records.length > 0) yield { records, mayHoldIdentityCodes: true, bytesRead: bytesTotal };
  }

  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    decimalSeparator: '.',
    get headers() {
      return headers;
    },
    bytesTotal,
    batches: batches(),
    emptyLines: () => emptyRows,
    noteLines: () => titleRows + footnotes,
  };
};

import { statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
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

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return unescaped(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('richText' in value) return unescaped(value.richText.map((r) => r.text).join(''));
    if ('error' in value) return '';
    // A cell whose shared string the workbook lacks, or a value of a kind no reader expects: never stored
    // as the object's name.
    throw new Error(`a cell holds ${JSON.stringify(value).slice(0, 80)}, which is not a value`);
  }
  return String(value);
};

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

  async function* rows(): AsyncGenerator<{ line: number; fields: string[] }> {
    // One-cell rows below a titled table's data: footnotes if nothing but more of them follows.
    let held: { line: number; fields: string[] }[] = [];
    let lastRow = 0;
    try {
      for await (const row of worksheet) {
        lastRow = row.number;
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        const filled = values.filter((v) => v.trim() !== '').length;
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
        const record = { line: row.number, fields: values };
        if (titleRows > 0 && headers.length > 1 && filled === 1 && values[0]?.trim()) {
          held.push(record);
          continue;
        }
        yield* held;
        held = [];
        yield record;
      }
    } catch (error) {
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
    let records: { line: number; fields: string[] }[] = first.done ? [] : [first.value];
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

import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { SourceBatch, SourceTable } from '../source.js';

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return '';
  }
  return String(value);
};

/** Reads the first worksheet of an XLSX file with a streaming reader; the first row is the header. */
export const readXlsx = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  let headers: string[] = [];
  let emptyRows = 0;

  async function* rows(): AsyncGenerator<{ line: number; fields: string[] }> {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (row.number === 1 || headers.length === 0) {
          headers = values.map((v) => v.trim());
          continue;
        }
        if (values.every((v) => v.trim() === '')) {
          emptyRows++;
          continue;
        }
        while (values.length < headers.length) values.push('');
        yield { line: row.number, fields: values };
      }
      break;
    }
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
  };
};

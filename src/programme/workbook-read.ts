import type ExcelJS from 'exceljs';
import { loadWorkbook, normaliseHeader } from '../importers/index.js';
import { findIdentityCodes, SoteatlasError } from '../model/index.js';
import { requiredColumns, type SheetKind, sheetColumns, sheetNames } from './workbook-columns.js';

/** A data row of a sheet: its line in the sheet and its cells by field, as text. */
export interface SheetRow {
  line: number;
  cells: Record<string, string>;
}

export type WorkbookRows = Partial<Record<SheetKind, SheetRow[]>>;

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
};

const refuse = (message: string, details: Record<string, string>): never => {
  throw new SoteatlasError('invalidRequest', message, { details });
};

const kindOf = (sheetName: string): SheetKind | undefined =>
  (Object.keys(sheetNames) as SheetKind[]).find((kind) =>
    (sheetNames[kind] as readonly string[]).includes(normaliseHeader(sheetName)),
  );

/** Which field each column holds; a sheet missing a required column refuses the file. */
const columnsOf = (kind: SheetKind, sheetName: string, headers: string[]): (string | undefined)[] => {
  const aliases = sheetColumns[kind] as Record<string, readonly string[]>;
  const fields = headers.map((h) =>
    Object.keys(aliases).find((field) => aliases[field]?.includes(normaliseHeader(h))),
  );
  const missing = (requiredColumns[kind] as readonly string[]).filter((f) => !fields.includes(f));
  if (missing.length > 0)
    refuse(`Sheet "${sheetName}" has no column for ${missing.join(', ')}.`, {
      sheet: sheetName,
      columns: missing.join(','),
    });
  return fields;
};

/**
 * The Projects, Milestones and Risks sheets of a programme office's workbook (named in Finnish, Swedish
 * or English, other sheets ignored), each row with its line. The header is a sheet's first non-empty
 * row. A workbook holding a personal identity code is refused whole, naming the sheet and column only.
 */
export const readProgrammeWorkbook = async (bytes: Uint8Array): Promise<WorkbookRows> => {
  const workbook = await loadWorkbook(bytes).catch(() => refuse('The file is not an XLSX workbook.', {}));
  const rows: WorkbookRows = {};
  for (const sheet of workbook.worksheets) {
    const kind = kindOf(sheet.name);
    if (!kind || rows[kind]) continue;
    let fields: (string | undefined)[] | undefined;
    const read: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
      if (values.every((v) => v === '')) return;
      if (!fields) {
        fields = columnsOf(kind, sheet.name, values);
        return;
      }
      const cells: Record<string, string> = {};
      values.forEach((value, i) => {
        const field = fields?.[i];
        if (findIdentityCodes(value).length > 0)
          refuse(`Sheet "${sheet.name}" holds a personal identity code in column ${i + 1}.`, {
            sheet: sheet.name,
            column: String(i + 1),
          });
        if (field && value !== '') cells[field] = value;
      });
      read.push({ line, cells });
    });
    if (fields) rows[kind] = read;
  }
  if (!rows.projects && !rows.milestones && !rows.risks)
    refuse('The workbook has no Projects, Milestones or Risks sheet.', {});
  return rows;
};

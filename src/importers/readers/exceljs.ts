import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

/**
 * exceljs, loaded on first use. It takes about a fifth of the command line's start-up, and most commands
 * neither read nor write a workbook.
 */
export const excelJs = (): typeof ExcelJS => {
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
};

const worksheetPart = /^xl\/worksheets\/[^/]+\.xml$/;
const dataValidations = /<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g;

/**
 * A whole workbook in memory, for the small workbooks read sheet by sheet (the programme office's, THL's
 * need coefficients). exceljs expands every data validation to each cell of its range, and Excel writes
 * A1:XFD1048576 for a rule put on whole columns or the whole sheet: such a file of a few kilobytes kept
 * the loader busy for good, and the server with it (exceljs issue 1842). The validations are dropped
 * before loading; nothing here reads them. Bytes that are not a ZIP archive go to exceljs as they are,
 * which refuses them as before.
 */
export const loadWorkbook = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  let archive: Uint8Array = bytes;
  try {
    const parts = unzipSync(bytes);
    for (const [name, part] of Object.entries(parts)) {
      if (!worksheetPart.test(name)) continue;
      const xml = strFromU8(part);
      if (xml.includes('<dataValidations')) parts[name] = strToU8(xml.replace(dataValidations, ''));
    }
    archive = zipSync(parts);
  } catch {
    // Not an archive fflate reads: exceljs gives its own error.
  }
  const workbook = new (excelJs().Workbook)();
  await workbook.xlsx.load(archive as unknown as ArrayBuffer);
  return workbook;
};

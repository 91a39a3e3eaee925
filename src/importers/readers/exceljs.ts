import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

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

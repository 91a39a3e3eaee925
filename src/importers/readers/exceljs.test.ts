import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from './exceljs.js';

/** A workbook as Excel saves one with an input message put on the whole sheet (select all, Data validation). */
const withWholeSheetRule = async (): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hankkeet');
  sheet.addRow(['tunnus', 'nimi']);
  sheet.addRow(['P1', 'Kotihoidon yhtenäistäminen']);
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const xml = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
  const rule =
    '<dataValidations count="1"><dataValidation allowBlank="1" showInputMessage="1" promptTitle="Ohje" prompt="Täytä" sqref="A1:XFD1048576"/></dataValidations>';
  const at = xml.indexOf('<pageMargins');
  expect(at).toBeGreaterThan(0);
  parts['xl/worksheets/sheet1.xml'] = strToU8(`${xml.slice(0, at)}${rule}${xml.slice(at)}`);
  return zipSync(parts);
};

describe('loadWorkbook', () => {
  it('loads a workbook whose validation covers every cell of the sheet, with its values', async () => {
    const workbook = await loadWorkbook(await withWholeSheetRule());
    const sheet = workbook.getWorksheet('Hankkeet');
    expect(sheet?.getCell('A2').value).toBe('P1');
    expect(sheet?.getCell('B2').value).toBe('Kotihoidon yhtenäistäminen');
    expect(sheet?.rowCount).toBe(2);
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(loadWorkbook(strToU8('tunnus;nimi\nP1;Kotihoito\n'))).rejects.toThrow();
  });
});

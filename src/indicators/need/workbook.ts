import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { loadWorkbook } from '../../importers/index.js';
import { type NeedSector, SoteatlasError } from '../../model/index.js';
import { countyCodeOf } from './county-codes.js';
import type { NeedModelArea, NeedRegressionModel, NeedVariable } from './regression.js';

/** One sheet of THL's workbook: the model, and THL's own resulting total coefficients to check against. */
export interface ThlNeedYear {
  model: NeedRegressionModel;
  publishedTotals: { name: string; total: number }[];
}

/**
 * Reads THL's need-coefficient workbook ("Laskentataulukko tarvekertoimille"). Each sheet `Vuosi_YYYY`
 * holds, under a header row naming the sectors (Terveydenhuolto, Sosiaalihuolto, Vanhustenhuolto) and the
 * areas: one row per explanatory variable with the sectors' coefficients in columns C–E and the areas'
 * means from column F on (the country, "Koko maa", last); then the rows Vakiotermi (constants),
 * Väkiluku, Vanhusten suhteellinen osuus (share of 65+), the sector weights under Sektoripainot, and the
 * total coefficients under Kokonaistarvekertoimet. Rows and columns are found by their labels, not by
 * position, since THL's layout shifts a little from year to year.
 */
export const readThlNeedWorkbook = async (path: string): Promise<ThlNeedYear[]> => {
  const workbook = await loadWorkbook(new Uint8Array(await readFile(path)));
  const years: ThlNeedYear[] = [];
  for (const sheet of workbook.worksheets) {
    const year = /^Vuosi_(\d{4})$/.exec(sheet.name.trim())?.[1];
    if (year) years.push(readSheet(sheet, Number(year)));
  }
  if (years.length === 0)
    throw new SoteatlasError(
      'invalidDataset',
      `${path} has no sheet named Vuosi_YYYY: is it THL's workbook?`,
    );
  return years.sort((a, b) => a.model.year - b.model.year);
};

const sectorColumns: Record<NeedSector, string> = {
  health: 'Terveydenhuolto',
  social: 'Sosiaalihuolto',
  elderly: 'Vanhustenhuolto',
};

/** A cell's number, whether typed in or the cached result of a formula; null when empty or text. */
const numberOf = (value: ExcelJS.CellValue): number | null => {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number')
    return value.result;
  return null;
};

const textOf = (value: ExcelJS.CellValue): string => {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  return '';
};

const readSheet = (sheet: ExcelJS.Worksheet, year: number): ThlNeedYear => {
  const cell = (row: number, column: number) => sheet.getRow(row).getCell(column).value;
  const where = `sheet ${sheet.name}`;

  let headerRow = 0;
  for (let r = 1; r <= Math.min(sheet.rowCount, 20) && headerRow === 0; r++) {
    if (textOf(cell(r, 3)) === sectorColumns.health) headerRow = r;
  }
  if (headerRow === 0)
    throw new SoteatlasError(
      'invalidDataset',
      `${where}: no header row with "${sectorColumns.health}" in column C`,
    );
  const sectorColumn = {} as Record<NeedSector, number>;
  for (const [sector, label] of Object.entries(sectorColumns) as [NeedSector, string][]) {
    const column = [3, 4, 5].find((c) => textOf(cell(headerRow, c)) === label);
    if (column === undefined)
      throw new SoteatlasError('invalidDataset', `${where}: no column "${label}" in row ${headerRow}`);
    sectorColumn[sector] = column;
  }

  // The means' block ends with the country; the blocks to its right are THL's own workings.
  const areaColumns: { column: number; name: string }[] = [];
  for (let c = 6; c <= sheet.columnCount; c++) {
    const name = textOf(cell(headerRow, c));
    if (name === '' || areaColumns.some((a) => a.name === name)) break;
    areaColumns.push({ column: c, name });
    if (name === 'Koko maa') break;
  }
  const referenceName = areaColumns.at(-1)?.name;
  if (!referenceName) throw new SoteatlasError('invalidDataset', `${where}: no area columns after column E`);

  const rowOf = (label: string, from = headerRow + 1): number => {
    for (let r = from; r <= sheet.rowCount; r++) if (textOf(cell(r, 2)) === label) return r;
    throw new SoteatlasError('invalidDataset', `${where}: no row "${label}" in column B`);
  };
  const constantRow = rowOf('Vakiotermi');
  const populationRow = rowOf('Väkiluku', constantRow);
  const over65ShareRow = rowOf('Vanhusten suhteellinen osuus', constantRow);

  const variables: NeedVariable[] = [];
  const means: number[][] = areaColumns.map(() => []);
  let block: NeedVariable['block'] = 'allResidents';
  for (let r = headerRow + 1; r < constantRow; r++) {
    if (/vanhustenhuollon/i.test(textOf(cell(r, 1)))) block = 'over65';
    const name = textOf(cell(r, 2));
    if (name === '') continue;
    const coefficient = (sector: NeedSector) => numberOf(cell(r, sectorColumn[sector]));
    variables.push({
      name,
      block,
      coefficients: {
        health: coefficient('health'),
        social: coefficient('social'),
        elderly: coefficient('elderly'),
      },
    });
    areaColumns.forEach(({ column }, a) => {
      means[a]?.push(numberOf(cell(r, column)) ?? 0);
    });
  }

  const constants = {} as Record<NeedSector, number>;
  for (const sector of Object.keys(sectorColumns) as NeedSector[]) {
    const value = numberOf(cell(constantRow, sectorColumn[sector]));
    if (value === null)
      throw new SoteatlasError('invalidDataset', `${where}: no constant for ${sectorColumns[sector]}`);
    constants[sector] = value;
  }

  const areas: NeedModelArea[] = areaColumns.map(({ column, name }, a) => {
    const over65Share = numberOf(cell(over65ShareRow, column));
    if (over65Share === null)
      throw new SoteatlasError('invalidDataset', `${where}: no share of over-65s for ${name}`);
    return {
      name,
      code: countyCodeOf(name),
      means: means[a] ?? [],
      population: numberOf(cell(populationRow, column)),
      over65Share,
    };
  });

  const weightsRow = rowOf('Sektoripainot', constantRow);
  const weights = {} as Record<NeedSector, number>;
  for (const [sector, label] of Object.entries(sectorColumns) as [NeedSector, string][]) {
    const row = rowOf(label, weightsRow + 1);
    const value = numberOf(cell(row, 3));
    if (value === null) throw new SoteatlasError('invalidDataset', `${where}: no sector weight for ${label}`);
    weights[sector] = value;
  }

  return {
    model: { year, variables, constants, sectorWeights: weights, areas, referenceName },
    publishedTotals: publishedTotals(sheet, weightsRow),
  };
};

/** THL's own total coefficients: area names under "Kokonaistarvekertoimet", values in the next column. */
const publishedTotals = (sheet: ExcelJS.Worksheet, headingRow: number): { name: string; total: number }[] => {
  const heading = sheet.getRow(headingRow);
  let nameColumn = 0;
  for (let c = 1; c <= sheet.columnCount && nameColumn === 0; c++) {
    if (textOf(heading.getCell(c).value) === 'Kokonaistarvekertoimet') nameColumn = c;
  }
  if (nameColumn === 0) return [];
  const totals: { name: string; total: number }[] = [];
  for (let r = headingRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const name = textOf(row.getCell(nameColumn).value);
    const total = numberOf(row.getCell(nameColumn + 1).value);
    if (name !== '' && total !== null) totals.push({ name, total });
  }
  return totals;
};

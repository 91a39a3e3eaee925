import type ExcelJS from 'exceljs';
import { excelJs } from '../importers/index.js';
import { type IndicatorValue, isChainIndicator } from '../model/index.js';
import type { ReportData, ReportItem } from './report-data.js';
import { type ReportTexts, reportDate, reportLocale, reportTexts } from './texts.js';

/** Excel allows 31 characters and none of []:*?/\ in a sheet name, and names must be unique. */
export const sheetName = (wanted: string, taken: Set<string>): string => {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
};

/** "0.0" for one decimal: Excel then shows the figure in the reader's own locale. */
const numberFormat = (decimals: number): string => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

const bold = { bold: true } as const;

/** A figure cell: the number itself, or the suppression mark as text (a withheld figure is never 0). */
const figure = (value: number | null, suppressed: boolean, text: ReportTexts): number | string =>
  value !== null ? value : suppressed ? text.suppressedMark : text.notAvailable;

/** A figure inside a sentence, written as the reader writes numbers ("94,5" in Finnish). */
const figureText = (report: ReportData, value: number, decimals: number): string =>
  new Intl.NumberFormat(reportLocale[report.language], {
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(value);

const statusOf = (item: ReportItem, text: ReportTexts): string =>
  text.status[item.target?.status ?? 'noTarget'];

const writeSummary = (sheet: ExcelJS.Worksheet, report: ReportData, text: ReportTexts) => {
  const c = text.columns;
  const withReference = report.items.some((item) => item.reference);
  sheet.addRow([text.reportTitle(report.county, report.setName, report.period)]).font = {
    bold: true,
    size: 14,
  };
  sheet.addRow([text.generated(reportDate(report.language, report.preparedOn))]);
  sheet.addRow([]);
  sheet.addRow([
    c.indicator,
    c.unit,
    c.period,
    c.value,
    c.lower,
    c.upper,
    c.target,
    c.status,
    c.variance,
    // THL's column only where some indicator has THL's figure: a pack without any stays as it was.
    ...(withReference ? [c.reference] : []),
  ]).font = bold;
  for (const item of report.items) {
    const county = item.county;
    const reference = item.reference;
    const row = sheet.addRow([
      item.indicator.title[report.language],
      item.indicator.unit[report.language],
      report.period,
      county ? figure(county.value, county.suppressed, text) : text.notAvailable,
      county?.lower ?? null,
      county?.upper ?? null,
      item.target?.value ?? null,
      statusOf(item, text),
      item.target?.variance ?? null,
      ...(withReference ? [reference ? (reference.value ?? reference.mark ?? text.notAvailable) : null] : []),
    ]);
    const format = numberFormat(item.indicator.decimals);
    for (const column of [4, 5, 6, 7, 9, ...(withReference ? [10] : [])]) row.getCell(column).numFmt = format;
  }
  sheet.addRow([]);
  sheet.addRow([text.suppressedNote]);
  if (withReference) sheet.addRow([text.referenceAttribution]);
  sheet.getColumn(1).width = 48;
  for (const column of [2, 3, 4, 5, 6, 7, 8, 9]) sheet.getColumn(column).width = 16;
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
};

const valueRow = (value: IndicatorValue, text: ReportTexts) => [
  value.areaCode,
  value.areaName ?? value.areaCode,
  value.period,
  figure(value.value, value.suppressed, text),
  value.lower,
  value.upper,
  figure(value.numerator, value.suppressed, text),
  value.denominator,
  value.suppressed ? text.suppressedNote : null,
];

const writeIndicator = (
  sheet: ExcelJS.Worksheet,
  item: ReportItem,
  { report, text }: { report: ReportData; text: ReportTexts },
) => {
  const c = text.columns;
  const { indicator } = item;
  sheet.addRow([indicator.title[report.language]]).font = { bold: true, size: 13 };
  sheet.addRow([`${c.unit}: ${indicator.unit[report.language]}`]);
  const target = item.target ? figureText(report, item.target.value, indicator.decimals) : text.notAvailable;
  sheet.addRow([`${c.target}: ${target} · ${c.status}: ${statusOf(item, text)}`]);
  sheet.addRow([]);
  sheet.addRow([
    c.areaCode,
    c.area,
    c.period,
    c.value,
    c.lower,
    c.upper,
    c.numerator,
    c.denominator,
    c.note,
  ]).font = bold;
  const format = numberFormat(indicator.decimals);
  const rows = item.county ? [item.county, ...item.areas] : item.areas;
  rows.forEach((value, i) => {
    const row = sheet.addRow(valueRow(value, text));
    if (i === 0 && item.county) row.font = bold;
    for (const column of [4, 5, 6]) row.getCell(column).numFmt = format;
    for (const column of [7, 8]) row.getCell(column).numFmt = '#,##0';
  });
  sheet.getColumn(2).width = 28;
  for (const column of [1, 3, 4, 5, 6, 7, 8]) sheet.getColumn(column).width = 14;
  sheet.getColumn(9).width = 40;
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
};

const writeDefinitions = (sheet: ExcelJS.Worksheet, report: ReportData, text: ReportTexts) => {
  const c = text.columns;
  sheet.addRow([
    c.id,
    c.title,
    c.description,
    c.unit,
    c.decimals,
    c.direction,
    c.interval,
    c.periods,
    c.sotkanet,
    c.standardisation,
    c.notes,
  ]).font = bold;
  for (const { indicator, metadata } of report.items) {
    sheet.addRow([
      indicator.id,
      indicator.title[report.language],
      indicator.description[report.language],
      indicator.unit[report.language],
      indicator.decimals,
      text.directions[indicator.direction],
      text.intervals[indicator.interval],
      indicator.periods.map((period) => text.periodTypes[period]).join(', '),
      (isChainIndicator(indicator) ? null : indicator.sotkanetId) ?? null,
      text.standardisation[metadata.standardisation],
      metadata.notes.join(' '),
    ]);
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 60;
  sheet.getColumn(11).width = 60;
  for (const column of [3, 11]) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
};

/**
 * The report pack as a workbook: a summary sheet, one data sheet per indicator (the county first, then
 * each municipality, withheld figures marked "<5"), and a sheet of definitions.
 */
export const reportWorkbook = (report: ReportData): ExcelJS.Workbook => {
  const text = reportTexts[report.language];
  const workbook = new (excelJs().Workbook)();
  workbook.creator = 'Soteatlas';
  // A fixed date keeps the file the same for the same content (the golden test relies on it).
  workbook.created = new Date(`${report.preparedOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  writeSummary(workbook.addWorksheet(sheetName(text.summarySheet, taken)), report, text);
  for (const item of report.items) {
    writeIndicator(workbook.addWorksheet(sheetName(item.indicator.id, taken)), item, { report, text });
  }
  writeDefinitions(workbook.addWorksheet(sheetName(text.definitionsSheet, taken)), report, text);
  return workbook;
};

export const reportXlsx = async (report: ReportData): Promise<Buffer> =>
  Buffer.from(await reportWorkbook(report).xlsx.writeBuffer());

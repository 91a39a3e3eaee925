import type ExcelJS from 'exceljs';
import { excelJs } from '../importers/index.js';
import { isShareMeasure, type ReportLanguage, type Scorecard, type SteeringFigure } from '../model/index.js';
import { type ScorecardPackTexts, scorecardPackTexts } from './pack-texts.js';

const bold = { bold: true } as const;

const table = (book: ExcelJS.Workbook, name: string, titles: string[]): ExcelJS.Worksheet => {
  const sheet = book.addWorksheet(name);
  sheet.addRow(titles).font = bold;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = Math.max(10, Math.min(50, (titles[i]?.length ?? 10) + 4));
  });
  return sheet;
};

/** Finnish and Swedish write 5.3.2026, English 5/3/2026. */
export const packDay = (language: ReportLanguage, isoDate: string): string => {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return language === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
};

const euros = (cents: number | null) => (cents === null ? '' : cents / 100);
const rounded = (value: number | null, digits: number) =>
  value === null ? '' : Number(value.toFixed(digits));

/** A figure, the suppression mark where it was withheld (never 0), or empty where there is none. */
const figure = (f: SteeringFigure, t: ScorecardPackTexts, pick: 'value' | 'lower' | 'upper' = 'value') =>
  f.suppressed ? t.withheld : rounded(f[pick], 3);

const summary = (
  book: ExcelJS.Workbook,
  card: Scorecard,
  language: ReportLanguage,
  t: ScorecardPackTexts,
) => {
  const s = t.summary;
  const sheet = book.addWorksheet(t.sheets.summary);
  sheet.addRow([`${t.title}: ${card.producer.name} · ${card.period}`]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const rows: [string, string | number][] = [
    [s.producer, card.producer.name],
    [s.code, card.producer.code],
    [s.kind, t.kinds[card.producer.kind] ?? card.producer.kind],
    [s.businessId, card.producer.businessId ?? ''],
    [s.period, card.period],
    [s.asOf, packDay(language, card.asOf)],
    [s.flags, card.flags.map((f) => t.flags[f] ?? f).join(', ') || t.none],
    [s.invoiced, euros(card.billing.invoicedCents)],
    [s.expected, euros(card.billing.expectedCents)],
    [s.matched, euros(card.billing.matchedCents)],
    [s.difference, euros(card.billing.differenceCents)],
    [s.completeness, figure(card.completeness, t)],
  ];
  for (const row of rows) sheet.addRow(row).getCell(1).font = bold;
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 40;
};

const volumesAndBilling = (book: ExcelJS.Workbook, card: Scorecard, t: ScorecardPackTexts) => {
  const c = t.columns;
  const volumes = table(book, t.sheets.volumes, [
    c.contract,
    c.serviceClass,
    c.pricingBasis,
    c.volume,
    c.floor,
    c.ceiling,
    c.status,
  ]);
  for (const v of card.volumes)
    volumes.addRow([
      v.contractCode,
      v.serviceClass,
      t.bases[v.pricingBasis] ?? v.pricingBasis,
      v.volume,
      v.floor ?? '',
      v.ceiling ?? '',
      t.statuses[v.status],
    ]);
  const billing = table(book, t.sheets.billing, [
    c.invoice,
    c.month,
    c.serviceClass,
    c.unit,
    c.invoicedQuantity,
    c.eventQuantity,
    c.price,
    c.invoiced,
    c.expected,
    c.difference,
    c.status,
  ]);
  for (const l of card.billing.differences)
    billing.addRow([
      l.invoiceId,
      l.month,
      l.serviceClass,
      l.unitCode ?? '',
      l.invoicedQuantity,
      l.eventQuantity,
      l.priceEuros ?? '',
      euros(l.invoicedCents),
      euros(l.expectedCents),
      euros(l.differenceCents),
      t.statuses[l.status],
    ]);
  const costs = table(book, t.sheets.costs, [c.serviceClass, c.producerCost, c.ownCost, c.ratio]);
  for (const k of card.costs)
    costs.addRow([
      k.serviceClass,
      rounded(k.producerEurosPerUnit, 2),
      rounded(k.ownEurosPerUnit, 2),
      rounded(k.ratio, 3),
    ]);
};

const qualityAndWaiting = (book: ExcelJS.Workbook, card: Scorecard, t: ScorecardPackTexts) => {
  const c = t.columns;
  const quality = table(book, t.sheets.quality, [
    c.contract,
    c.measure,
    c.direction,
    c.target,
    c.value,
    c.lower,
    c.upper,
    c.events,
    c.met,
  ]);
  for (const q of card.quality) {
    const row = quality.addRow([
      q.contractCode,
      t.measures[q.measure] ?? q.measure,
      t.directions[q.direction],
      q.target,
      figure(q.figure, t),
      figure(q.figure, t, 'lower'),
      figure(q.figure, t, 'upper'),
      q.figure.suppressed ? t.withheld : (q.figure.count ?? ''),
      q.met === null ? '' : q.met ? t.yes : t.no,
    ]);
    // A share's target and value in one unit, as percentages.
    if (isShareMeasure(q.measure)) for (const cell of [4, 5, 6, 7]) row.getCell(cell).numFmt = '0.0%';
  }
  const waiting = table(book, t.sheets.waiting, [c.serviceClass, c.limitDays, c.median, c.withinLimit]);
  for (const w of card.waiting)
    waiting.addRow([w.serviceClass, w.limitDays, figure(w.medianDays, t), figure(w.withinLimitShare, t)]);
};

const supervisionAndComplaints = (
  book: ExcelJS.Workbook,
  card: Scorecard,
  language: ReportLanguage,
  t: ScorecardPackTexts,
) => {
  const c = t.columns;
  const supervision = table(book, t.sheets.supervision, [
    c.finding,
    c.inspected,
    c.unit,
    c.severity,
    c.deadline,
    c.state,
  ]);
  for (const f of card.supervision)
    supervision.addRow([
      f.description,
      packDay(language, f.inspectionDate),
      f.unitCode ?? '',
      t.severities[f.severity] ?? f.severity,
      packDay(language, f.actionDeadline),
      f.overdue ? t.states.overdue : t.states[f.actionState],
    ]);
  const complaints = table(book, t.sheets.complaints, [c.quarter, c.objections, c.complaints]);
  for (const k of card.complaints) complaints.addRow([k.quarter, k.objections, k.complaints]);
};

/**
 * A producer's scorecard for the steering meeting as a workbook: a summary, then a sheet per part
 * (volumes against the contract's bounds, billing differences line by line, cost beside own production,
 * quality requirements, waiting, supervision findings and complaints). Figures about 1–4 clients that
 * the reader may not see are marked "<5", never 0.
 */
export const scorecardWorkbook = (card: Scorecard, language: ReportLanguage): ExcelJS.Workbook => {
  const t = scorecardPackTexts[language];
  const book = new (excelJs().Workbook)();
  book.creator = 'Soteatlas';
  book.title = `${t.title}: ${card.producer.name} ${card.period}`;
  summary(book, card, language, t);
  volumesAndBilling(book, card, t);
  qualityAndWaiting(book, card, t);
  supervisionAndComplaints(book, card, language, t);
  return book;
};

export const scorecardXlsx = async (card: Scorecard, language: ReportLanguage): Promise<Buffer> =>
  Buffer.from(await scorecardWorkbook(card, language).xlsx.writeBuffer());

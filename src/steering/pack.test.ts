import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../forecast/testing.js';
import type { Scorecard } from '../model/index.js';
import type { Store } from '../store/index.js';
import { scorecardXlsx } from './pack.js';
import { scorecardPackTexts } from './pack-texts.js';
import { producerScorecard } from './scorecard.js';

let store: Store;
beforeAll(async () => {
  store = await openForecastTestStore();
}, 240_000);
afterAll(() => store?.close());

const bookOf = async (card: Scorecard, language: 'fi' | 'sv' | 'en') => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await scorecardXlsx(card, language)) as unknown as ArrayBuffer);
  return book;
};

/** The sheet's rows below its header, each as its cells' values. */
const rowsOf = (book: ExcelJS.Workbook, name: string, from = 2): unknown[][] => {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n >= from) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};

describe("a producer's steering-meeting pack as a workbook", () => {
  it('carries the scorecard sheet by sheet, the billing differences line by line, in each language', async () => {
    const card = await producerScorecard(store, {
      producerCode: 'KAISLIKKO',
      period: '2025',
      unsuppressed: false,
    });
    for (const language of ['fi', 'sv', 'en'] as const) {
      const t = scorecardPackTexts[language];
      const book = await bookOf(card, language);
      expect(book.worksheets.map((s) => s.name)).toEqual([
        t.sheets.summary,
        t.sheets.volumes,
        t.sheets.billing,
        t.sheets.costs,
        t.sheets.quality,
        t.sheets.waiting,
        t.sheets.supervision,
        t.sheets.complaints,
      ]);
      const summary = new Map(rowsOf(book, t.sheets.summary, 3).map(([k, v]) => [k, v]));
      expect(summary.get(t.summary.code)).toBe('KAISLIKKO');
      expect(summary.get(t.summary.invoiced)).toBe(card.billing.invoicedCents / 100);
      expect(summary.get(t.summary.expected)).toBe(card.billing.expectedCents / 100);
      expect(summary.get(t.summary.difference)).toBe(card.billing.differenceCents / 100);
      expect(summary.get(t.summary.flags)).toContain(t.flags.billingDifference);

      const billing = rowsOf(book, t.sheets.billing);
      expect(billing.length).toBe(card.billing.differences.length);
      const line = billing.find((row) => String(row[0]).endsWith('2025-10-HC-TP041'));
      const expected = card.billing.differences.find((l) => l.invoiceId === line?.[0]);
      if (!line || !expected) throw new Error('the demo has no over-billed KAISLIKKO line');
      expect(line[10]).toBe(t.statuses.overBilled);
      expect(line[9]).toBe(expected.differenceCents / 100);
      expect(Number(line[7]) - Number(line[8])).toBeCloseTo(expected.differenceCents / 100, 2);

      const volumes = rowsOf(book, t.sheets.volumes);
      expect(volumes.map((row) => row[0])).toEqual(card.volumes.map((v) => v.contractCode));
      expect(volumes.map((row) => row[3])).toEqual(card.volumes.map((v) => v.volume));
      expect(rowsOf(book, t.sheets.quality).length).toBe(card.quality.length);
      expect(rowsOf(book, t.sheets.complaints).length).toBe(card.complaints.length);
    }
  });

  it('marks a withheld figure "<5", never 0, and names the overdue corrective action', async () => {
    const card = await producerScorecard(store, {
      producerCode: 'AAMURUSKO',
      period: '2025',
      unsuppressed: false,
    });
    const t = scorecardPackTexts.en;
    const book = await bookOf(card, 'en');
    const supervision = rowsOf(book, t.sheets.supervision);
    expect(supervision.some((row) => row[5] === t.states.overdue && row[3] === t.severities.serious)).toBe(
      true,
    );

    // The same card with one figure withheld, as a producer's pack may have it.
    const withheld = { value: null, lower: null, upper: null, count: null, suppressed: true };
    const suppressed = await bookOf(
      {
        ...card,
        waiting: [{ serviceClass: 'HC', limitDays: 14, medianDays: withheld, withinLimitShare: withheld }],
        completeness: withheld,
      },
      'en',
    );
    expect(rowsOf(suppressed, t.sheets.waiting)[0]?.slice(2)).toEqual(['<5', '<5']);
    const summary = new Map(rowsOf(suppressed, t.sheets.summary, 3).map(([k, v]) => [k, v]));
    expect(summary.get(t.summary.completeness)).toBe('<5');
  });
});

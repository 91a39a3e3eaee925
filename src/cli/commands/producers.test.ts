import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import { viewerWithRoles } from '../../model/index.js';
import { contractsInForce, saveContract } from '../../steering/index.js';
import type { Store } from '../../store/index.js';
import { openStateOf } from '../state.js';
import { calendarText, contractsOf, producersListText, reconcileText, scorecardText } from './producers.js';
import { scorecardPackFile } from './producers-report.js';

let store: Store;
beforeAll(async () => {
  store = await openForecastTestStore();
}, 240_000);
afterAll(() => store?.close());

describe('soteatlas producers and procurement', () => {
  it('lists producers with their flags, as text and as JSON', async () => {
    expect(await producersListText(store, false)).toMatch(/^NORDICA\s+purchased .*overCeiling/m);
    expect(JSON.parse(await producersListText(store, true))).toHaveLength(10);
  });

  it('reconciles a month, naming the line billed beyond its events', async () => {
    const text = await reconcileText(store, '2025-10', false);
    expect(text).toMatch(/^Invoices 2025-10: .* differences [1-9][\d\s,]* €/);
    expect(text).toContain('KAISLIKKO-2025-10-HC-TP041  overBilled');
    const json = JSON.parse(await reconcileText(store, '2025-10', true));
    expect(json.matchedCents + json.differenceCents).toBe(json.invoicedCents);
  });

  it("prints a producer's scorecard with the overdue action", async () => {
    const text = await scorecardText(store, 'AAMURUSKO', '2025', false);
    expect(text).toContain('serious');
    expect(text).toContain('OVERDUE');
  });

  it('prints the calendar and writes it as an iCalendar file', async () => {
    const ics = join(mkdtempSync(join(tmpdir(), 'calendar-')), 'hankinnat.ics');
    const text = await calendarText(store, { withinMonths: 12, ics });
    expect(text).toMatch(/2026-02-15\s+optionDecision\s+KAISLIKKO-HC/);
    expect(text).toMatch(/NORDICA-REH: nothing planned/);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VEVENT');
  });

  it("writes a producer's steering-meeting pack as a workbook, and refuses a producer there is not", async () => {
    const state = await openStateOf(store);
    try {
      const request = { period: '2025-10', language: 'en' as const, viewer: viewerWithRoles(['steering']) };
      const file = await scorecardPackFile({ store, state }, 'xlsx', {
        ...request,
        producerCode: 'KAISLIKKO',
      });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ArrayBuffer);
      expect(book.getWorksheet('Summary')?.getRow(1).getCell(1).value).toMatch(
        /^Producer scorecard: .* · 2025-10$/,
      );
      const billing = book.getWorksheet('Billing differences');
      expect(billing?.getRow(2).getCell(1).value).toBe('KAISLIKKO-2025-10-HC-TP041');
      expect(billing?.getRow(2).getCell(11).value).toBe('Over-billed');
      await expect(
        scorecardPackFile({ store, state }, 'pdf', { ...request, producerCode: 'NOBODY' }),
      ).rejects.toThrow(/no producer NOBODY/);
    } finally {
      await state.close();
    }
  });

  // Last: it saves an edit into the state of the shared store, which the cases above must not see.
  it('reconciles against a contract as edited in the state, not only as imported', async () => {
    const lineOf = (text: string) =>
      (JSON.parse(text) as { lines: { invoiceId: string; priceEuros: number | null }[] }).lines.find(
        (l) => l.invoiceId === 'KAISLIKKO-2025-10-HC-TP041',
      );
    const imported = await contractsOf(store);
    const before = lineOf(await reconcileText(store, '2025-10', true, imported));
    const contract = imported.find((c) => c.code === 'KAISLIKKO-HC');
    if (!contract || typeof before?.priceEuros !== 'number') throw new Error('fixture changed');
    expect(before.priceEuros).toBe(contract.unitPriceEuros);

    const state = await openStateOf(store);
    try {
      const edited = (await contractsInForce(store, state)).find((c) => c.code === 'KAISLIKKO-HC');
      if (!edited) throw new Error('no KAISLIKKO-HC in force');
      const { version, updatedAt: _at, updatedBy: _by, ...terms } = edited;
      await saveContract(
        store,
        state,
        { ...terms, unitPriceEuros: terms.unitPriceEuros + 100 },
        version,
        undefined,
      );
    } finally {
      await state.close();
    }

    const inForce = await contractsOf(store);
    const after = lineOf(await reconcileText(store, '2025-10', true, inForce));
    expect(after?.priceEuros).toBe(contract.unitPriceEuros + 100);
    expect(lineOf(await reconcileText(store, '2025-10', true))?.priceEuros).toBe(contract.unitPriceEuros);
    expect(await scorecardText(store, 'KAISLIKKO', '2025-10', false, inForce)).not.toBe(
      await scorecardText(store, 'KAISLIKKO', '2025-10', false, imported),
    );
  });
});

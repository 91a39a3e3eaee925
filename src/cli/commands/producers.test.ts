import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import { viewerWithRoles } from '../../model/index.js';
import {
  contractsInForce,
  correctInvoiceLine,
  findInvoiceLine,
  findingsInForce,
  loadContracts,
  saveContract,
  saveFindingState,
  saveVoucherValue,
  vouchersInForce,
} from '../../steering/index.js';
import type { Store } from '../../store/index.js';
import { openStateOf } from '../state.js';
import { calendarText, editsOf, producersListText, reconcileText, scorecardText } from './producers.js';
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

  it('marks a withheld scorecard figure "<5", never "–", and says under the card what the mark means', async () => {
    const legend =
      '\n\n<5 = withheld: a figure about fewer than five clients, or one from which such a figure could be worked out.\n';
    // In October few of HYMY's clients waited within the limit: that share is withheld, not missing.
    const hymy = await scorecardText(store, 'HYMY', '2025-10', false);
    expect(hymy).toMatch(/^ {2}waiting OH: median \d+ d, within 90 d <5$/m);
    expect(hymy.endsWith(legend)).toBe(true);
    const aamurusko = await scorecardText(store, 'AAMURUSKO', '2025', false);
    expect(aamurusko).not.toContain('<5');
    const json = await scorecardText(store, 'HYMY', '2025-10', true);
    expect(json).not.toContain('<5');
    expect(JSON.parse(json).waiting[0].withinLimitShare).toMatchObject({ value: null, suppressed: true });
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

  // Last: it saves edits into the state of the shared store, which the cases above must not see.
  it('prints what was edited in the app: a contract, a finding, an invoice line and a voucher value', async () => {
    type Lines = { lines: { invoiceId: string; status: string; priceEuros: number | null }[] };
    const lineOf = (text: string, id: string) =>
      (JSON.parse(text) as Lines).lines.find((l) => l.invoiceId === id);
    // Before anything is edited, what is in force is what was imported.
    const imported = await reconcileText(store, '2025-10', true);
    expect(await reconcileText(store, '2025-10', true, await editsOf(store))).toBe(imported);
    const importedLines = (JSON.parse(imported) as Lines).lines;
    const nordica = importedLines.find((l) => l.invoiceId.startsWith('NORDICA-') && l.status === 'matched');
    const voucherLine = importedLines.find((l) => l.invoiceId.startsWith('HYMY-') && l.status === 'matched');
    const contract = (await loadContracts(store)).find((c) => c.code === 'KAISLIKKO-HC');
    if (!nordica || !voucherLine || !contract) throw new Error('fixture changed');
    expect(lineOf(imported, 'KAISLIKKO-2025-10-HC-TP041')?.priceEuros).toBe(contract.unitPriceEuros);
    expect(await scorecardText(store, 'AAMURUSKO', '2025', false)).toContain('OVERDUE');

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
      const overdue = (await findingsInForce(store, state, 'AAMURUSKO')).find(
        (f) => f.actionState === 'open',
      );
      if (!overdue) throw new Error('no open AAMURUSKO finding');
      await saveFindingState(
        store,
        state,
        overdue.findingId,
        { version: overdue.version, actionState: 'done', actionDoneOn: '2025-12-01' },
        undefined,
      );
      const line = await findInvoiceLine(store, state, nordica.invoiceId);
      if (!line) throw new Error(`no ${nordica.invoiceId}`);
      await correctInvoiceLine(
        store,
        state,
        line.invoiceId,
        { version: line.version, amountEuros: line.amountEuros + 500, quantity: line.quantity },
        undefined,
      );
      const voucher = (await vouchersInForce(store, state)).find(
        (v) => v.year === 2025 && v.serviceClass === 'OH',
      );
      if (!voucher) throw new Error('no OH voucher value for 2025');
      await saveVoucherValue(
        store,
        state,
        voucher,
        { version: voucher.version, valueEuros: voucher.valueEuros / 2 },
        undefined,
      );
    } finally {
      await state.close();
    }

    const edits = await editsOf(store);
    const reconciled = await reconcileText(store, '2025-10', true, edits);
    expect(lineOf(reconciled, 'KAISLIKKO-2025-10-HC-TP041')?.priceEuros).toBe(contract.unitPriceEuros + 100);
    expect(lineOf(reconciled, nordica.invoiceId)?.status).toBe('overBilled');
    expect(lineOf(reconciled, voucherLine.invoiceId)?.status).toBe('overBilled');
    expect(await reconcileText(store, '2025-10', false, edits)).toContain(`${nordica.invoiceId}  overBilled`);
    expect(await reconcileText(store, '2025-10', false)).not.toContain(`${nordica.invoiceId}  overBilled`);
    const card = await scorecardText(store, 'AAMURUSKO', '2025', false, edits);
    expect(card).toMatch(/finding \S+ serious: .* done$/m);
    expect(card).not.toContain('OVERDUE');
    expect(await producersListText(store, false, edits)).not.toMatch(/^AAMURUSKO .*overdueAction/m);
    expect(await producersListText(store, false)).toMatch(/^AAMURUSKO .*overdueAction/m);
    expect(await scorecardText(store, 'KAISLIKKO', '2025-10', false, edits)).not.toBe(
      await scorecardText(store, 'KAISLIKKO', '2025-10', false),
    );
  });
});

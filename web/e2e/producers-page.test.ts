import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../src/reports/testing.js';
import { producersMessages } from '../src/pages/producers/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { signIn } from './sign-in.js';

const fi = producersMessages.fi;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Euros as the page writes them: 1 234,50 €, the sign kept with its figure. */
const eurosText = (cents: number) =>
  `${(cents / 100).toLocaleString('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`;

interface ReconciledLine {
  invoiceId: string;
  producerCode: string;
  status: string;
  eventQuantity: number;
}

/** The producer-steering officer finds each demo anomaly; a producer sees only its own. */
describe('the producers page', () => {
  let county: TestCounty;
  let browser: Browser;

  const signedIn = async (userId: string, returnTo = '/'): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, county, userId, returnTo);
    return page;
  };
  const registerRow = (page: Page, code: string) =>
    page.locator('section[aria-labelledby="register-heading"] tbody tr', {
      has: page.getByRole('rowheader', { name: new RegExp(`^${code}`) }),
    });

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('lets the steering officer find each demo anomaly', async () => {
    const page = await signedIn('steering', '/producers');
    await registerRow(page, 'NORDICA').waitFor();
    expect(await registerRow(page, 'NORDICA').textContent()).toContain(fi.flagNames.overCeiling);
    expect(await registerRow(page, 'AAMURUSKO').textContent()).toContain(fi.flagNames.overdueAction);
    expect(await registerRow(page, 'KAISLIKKO').textContent()).toContain(fi.flagNames.billingDifference);
    expect(await registerRow(page, 'KAISLIKKO').textContent()).toContain(fi.flagNames.optionDue);

    await registerRow(page, 'KAISLIKKO').getByRole('button').click();
    const differences = page.locator('.scorecard table', {
      has: page.locator('caption', { hasText: fi.difference }),
    });
    await differences.waitFor();
    const line = await differences.locator('tbody tr').first().textContent();
    expect(line).toContain('2025-10');
    expect(line).toContain(fi.statuses.overBilled);
    await page
      .locator('.scorecard')
      .screenshot({ path: join(county.screenshotDir, 'producers-scorecard.png') });

    const calendar = page.locator('section[aria-labelledby="calendar-heading"]');
    expect(await calendar.locator('tbody').textContent()).toContain('15.2.2026');
    expect(await calendar.locator('.warnings').textContent()).toContain('NORDICA-REH');

    await registerRow(page, 'AAMURUSKO').getByRole('button').click();
    await page.locator('.scorecard h2', { hasText: 'Aamurusko' }).waitFor();
    expect(await page.locator('.scorecard').textContent()).toContain(fi.overdue);
  });

  it("prints a producer's steering-meeting pack with its billing difference, and offers it on the page", async () => {
    const page = await signedIn('steering', '/producers?producer=KAISLIKKO&period=2025');
    const pdfLink = page.getByRole('link', { name: `${fi.pack}: ${fi.packPdf}` });
    await pdfLink.waitFor();
    const href = await pdfLink.getAttribute('href');
    expect(href).toBe('/api/steering/producers/KAISLIKKO/pack.pdf?period=2025&lang=fi');
    expect(await page.getByRole('link', { name: `${fi.pack}: ${fi.packXlsx}` }).getAttribute('href')).toBe(
      '/api/steering/producers/KAISLIKKO/pack.xlsx?period=2025&lang=fi',
    );
    const card = await (
      await page.request.get(`${county.url}/api/steering/producers/KAISLIKKO/scorecard?period=2025`)
    ).json();
    const response = await page.request.get(`${county.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pages = await pdfPageTexts(await response.body());
    expect(pages.length).toBeGreaterThan(0);
    for (const [n, text] of pages.entries())
      expect(oneLine(text).length, `page ${n + 1}`).toBeGreaterThan(40);
    const all = oneLine(pages.join(' '));
    expect(all).toContain(fi.pack);
    expect(all).toContain(`${fi.scorecard}: ${card.producer.name} (2025)`);
    expect(all).not.toContain(fi.register);
    const line = card.billing.differences.find((l: { status: string }) => l.status === 'overBilled');
    // Euros as the page writes them (1 234,50 €); pdftotext gives the no-break spaces as spaces.
    const euros = (cents: number) =>
      (cents / 100)
        .toLocaleString('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        .replace(/\s/g, ' ');
    const plain = all.replace(/\s+/g, ' ');
    expect(plain).toContain(`${fi.difference} ${euros(card.billing.differenceCents)} €`);
    expect(plain).toContain(`${fi.invoiced} ${euros(card.billing.invoicedCents)} €`);
    // The difference line by line: the table wraps its cells, so its figures are looked for one by one.
    expect(plain).toContain(line.month);
    expect(plain).toContain(euros(line.differenceCents));
    expect(plain).toContain(euros(line.invoicedCents));
    // Laid out as printed, the line's figures stand on one text line: none wrapped, none broken.
    const rowLine = pages
      .join('\n')
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' '))
      .find((l) => l.includes(euros(line.differenceCents)) && l.includes(line.month));
    expect(rowLine, 'the difference line in the PDF').toBeDefined();
    for (const cents of [line.invoicedCents, line.expectedCents, line.differenceCents])
      expect(rowLine).toContain(`${euros(cents)} €`);
  });

  it('lays the billing differences out for paper: figures right-aligned on one line, heads repeated', async () => {
    const page = await signedIn('steering', '/producers?producer=KAISLIKKO&period=2025&print=1');
    // The printable width of A4 with the pack's margins, as the pack is printed.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.locator('.scorecard-ready table.billing-differences').waitFor();
    await page.emulateMedia({ media: 'print' });
    const layout = await page.locator('table.billing-differences').evaluate((table) => {
      const lineCount = (cell: Element) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      const numeric = [...table.querySelectorAll('tbody td.numeric')];
      return {
        header: getComputedStyle(table.querySelector('thead') as Element).display,
        rowBreak: getComputedStyle(table.querySelector('tbody tr') as Element).breakInside,
        aligned: numeric.every((td) => getComputedStyle(td).textAlign === 'right'),
        numericLines: numeric.map(lineCount),
        monthLines: [...table.querySelectorAll('tbody tr')].map((tr) => lineCount(tr.children[1] as Element)),
        fits: table.scrollWidth <= document.documentElement.clientWidth,
      };
    });
    expect(layout.header).toBe('table-header-group');
    expect(layout.rowBreak).toBe('avoid');
    expect(layout.aligned).toBe(true);
    expect(layout.numericLines.length).toBeGreaterThan(0);
    expect(
      layout.numericLines.every((n) => n === 1),
      JSON.stringify(layout.numericLines),
    ).toBe(true);
    expect(layout.monthLines.every((n) => n === 1)).toBe(true);
    expect(layout.fits).toBe(true);
  });

  it("shows the producers' units on the map, each to be found in the table and opened on the map", async () => {
    const page = await signedIn('steering', '/producers');
    await page.locator('.producer-map .county-map[aria-busy="false"]').waitFor();
    const table = page.locator('table.producer-units');
    const register = await (await page.request.get(`${county.url}/api/steering/producers`)).json();
    const units = register.flatMap((p: { units: unknown[] }) => p.units).length;
    expect(units).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(units);
    const row = table.locator('tbody tr').first();
    const name = (await row.getByRole('rowheader').textContent()) ?? '';
    await row.getByRole('button').click();
    const announced = page.locator('.producer-map [role="status"]', { hasText: name });
    await announced.waitFor({ state: 'attached' });
    await page.locator('.producer-map .maplibregl-popup', { hasText: name }).waitFor();
  });

  it("lets the steering officer raise a contract's volume ceiling: a new version, the scorecard follows", async () => {
    const page = await signedIn('steering', '/producers?producer=NORDICA');
    const form = page.locator('form.contract-form').first();
    await form.waitFor();
    const code = (await page.locator('.contracts .contract h3').first().textContent())?.split(':')[0] ?? '';
    expect(await page.locator('.contracts .contract h3').first().textContent()).toContain(
      fi.edit.versionOf(1),
    );
    const volumeRow = page
      .locator('.scorecard table', { has: page.locator('caption', { hasText: fi.volumes }) })
      .locator('tbody tr', { has: page.getByRole('rowheader', { name: code }) });
    expect(await volumeRow.textContent()).toContain(fi.statuses.overCeiling);

    await form.getByLabel(fi.edit.volumeCeiling).fill('999999');
    await form.getByRole('button', { name: fi.edit.save }).click();
    await form
      .getByRole('status')
      .filter({ hasText: fi.edit.saved(2) })
      .waitFor();
    await page.locator('.contracts .contract h3', { hasText: fi.edit.versionOf(2) }).waitFor();
    // The form is remade for version 2; the officer must still read that the save went through.
    expect(await page.locator('form.contract-form').first().getByRole('status').textContent()).toBe(
      fi.edit.saved(2),
    );
    const history = page.locator('table.contract-history').first();
    await history.locator('tbody tr').nth(1).waitFor();
    expect(await history.locator('tbody tr').count()).toBe(2);
    expect(await history.locator('tbody tr').first().textContent()).toContain('999');
    await volumeRow.filter({ hasText: fi.statuses.within }).waitFor();
    expect(await volumeRow.textContent()).not.toContain(fi.statuses.overCeiling);
  });

  it("shows a producer its own invoice lines against its events, and keeps another producer's out of reach", async () => {
    const page = await signedIn('producer-kaislikko', '/producers');
    await page.locator('.scorecard h2', { hasText: 'Kaislikko' }).waitFor();
    expect(await page.locator('section[aria-labelledby="register-heading"]').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('NORDICA');
    await page.locator('.contracts .contract').first().waitFor();
    expect(await page.locator('form.contract-form').count()).toBe(0);

    // Its own invoice lines, each matched to its events or with its difference, and nothing to edit.
    const invoices = page.locator('section.invoices');
    await invoices.getByRole('heading', { level: 2, name: fi.bill.ownHeading }).waitFor();
    const rows = invoices.locator('table.invoice-lines tbody tr');
    await rows.first().waitFor();
    const reconciliation = (await (
      await page.request.get(`${county.url}/api/steering/producers/KAISLIKKO/reconciliation`)
    ).json()) as {
      invoicedCents: number;
      matchedCents: number;
      differenceCents: number;
      lines: ReconciledLine[];
    };
    expect(reconciliation.lines.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(reconciliation.lines.length);
    expect(reconciliation.lines.some((l) => l.status === 'overBilled')).toBe(true);
    for (const l of reconciliation.lines
      .filter((line) => line.status !== 'matched')
      .concat(reconciliation.lines[0] ?? []))
      expect(
        await rows
          .filter({ has: page.getByRole('rowheader', { name: l.invoiceId, exact: true }) })
          .textContent(),
        l.invoiceId,
      ).toContain(fi.statuses[l.status]);
    const totals = await invoices.locator('.reconciliation-totals').textContent();
    expect(totals).toContain(`${fi.bill.matched} ${eurosText(reconciliation.matchedCents)}`);
    expect(totals).toContain(`${fi.difference} ${eurosText(reconciliation.differenceCents)}`);
    expect(
      (await rows.getByRole('rowheader').allTextContents()).every((id) => id.startsWith('KAISLIKKO-')),
    ).toBe(true);
    expect(await invoices.getByRole('button').count()).toBe(0);
    expect(await invoices.locator('form').count()).toBe(0);
    expect(await page.locator('section.vouchers, section.supervision').count()).toBe(0);

    // Asking for another producer in the address changes nothing: the page shows its own producer only.
    await page.goto(`${county.url}/producers?producer=NORDICA&period=2025`);
    await page.locator('.scorecard h2', { hasText: 'Kaislikko' }).waitFor();
    await rows.first().waitFor();
    expect(
      (await rows.getByRole('rowheader').allTextContents()).every((id) => id.startsWith('KAISLIKKO-')),
    ).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain('NORDICA');
    const own = (await page.locator('.contracts .contract h3').first().textContent())?.split(':')[0] ?? '';
    const edit = await page.request.put(`${county.url}/api/steering/contracts/${own}`, {
      data: { version: 1, contract: {} },
    });
    expect(edit.status()).toBe(403);
    for (const path of [
      '/api/steering/producers/NORDICA/contracts',
      '/api/steering/producers/NORDICA/scorecard?period=2025',
      '/api/steering/producers/NORDICA/pack.pdf?period=2025&lang=fi',
      '/api/steering/producers/NORDICA/pack.xlsx?period=2025&lang=fi',
      '/api/steering/producers/NORDICA/invoices?period=2025',
      '/api/steering/producers/NORDICA/reconciliation?period=2025',
    ]) {
      const response = await page.request.get(`${county.url}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain('NORDICA-REH');
      expect(await response.text(), path).not.toContain('NORDICA-2025');
    }

    // The producer's own view, its invoice lines with it, is free of accessibility violations too.
    for (const language of ['fi', 'sv', 'en'] as const) {
      await chooseLanguage(page, language);
      await invoices
        .getByRole('heading', { level: 2, name: producersMessages[language].bill.ownHeading })
        .waitFor();
      await rows.first().waitFor();
      await page.locator('.scorecard').waitFor();
      const violations = await accessibilityViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
  });

  it('is free of accessibility violations in Finnish, Swedish and English', async () => {
    const page = await signedIn('steering', '/producers?producer=KAISLIKKO');
    await page.locator('.scorecard').waitFor();
    for (const language of ['fi', 'sv', 'en'] as const) {
      await chooseLanguage(page, language);
      await page.getByRole('heading', { level: 1, name: producersMessages[language].title }).waitFor();
      await page.locator('.scorecard').waitFor();
      await page.locator('.producer-map .county-map[aria-busy="false"]').waitFor();
      // The editing sections too, with an invoice line's correction form open.
      await page.locator('section.vouchers table.voucher-values').waitFor();
      await page.locator('section.supervision form.inspection-details-form').first().waitFor();
      const correct = page.locator('section.invoices table.invoice-lines tbody tr button').first();
      await correct.click();
      await page.locator('section.invoices form.invoice-form h4').waitFor();
      await page.locator('section.vouchers table.voucher-values tbody tr button').first().click();
      await page.locator('section.vouchers form.voucher-edit-form h4').waitFor();
      const violations = await accessibilityViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
  });

  it('lets the steering officer mark an overdue corrective action done: a new version, the flags go', async () => {
    const page = await signedIn('steering', '/producers?producer=AAMURUSKO');
    const findings = await (
      await page.request.get(`${county.url}/api/steering/producers/AAMURUSKO/findings`)
    ).json();
    const open = findings.find((f: { actionState: string }) => f.actionState === 'open');
    const section = page.locator('section.supervision');
    const form = section.locator('form.finding-form', {
      has: page.getByRole('heading', { name: new RegExp(`^${open.findingId}:`) }),
    });
    await form.waitFor();
    await form.getByLabel(fi.supervise.state).selectOption('done');
    await form.getByLabel(fi.supervise.doneOn).fill('2025-12-01');
    await form.getByLabel(fi.supervise.note).fill('Mitoitus korjattu');
    await form.getByRole('button', { name: fi.supervise.saveState(open.findingId) }).click();
    const saved = fi.supervise.saved(open.findingId, 2);
    await section.getByRole('status').filter({ hasText: saved }).waitFor();
    const row = page
      .locator('.scorecard table', { has: page.locator('caption', { hasText: fi.supervision }) })
      .locator('tbody tr', { hasText: open.description });
    await row.filter({ hasText: fi.done }).waitFor();
    await registerRow(page, 'AAMURUSKO').filter({ hasNotText: fi.flagNames.overdueAction }).waitFor();
    // The scorecard and the findings were fetched again; the message of the save stays.
    expect(await section.getByRole('status').textContent()).toBe(saved);
  });

  it("lets the steering officer correct the demo's mismatched invoice line: a new version, the difference goes", async () => {
    const page = await signedIn('steering', '/producers?producer=KAISLIKKO&period=2025');
    const card = await (
      await page.request.get(`${county.url}/api/steering/producers/KAISLIKKO/scorecard?period=2025`)
    ).json();
    const line = card.billing.differences.find((l: { status: string }) => l.status === 'overBilled');
    const section = page.locator('section.invoices');
    await section.getByRole('button', { name: fi.bill.correct(line.invoiceId) }).click();
    const form = section.locator('form.invoice-form', {
      has: page.getByRole('heading', { name: fi.bill.correctTitle(line.invoiceId) }),
    });
    await form.getByLabel(fi.bill.quantity).fill(String(line.eventQuantity));
    await form.getByLabel(fi.bill.amount).fill(String(line.expectedCents / 100).replace('.', ','));
    await form.getByLabel(fi.bill.note).fill('Hyvityslasku');
    await form.getByRole('button', { name: fi.bill.save }).click();
    const saved = fi.bill.saved(line.invoiceId, 2);
    await section.getByRole('status').filter({ hasText: saved }).waitFor();
    await page.locator('.scorecard', { hasText: fi.noDifferences }).waitFor();
    const corrected = section.locator('table.invoice-lines tbody tr', {
      has: page.getByRole('rowheader', { name: line.invoiceId }),
    });
    await corrected.filter({ hasText: fi.statuses.matched }).waitFor();
    expect((await corrected.locator('td').nth(2).textContent())?.replace(/\s/g, '')).toBe(
      String(line.eventQuantity),
    );
    expect(await corrected.locator('td').nth(7).textContent()).toBe('2');
    await registerRow(page, 'KAISLIKKO').filter({ hasNotText: fi.flagNames.billingDifference }).waitFor();
    // The lines and the scorecard were fetched again; the message of the save stays.
    expect(await section.getByRole('status').textContent()).toBe(saved);
    const history = await (
      await page.request.get(`${county.url}/api/steering/invoices/${line.invoiceId}/versions`)
    ).json();
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("lets the steering officer set a service voucher's value: a new version in the table", async () => {
    const page = await signedIn('steering', '/producers');
    const values = await (await page.request.get(`${county.url}/api/steering/vouchers`)).json();
    const value = values[0];
    const section = page.locator('section.vouchers');
    const form = section.locator('form.voucher-form');
    await form.waitFor();
    await form.getByLabel(fi.serviceClass).fill(value.serviceClass);
    await form.getByLabel(fi.bill.year).fill(String(value.year));
    await form.getByLabel(fi.bill.voucherValue).fill(String(value.valueEuros + 1));
    await form.getByRole('button', { name: fi.bill.voucherSave }).click();
    const saved = fi.bill.voucherSaved(value.serviceClass, value.year, 2);
    await section.getByRole('status').filter({ hasText: saved }).waitFor();
    const row = section
      .locator('table.voucher-values tbody tr', {
        has: page.getByRole('rowheader', { name: value.serviceClass }),
      })
      .filter({ hasText: String(value.year) })
      .first();
    const version = row.locator('td').nth(4);
    await version.filter({ hasText: /^2$/ }).waitFor();
    expect(await section.getByRole('status').textContent()).toBe(saved);

    // The client's own share and the income-related rule, edited from the table: version 3.
    await row.getByRole('button', { name: fi.bill.voucherEdit(value.serviceClass, value.year) }).click();
    const edit = section.locator('form.voucher-edit-form', {
      has: page.getByRole('heading', { name: fi.bill.voucherEditTitle(value.serviceClass, value.year) }),
    });
    expect(await edit.getByLabel(fi.bill.voucherValue).inputValue()).toBe(String(value.valueEuros + 1));
    expect(await edit.getByLabel(fi.bill.clientShare).inputValue()).toBe(String(value.clientShareEuros));
    await edit.getByLabel(fi.bill.clientShare).fill('17,5');
    await edit.getByLabel(fi.bill.incomeRule).fill('Omavastuu porrastetaan tulojen mukaan');
    await edit.getByRole('button', { name: fi.bill.voucherSave }).click();
    const edited = fi.bill.voucherSaved(value.serviceClass, value.year, 3);
    await section.getByRole('status').filter({ hasText: edited }).waitFor();
    await version.filter({ hasText: /^3$/ }).waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('17,5');
    expect(await row.locator('td').nth(3).textContent()).toBe('Omavastuu porrastetaan tulojen mukaan');
    const history = await (
      await page.request.get(
        `${county.url}/api/steering/vouchers/${value.serviceClass}/${value.year}/versions`,
      )
    ).json();
    expect(
      history.map((v: { version: number; clientShareEuros: number; incomeRule: string | null }) => [
        v.version,
        v.clientShareEuros,
        v.incomeRule,
      ]),
    ).toEqual([
      [3, 17.5, 'Omavastuu porrastetaan tulojen mukaan'],
      [2, value.clientShareEuros, null],
      [1, value.clientShareEuros, null],
    ]);
  });

  it("lets the steering officer correct an inspection's date and unit and a finding's text, each a new version", async () => {
    const page = await signedIn('steering', '/producers?producer=NORDICA');
    const [finding] = await (
      await page.request.get(`${county.url}/api/steering/producers/NORDICA/findings`)
    ).json();
    const section = page.locator('section.supervision');
    const findingForm = section.locator('form.finding-form', {
      has: page.getByRole('heading', { name: new RegExp(`^${finding.findingId}:`) }),
    });
    await findingForm.waitFor();
    await findingForm.getByLabel(fi.supervise.findingText).fill('Lääkehuoneen lämpötilaa ei seurata');
    await findingForm.getByRole('button', { name: fi.supervise.saveState(finding.findingId) }).click();
    const findingSaved = fi.supervise.saved(finding.findingId, finding.version + 1);
    await section.getByRole('status').filter({ hasText: findingSaved }).waitFor();
    await page
      .locator('.scorecard table', { has: page.locator('caption', { hasText: fi.supervision }) })
      .locator('tbody tr', { hasText: 'Lääkehuoneen lämpötilaa ei seurata' })
      .waitFor();

    const inspectionForm = section.locator('form.inspection-details-form', {
      has: page.getByRole('heading', { name: new RegExp(fi.supervise.editInspection(finding.inspectionId)) }),
    });
    await inspectionForm.getByLabel(fi.supervise.inspectionDate).fill('2025-06-02');
    await inspectionForm
      .getByRole('button', { name: fi.supervise.saveInspection(finding.inspectionId) })
      .click();
    const inspectionSaved = fi.supervise.inspectionSaved(finding.inspectionId, 2);
    await section.getByRole('status').filter({ hasText: inspectionSaved }).waitFor();
    await section
      .locator('form.finding-form', {
        has: page.getByRole('heading', { name: new RegExp(`^${finding.findingId}:`) }),
      })
      .filter({ hasText: '2.6.2025' })
      .waitFor();
    expect(await section.getByRole('status').textContent()).toBe(inspectionSaved);

    // An inspection moved to another of its producer's units: a new version, and its finding follows.
    const [hymy] = await (
      await page.request.get(`${county.url}/api/steering/producers/HYMY/inspections`)
    ).json();
    const register = await (await page.request.get(`${county.url}/api/steering/producers`)).json();
    const other = register
      .find((p: { code: string }) => p.code === 'HYMY')
      .units.find((u: { code: string }) => u.code !== hymy.unitCode);
    await page.goto(`${county.url}/producers?producer=HYMY`);
    const hymyForm = section.locator('form.inspection-details-form', {
      has: page.getByRole('heading', { name: new RegExp(fi.supervise.editInspection(hymy.inspectionId)) }),
    });
    await hymyForm
      .getByLabel(fi.supervise.unit)
      .locator(`option[value="${other.code}"]`)
      .waitFor({ state: 'attached' });
    expect(await hymyForm.getByLabel(fi.supervise.unit).inputValue()).toBe(hymy.unitCode);
    await hymyForm.getByLabel(fi.supervise.unit).selectOption(other.code);
    await hymyForm.getByRole('button', { name: fi.supervise.saveInspection(hymy.inspectionId) }).click();
    const moved = fi.supervise.inspectionSaved(hymy.inspectionId, hymy.version + 1);
    await section.getByRole('status').filter({ hasText: moved }).waitFor();
    await section
      .locator('form.finding-form', { hasText: `${fi.supervise.unit} ${other.code}` })
      .filter({ has: page.getByRole('heading', { name: new RegExp(`^${hymy.inspectionId}-`) }) })
      .waitFor();
    expect(
      await section
        .locator('form.inspection-details-form', {
          has: page.getByRole('heading', {
            name: new RegExp(fi.supervise.editInspection(hymy.inspectionId)),
          }),
        })
        .getByLabel(fi.supervise.unit)
        .inputValue(),
    ).toBe(other.code);
    const versions = await (
      await page.request.get(`${county.url}/api/steering/inspections/${hymy.inspectionId}/versions`)
    ).json();
    expect(versions.map((v: { version: number; unitCode: string }) => [v.version, v.unitCode])).toEqual([
      [hymy.version + 1, other.code],
      [hymy.version, hymy.unitCode],
    ]);
  });
});

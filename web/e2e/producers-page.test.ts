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

  it("keeps another producer's contract and scorecard out of a producer's reach", async () => {
    const page = await signedIn('producer-kaislikko', '/producers');
    await page.locator('.scorecard h2', { hasText: 'Kaislikko' }).waitFor();
    expect(await page.locator('section[aria-labelledby="register-heading"]').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('NORDICA');
    await page.locator('.contracts .contract').first().waitFor();
    expect(await page.locator('form.contract-form').count()).toBe(0);
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
    ]) {
      const response = await page.request.get(`${county.url}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain('NORDICA-REH');
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
});

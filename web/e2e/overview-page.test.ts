import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringSetSummary, MonitoringSetView } from '../../src/model/index.js';
import { decimalFormat } from '../src/charts/format.js';
import { overviewMessages } from '../src/pages/overview/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const fi = overviewMessages.fi;

describe('the Overview page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let set: MonitoringSetSummary;
  let view: MonitoringSetView;
  const pageErrors: string[] = [];

  const api = <T>(path: string): Promise<T> => apiAs(page, county)<T>(path);
  const waitForTiles = () => page.locator('.tiles .tile').first().waitFor();

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'analyst');
    const sets = await api<MonitoringSetSummary[]>('/api/monitoring-sets');
    const first = sets[0];
    if (!first) throw new Error('the demo county ships no monitoring set');
    set = first;
    view = await api<MonitoringSetView>(`/api/monitoring-sets/${set.id}`);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(county.url);
    await waitForTiles();
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('shows every indicator of the set as a tile, in order, with its value in Finnish number format', async () => {
    const tiles = page.locator('.tiles .tile');
    expect(await tiles.count()).toBe(view.items.length);
    for (const [i, item] of view.items.entries()) {
      const tile = tiles.nth(i);
      expect(await tile.locator('h3').textContent()).toBe(item.title?.fi);
      const value = (await tile.locator('.tile__value').textContent())?.replace(`${fi.tile.value}: `, '');
      if (item.value === null) expect(value).toContain('<5');
      else expect(value).toBe(decimalFormat('fi', item.decimals ?? 1)(item.value));
    }
  });

  it('tells each status in a word and a shape, not in colour alone', async () => {
    const badges = await page.locator('.tiles .status-badge').allTextContents();
    expect(badges).toEqual(
      view.items.map((item) => (item.target ? fi.status[item.assessment.status] : fi.noTarget)),
    );
    expect(await page.locator('.tiles .status-badge svg').count()).toBe(view.items.length);
    const summary = await page.locator('.status-summary').textContent();
    const count = (status: string) => view.items.filter((item) => item.assessment.status === status).length;
    expect(summary).toBe(fi.counts.summary(count('onTarget'), count('near'), count('off'), count('unknown')));
  });

  it('draws a sparkline named for what it shows', async () => {
    const withSeries = view.items.filter((item) => item.series.length > 0);
    expect(await page.locator('.tiles svg.sparkline').count()).toBe(withSeries.length);
    const label = await page.locator('.tiles svg.sparkline').first().getAttribute('aria-label');
    expect(label).toContain(withSeries[0]?.title?.fi ?? '');
  });

  it('passes axe (WCAG 2.1 AA) in Finnish, Swedish and English, with screenshots', async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      await chooseLanguage(page, language);
      await waitForTiles();
      expect(await page.locator('.tiles h3').first().textContent()).toBe(view.items[0]?.title?.[language]);
      expect(describeViolations(await accessibilityViolations(page))).toBe('');
      await page.screenshot({
        path: join(county.screenshotDir, `overview-page-${language}.png`),
        fullPage: true,
      });
    }
    await chooseLanguage(page, 'fi');
  });

  it('opens the indicator on the Indicators page when a tile is clicked', async () => {
    const item = view.items[0];
    if (!item) throw new Error('empty set');
    // A click anywhere on the tile, not only on its title, follows the title's link.
    await page
      .locator('.tiles .tile')
      .first()
      .click({ position: { x: 20, y: 150 } });
    await page.waitForURL((url) => url.pathname === '/indicators');
    expect(new URL(page.url()).searchParams.get('id')).toBe(item.indicatorId);
    await page.goBack();
    await waitForTiles();
  });

  it('edits the set through the API: a moved indicator and a changed target stay after reloading', async () => {
    const [first, second] = view.items;
    if (!first?.title || !second?.title) throw new Error('the set needs two indicators');
    await page.getByRole('button', { name: fi.actions.edit }).click();
    await page.getByRole('button', { name: fi.editor.downContext(first.title.fi) }).click();
    const targetField = page.locator('.set-editor__item').first().getByLabel(fi.editor.targetValue);
    await targetField.fill('123,5');
    await page.getByRole('button', { name: fi.editor.save, exact: true }).click();
    await page.locator('.set-editor').waitFor({ state: 'detached' });
    await waitForTiles();
    const saved = await api<MonitoringSetView>(`/api/monitoring-sets/${set.id}`);
    expect(saved.items.slice(0, 2).map((item) => item.indicatorId)).toEqual([
      second.indicatorId,
      first.indicatorId,
    ]);
    expect(saved.items[0]?.target?.targetValue).toBe(123.5);
    await page.reload();
    await waitForTiles();
    expect(await page.locator('.tiles h3').first().textContent()).toBe(second.title.fi);
  });

  it('takes a target away when its box is unticked', async () => {
    await page.getByRole('button', { name: fi.actions.edit }).click();
    await page
      .locator('.set-editor__item')
      .first()
      .getByLabel(fi.editor.hasTarget, { exact: true })
      .uncheck();
    await page.getByRole('button', { name: fi.editor.save, exact: true }).click();
    await page.locator('.set-editor').waitFor({ state: 'detached' });
    await waitForTiles();
    const saved = await api<MonitoringSetView>(`/api/monitoring-sets/${set.id}`);
    expect(saved.items[0]?.target).toBeNull();
    expect(await page.locator('.tiles .status-badge').first().textContent()).toBe(fi.noTarget);
  });

  it('opens the printable report with the set’s figures against targets', async () => {
    await page.getByRole('link', { name: fi.actions.report }).click();
    await page.waitForURL((url) => url.pathname === '/overview/report');
    await page.locator('#report-summary tbody tr').first().waitFor();
    expect(await page.locator('#report-summary tbody tr').count()).toBe(view.items.length);
    await page
      .locator('.report-indicator .report-figures, .report-indicator .status--error')
      .first()
      .waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await page.screenshot({ path: join(county.screenshotDir, 'report-page-fi.png'), fullPage: true });
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

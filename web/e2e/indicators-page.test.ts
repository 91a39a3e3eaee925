import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDefinition, IndicatorResult, NeedsStandardisedCost } from '../../src/model/index.js';
import { decimalFormat } from '../src/charts/format.js';
import { dictionaries } from '../src/i18n/messages.js';
import { indicatorsMessages } from '../src/pages/indicators/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const fi = indicatorsMessages.fi;
const indicatorId = 'emergency-visits-per-1000';

describe('the Indicators page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let indicator: IndicatorDefinition;
  let result: IndicatorResult;
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];

  const api = <T>(path: string): Promise<T> => apiAs(page, county)<T>(path);
  const tableRows = () => page.locator('#indicator-values tbody tr');
  const waitForPage = async () => {
    await tableRows().first().waitFor();
    await page.locator('.indicator-map[aria-busy="false"]').waitFor();
    await page.locator('#cost-table tbody tr').first().waitFor();
  };
  const latestTotals = (values: IndicatorResult['values']) => {
    const latest = values
      .map((value) => value.period)
      .sort()
      .at(-1);
    return values.filter((value) => value.isTotal && value.period === latest);
  };

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'analyst');
    const list = await api<IndicatorDefinition[]>('/api/indicators');
    const found = list.find((candidate) => candidate.id === indicatorId);
    if (!found) throw new Error(`no indicator ${indicatorId}`);
    indicator = found;
    result = await api<IndicatorResult>(`/api/indicators/${indicatorId}?level=municipality`);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(county.url) && !url.startsWith('data:') && !url.startsWith('blob:'))
        outsideRequests.push(url);
    });
    await page.goto(`${county.url}/indicators?id=${indicatorId}`);
    await waitForPage();
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('lists every municipality’s figure of the latest year, in Finnish number format', async () => {
    const totals = latestTotals(result.values);
    expect(totals.length).toBeGreaterThan(1);
    expect(await tableRows().count()).toBe(totals.length);
    const format = decimalFormat('fi', indicator.decimals);
    for (const value of totals) {
      const row = tableRows().filter({
        has: page.getByRole('rowheader', { name: value.areaName ?? value.areaCode, exact: true }),
      });
      const cells = await row.locator('td').allTextContents();
      expect(cells[1]).toBe(
        value.value === null ? `<5${dictionaries.fi.status.suppressedLabel}` : format(value.value),
      );
    }
    expect(await page.locator('#choice-indicator').inputValue()).toBe(indicatorId);
  });

  it('sorts the table by a column, both ways, and says so to screen readers', async () => {
    const header = page.locator('#indicator-values th', { has: page.locator('button[data-column="value"]') });
    const values = async () =>
      (await tableRows().locator('td:nth-of-type(2)').allTextContents()).map((text) =>
        Number(text.replace(/\s/g, '').replace(',', '.')),
      );
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await values();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });

  it('shows a municipality on the map from its table row', async () => {
    const value = latestTotals(result.values)[0];
    const name = value?.areaName ?? '';
    await page.getByRole('button', { name: fi.table.showContext(name), exact: true }).click();
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toContain(name);
    expect(await page.locator('#map p[role="status"]').textContent()).toContain(name);
    await page.getByRole('button', { name: fi.map.close }).click();
    expect(outsideRequests).toEqual([]);
  });

  it('draws the trend, the areas with intervals against the county, and raw beside standardised cost', async () => {
    expect(await page.locator('#trend svg[role="img"] title').textContent()).toContain(indicator.title.fi);
    const dots = page.locator('#comparison svg[role="img"] circle');
    expect(await dots.count()).toBe(
      latestTotals(result.values).filter((value) => value.value !== null).length,
    );
    const cost = await api<NeedsStandardisedCost>('/api/needs-standardised-cost');
    expect(await page.locator('#cost-table tbody tr').count()).toBe(cost.rows.length);
    const legend = await page.locator('#cost .chart-legend li').allTextContents();
    expect(legend).toEqual(expect.arrayContaining([fi.cost.raw, fi.cost.standardised]));
  });

  it('compares chosen municipalities in the trend chart and in bold among the areas', async () => {
    const [a, b] = latestTotals(result.values).map((value) => value.areaName ?? value.areaCode);
    if (!a || !b) throw new Error('two municipalities needed');
    await page.locator('.compare-picker').getByLabel(a, { exact: true }).check();
    await page.locator('.compare-picker').getByLabel(b, { exact: true }).check();
    await page.waitForURL((url) => (url.searchParams.get('compare') ?? '').split(',').length === 2);
    const legend = await page.locator('#trend .chart-legend li').allTextContents();
    expect(legend).toEqual(expect.arrayContaining([a, b]));
    expect(await page.locator('#comparison svg text[font-weight="700"]').allTextContents()).toHaveLength(2);
    await page.locator('.compare-picker').getByLabel(a, { exact: true }).uncheck();
    await page.locator('.compare-picker').getByLabel(b, { exact: true }).uncheck();
  });

  it('marks withheld figures "<5", never 0, when broken down into small groups', async () => {
    // An analyst sees every figure; a manager sees them after disclosure control.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, county, 'manager', `/indicators?id=${indicatorId}`);
    const api = <T>(path: string): Promise<T> => apiAs(page, county)<T>(path);
    const tableRows = () => page.locator('#indicator-values tbody tr');
    await tableRows().first().waitFor();
    await page.locator('#choice-breakdown').selectOption('ageBand');
    await page.waitForURL((url) => url.searchParams.get('breakdown') === 'ageBand');
    await page.locator('#breakdown svg[role="img"]').waitFor();
    const broken = await api<IndicatorResult>(
      `/api/indicators/${indicatorId}?level=municipality&breakdown=ageBand`,
    );
    const latest = broken.values
      .map((value) => value.period)
      .sort()
      .at(-1);
    const suppressed = broken.values.filter((value) => value.period === latest && value.suppressed);
    expect(suppressed.length, 'small age groups of small municipalities are withheld').toBeGreaterThan(0);
    await tableRows().first().waitFor();
    expect(await page.locator('#indicator-values td .suppressed').count()).toBeGreaterThanOrEqual(
      suppressed.length,
    );
    expect(await page.locator('#table .table-note').textContent()).toBe(
      dictionaries.fi.status.suppressedNote,
    );
    await context.close();
  });

  it('passes axe (WCAG 2.1 AA) in Finnish, Swedish and English, with screenshots', async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      await chooseLanguage(page, language);
      await waitForPage();
      expect(await page.locator('#definition-title').textContent()).toBe(indicator.title[language]);
      expect(describeViolations(await accessibilityViolations(page))).toBe('');
      await page.screenshot({
        path: join(county.screenshotDir, `indicators-page-${language}.png`),
        fullPage: true,
      });
    }
    await chooseLanguage(page, 'fi');
  });

  it('fits a 320 px wide screen without scrolling the page sideways (WCAG 1.4.10 reflow)', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.locator('.indicator-map[aria-busy="false"]').waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

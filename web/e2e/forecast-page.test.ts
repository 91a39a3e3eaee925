import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AreaList,
  ForecastPyramid,
  ForecastSeries,
  ForecastVariantList,
  SessionInfo,
} from '../../src/model/index.js';
import { formatNumber } from '../src/i18n/format.js';
import { type Language, languages } from '../src/i18n/languages.js';
import { dictionaries } from '../src/i18n/messages.js';
import { lineStyles } from '../src/pages/forecast/lineStyles.js';
import { forecastMessages } from '../src/pages/forecast/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const fi = forecastMessages.fi;

describe('the Forecast page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let variants: ForecastVariantList;
  let counties: AreaList;
  let series: ForecastSeries;
  const pageErrors: string[] = [];
  const labelOf = (name: string) => {
    const variant = variants.variants.find((candidate) => candidate.name === name);
    return variant?.labels?.fi ?? variant?.label ?? name;
  };

  const api = <T>(path: string): Promise<T> => apiAs(page, county)<T>(path);
  const yearField = () => page.getByRole('spinbutton', { name: fi.controls.year, exact: true });
  const shownYear = async () => Number(await yearField().inputValue());
  const barWidths = () =>
    page
      .locator('.pyramid rect.pyramid__bar')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('width')));
  const waitForPage = async () => {
    await page.locator('.pyramid rect.pyramid__bar').first().waitFor();
    await page.locator('#demand-table tbody tr').first().waitFor();
    await page.locator('.group-chart').first().waitFor();
    // Figures being replaced stay on screen, dimmed, until the new ones arrive: a check must not read
    // the old ones (or their dimmed colours) on a machine slow to answer.
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  };

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'analyst');
    counties = await api<AreaList>('/api/areas?level=county');
    const area = counties.areas[0];
    if (!area) throw new Error('the test county has no county area');
    // The test county holds the demo's official projection as variant "official", as `soteatlas demo` does.
    [variants, series] = await Promise.all([
      api<ForecastVariantList>('/api/forecast/variants'),
      api<ForecastSeries>(`/api/forecast/series?variant=base&level=county&areaCode=${area.code}`),
    ]);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${county.url}/forecast`);
    await waitForPage();
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('opens on the county, its own projection and a year ten years ahead, with every control labelled', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(dictionaries.fi.nav.forecast);
    const area = page.getByRole('combobox', { name: fi.controls.area, exact: true });
    expect(await area.inputValue()).toBe(`county:${counties.areas[0]?.code}`);
    const variant = page.getByRole('combobox', { name: fi.controls.variant, exact: true });
    expect(await variant.locator('option').count()).toBe(variants.variants.length);
    expect(await shownYear()).toBe(series.baseYear + 10);
    expect(await page.getByRole('slider', { name: fi.controls.yearSlider }).inputValue()).toBe(
      String(series.baseYear + 10),
    );
  });

  it('draws a pyramid whose figures, as a table, are those of the API', async () => {
    const year = await shownYear();
    const variant = await page.getByRole('combobox', { name: fi.controls.variant, exact: true }).inputValue();
    const pyramid = await api<ForecastPyramid>(
      `/api/forecast/pyramid?variant=${variant}&level=county&areaCode=${counties.areas[0]?.code}&year=${year}`,
    );
    expect(await page.locator('.pyramid rect.pyramid__bar--male').count()).toBe(21);
    await page.getByRole('button', { name: fi.pyramid.showTable }).click();
    const rows = page.locator('#pyramid-table tbody tr');
    expect(await rows.count()).toBe(21);
    const youngest = (await rows.last().locator('th, td').allTextContents()).slice(0, 3);
    const men = pyramid.rows.filter((row) => row.age < 5).reduce((sum, row) => sum + (row.male ?? 0), 0);
    const women = pyramid.rows.filter((row) => row.age < 5).reduce((sum, row) => sum + (row.female ?? 0), 0);
    expect(youngest).toEqual(['0–4', formatNumber('fi', men), formatNumber('fi', women)]);
    await page.getByRole('radio', { name: fi.pyramid.singleYears }).check();
    expect(await rows.count()).toBe(101);
    expect(await page.locator('.pyramid rect.pyramid__bar--male').count()).toBe(101);
    await page.getByRole('radio', { name: fi.pyramid.fiveYears }).check();
    await page.getByRole('button', { name: fi.pyramid.hideTable }).click();
    expect(await page.locator('#pyramid-table').count()).toBe(0);
  });

  it('changes the pyramid when the year changes, from the number field and from the slider’s arrow keys', async () => {
    const before = await barWidths();
    const year = await shownYear();
    await yearField().fill(String(year + 5));
    await expect.poll(() => page.locator('.pyramid-figure__year').textContent()).toBe(String(year + 5));
    await expect.poll(barWidths).not.toEqual(before);
    const slider = page.getByRole('slider', { name: fi.controls.yearSlider });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(shownYear).toBe(year + 4);
    await page.keyboard.press('ArrowRight');
    await expect.poll(shownYear).toBe(year + 5);
  });

  it('plays the years forward and pauses where it was asked to', async () => {
    await yearField().fill(String(series.baseYear));
    await page.getByRole('button', { name: fi.controls.play }).click();
    const pause = page.getByRole('button', { name: fi.controls.pause });
    await pause.waitFor();
    await expect.poll(shownYear, { timeout: 60_000 }).toBeGreaterThan(series.baseYear + 1);
    await pause.click();
    await page.getByRole('button', { name: fi.controls.play }).waitFor();
    // The bars finish gliding to the year shown, however long a busy machine takes, and then nothing moves.
    let previous: unknown = null;
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await barWidths());
          const settled = now === previous;
          previous = now;
          return settled;
        },
        { timeout: 60_000, interval: 300 },
      )
      .toBe(true);
    const stopped = await shownYear();
    const widths = await barWidths();
    await page.waitForTimeout(1500);
    expect(await shownYear()).toBe(stopped);
    expect(await barWidths()).toEqual(widths);
  });

  it('does not animate the bars for a reader who asks for less motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const year = await shownYear();
    const before = await barWidths();
    await yearField().fill(String(year + 3));
    // Without tweening, the first frame after the change already has the final widths.
    const first = await barWidths();
    expect(first).not.toEqual(before);
    await page.waitForTimeout(600);
    expect(await barWidths()).toEqual(first);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('draws the total and every age group: history, the own projection and the official one beside it', async () => {
    expect(series.lines.map((line) => line.kind)).toEqual(['estimated', 'official']);
    const charts = page.locator('.group-chart');
    expect(await charts.count()).toBe(series.ageGroups.length + 1);
    for (const kind of ['history', 'estimated', 'official'])
      expect(await charts.locator(`path.chart-line--${kind}`).count()).toBe(series.ageGroups.length + 1);
    const dashes = await charts
      .first()
      .locator('path.chart-line')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute('stroke-dasharray')));
    expect(new Set(dashes).size).toBe(3);
    // The official line dotted beside the county's own dashed one, so the dash tells them apart too.
    const dashOf = (kind: string) =>
      charts.first().locator(`path.chart-line--${kind}`).getAttribute('stroke-dasharray');
    expect(await dashOf('official')).toBe(lineStyles.official.dash);
    expect(await dashOf('estimated')).toBe(lineStyles.estimated.dash);
    // The official projection (made from an earlier base) covers every projected year, to the same horizon.
    const [own, official] = series.lines;
    expect(official?.points[0]?.year).toBeLessThanOrEqual(series.baseYear + 1);
    expect(official?.points.at(-1)?.year).toBe(own?.points.at(-1)?.year);
    const legend = await page.locator('.lines-legend li').allTextContents();
    expect(labelOf('official')).toBe(variants.variants.find((v) => v.name === 'official')?.labels?.fi);
    expect(legend).toEqual([
      fi.lines.history,
      `${labelOf('base')} (${fi.controls.kinds.own})`,
      `${labelOf('official')} (${fi.controls.kinds.official})`,
      fi.lines.selectedYear,
    ]);
    await page.getByRole('button', { name: fi.lines.showTable }).click();
    expect(await page.locator('#lines-table tbody tr').count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: fi.lines.hideTable }).click();
  });

  it('says what the projection rests on: the years of history, each rate’s source and the warnings', async () => {
    const basis = series.basis;
    if (!basis) throw new Error('the own projection has no basis');
    const section = page.getByRole('region', { name: fi.basis.title });
    await section.waitFor();
    const number = (value: number) => formatNumber('fi', value);
    expect(await section.locator('[data-basis="history"]').textContent()).toBe(
      basis.firstYear === null
        ? fi.basis.noHistory(String(basis.baseYear))
        : fi.basis.historyYears(number(basis.historyYears), String(basis.firstYear), String(basis.baseYear)),
    );
    expect(await section.locator('[data-basis="mortality"]').textContent()).toBe(
      fi.basis.sources[basis.mortality.source],
    );
    expect(await section.locator('[data-basis="improvement"]').textContent()).toContain(
      fi.basis.improvementSources[basis.mortality.improvementSource],
    );
    expect(await section.locator('[data-basis="migration"]').textContent()).toContain(
      fi.basis.sources[basis.migration.source],
    );
    // The demo county's ten years of history need no warning.
    expect(basis.cautions).toEqual([]);
    expect(await section.getByRole('note').count()).toBe(0);
  });

  it('warns, in words, when a variant rests on fewer than five years of history', async () => {
    const { csrfToken } = await api<SessionInfo>('/api/session');
    const saved = await page.request.post(`${county.url}/api/forecast/variants`, {
      headers: { 'x-csrf-token': csrfToken ?? '' },
      data: { name: 'three-years', label: 'Three years', assumptions: { basePeriodYears: 3 } },
    });
    expect(saved.status()).toBe(200);
    const short = await api<ForecastSeries>(
      `/api/forecast/series?variant=three-years&level=county&areaCode=${counties.areas[0]?.code}`,
    );
    const basis = short.basis;
    if (!basis) throw new Error('the saved variant has no basis');
    expect(basis.historyYears).toBe(3);
    expect(basis.cautions).toEqual(['shortHistory', 'improvementDefault']);
    await page.reload();
    await waitForPage();
    await page.getByRole('combobox', { name: fi.controls.variant, exact: true }).selectOption('three-years');
    const section = page.getByRole('region', { name: fi.basis.title });
    const warnings = section.getByRole('note');
    await warnings.waitFor();
    expect(await warnings.getByRole('heading', { level: 3 }).textContent()).toBe(fi.basis.warnings);
    expect(await warnings.locator('li').allTextContents()).toEqual([
      fi.basis.cautions.shortHistory('3', String(basis.fullHistoryYears)),
      fi.basis.cautions.improvementDefault('3', String(basis.trendYears)),
    ]);
    expect(await section.locator('[data-basis="migration"]').textContent()).toContain(
      fi.basis.sources.county,
    );
    expect(await section.locator('[data-basis="improvement"]').textContent()).toContain(
      fi.basis.improvementSources.default,
    );
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await page.getByRole('combobox', { name: fi.controls.variant, exact: true }).selectOption('base');
    await waitForPage();
  });

  it('lists demand and capacity by service class, sortable, the gap in words', async () => {
    const rows = page.locator('#demand-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const statuses = await page.locator('#demand-table .gap-marker').allTextContents();
    const words = [fi.gap.shortfall, fi.gap.surplus, fi.gap.balanced, fi.gap.unknown];
    for (const status of statuses) expect(words.some((word) => status.endsWith(word))).toBe(true);
    const demandHeader = page.locator('#demand-table th', { hasText: fi.gap.demand });
    await demandHeader.getByRole('button').click();
    expect(await demandHeader.getAttribute('aria-sort')).toBe('descending');
    await demandHeader.getByRole('button').click();
    expect(await demandHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: fi.gap.byUnit.show }).click();
    expect(await page.locator('#unit-gap-table tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: fi.gap.byUnit.hide }).click();
  });

  it('follows the choice of a municipality', async () => {
    const municipalities = await api<AreaList>('/api/areas?level=municipality');
    const municipality = municipalities.areas[0];
    if (!municipality) throw new Error('no municipalities');
    const before = await barWidths();
    const pyramidRequests: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/api/forecast/pyramid')) pyramidRequests.push(request.url());
    };
    page.on('request', onRequest);
    await page
      .getByRole('combobox', { name: fi.controls.area, exact: true })
      .selectOption(`municipality:${municipality.code}`);
    // The county's figures stay on screen while the municipality's load: never "Loading…" in their place.
    expect(await page.locator('.pyramid rect.pyramid__bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#demand-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('main p.status', { hasText: dictionaries.fi.status.loading }).count()).toBe(0);
    await expect.poll(barWidths, { timeout: 60_000 }).not.toEqual(before);
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 60_000 }).toBe(0);
    page.off('request', onRequest);
    // Every year of the municipality's pyramid came in one answer.
    expect(pyramidRequests).toHaveLength(1);
    expect(pyramidRequests[0]).toContain('/api/forecast/pyramids?');
    expect(await page.locator('#demand-table-caption').textContent()).toContain(municipality.nameFi);
    await page
      .getByRole('combobox', { name: fi.controls.area, exact: true })
      .selectOption(`county:${counties.areas[0]?.code}`);
    await waitForPage();
  });

  it('shows the official projection as a variant of its own, and goes back to the own one', async () => {
    const variant = page.getByRole('combobox', { name: fi.controls.variant, exact: true });
    const before = await barWidths();
    await variant.selectOption('official');
    await waitForPage();
    await expect.poll(barWidths, { timeout: 60_000 }).not.toEqual(before);
    expect(await page.locator('.status--error').count()).toBe(0);
    expect(await page.locator('.lines-legend li').allTextContents()).toContain(
      `${labelOf('official')} (${fi.controls.kinds.official})`,
    );
    // Statistics Finland's assumptions are its own: the page does not claim to know what they rest on.
    const basis = page.getByRole('region', { name: fi.basis.title });
    await expect
      .poll(() => basis.locator('p').first().textContent(), { timeout: 60_000 })
      .toBe(fi.basis.official);
    expect(await basis.locator('dl').count()).toBe(0);
    await variant.selectOption('base');
    await waitForPage();
  });

  for (const language of languages) {
    it(`passes axe (WCAG 2.1 AA) in ${language}, tables open, and looks right in the screenshot`, async () => {
      await chooseLanguage(page, language as Language);
      const text = forecastMessages[language];
      await waitForPage();
      await page.getByRole('button', { name: text.pyramid.showTable }).click();
      await page.getByRole('button', { name: text.lines.showTable }).click();
      await page.getByRole('button', { name: text.gap.byUnit.show }).click();
      const withTables = describeViolations(await accessibilityViolations(page));
      // Closed again before anything is asserted, so that one language's failure leaves the next its
      // buttons as they were.
      await page.getByRole('button', { name: text.pyramid.hideTable }).click();
      await page.getByRole('button', { name: text.lines.hideTable }).click();
      await page.getByRole('button', { name: text.gap.byUnit.hide }).click();
      expect(withTables).toBe('');
      expect(describeViolations(await accessibilityViolations(page))).toBe('');
      await page.screenshot({
        path: join(county.screenshotDir, `forecast-page-${language}.png`),
        fullPage: true,
      });
    });
  }

  it('fits a 320 px wide screen without scrolling the page sideways (WCAG 1.4.10 reflow)', async () => {
    await chooseLanguage(page, 'fi');
    await page.setViewportSize({ width: 320, height: 800 });
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

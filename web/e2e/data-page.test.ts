import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFetch } from '../../src/connectors/index.js';
import type {
  AreaList,
  ImportView,
  ReferenceIndicatorList,
  RejectsPage,
  SourceFetch,
  UnitList,
} from '../../src/model/index.js';
import { formatDateTime, formatNumber } from '../src/i18n/format.js';
import { dictionaries } from '../src/i18n/messages.js';
import { municipalityFill, producerKindColour } from '../src/map/colours.js';
import { sourceMessages } from '../src/pages/data/sources/messages.js';
import { chooseLanguage, waitForDataPage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { collectCspViolations } from './csp.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { colourCounts, pixelsNear } from './pixels.js';
import { apiAs, signIn } from './sign-in.js';

const fi = dictionaries.fi;

describe('the Data page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let imports: ImportView[];
  let areas: AreaList;
  let units: UnitList;
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];
  let cspViolations: string[] = [];

  const api = <T>(path: string): Promise<T> => apiAs(page, county)<T>(path);

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, county, 'analyst');
    [imports, areas, units] = await Promise.all([
      api<ImportView[]>('/api/imports'),
      api<AreaList>('/api/areas?level=municipality'),
      api<UnitList>('/api/units'),
    ]);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    cspViolations = await collectCspViolations(page);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(county.url) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        outsideRequests.push(url);
      }
    });
    await page.goto(`${county.url}/data`);
    await waitForDataPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('lists every import, newest first, with its counts in Finnish number format', async () => {
    expect(imports.length).toBeGreaterThan(0);
    const rows = page.locator('#imports tbody tr');
    expect(await rows.count()).toBe(imports.length);
    const newest = [...imports].sort((a, b) => b.importId - a.importId)[0];
    if (!newest) throw new Error('no imports');
    const cells = await rows.first().locator('th, td').allTextContents();
    expect(cells[0]).toBe(String(newest.importId));
    expect(cells[1]).toBe(fi.kinds.import[newest.kind]);
    expect(cells[3]).toBe(formatNumber('fi', newest.rowsRead));
    expect(cells[4]).toBe(formatNumber('fi', newest.rowsAccepted));
    expect(cells[5]).toBe(formatNumber('fi', newest.rowsRejected));
  });

  it('downloads the reject report of an import with rejected rows from its link', async () => {
    const rejected = imports.find((entry) => entry.rowsRejected > 0);
    expect(rejected, 'the demo county has deliberately bad rows').toBeDefined();
    if (!rejected) return;
    const link = page.locator(`#imports a[href="/api/imports/${rejected.importId}/rejects.csv?lang=fi"]`);
    expect(await link.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const [header, firstRow] = text.split(/\r?\n/);
    expect(header).toBe('rivi;sarake;arvo;syy');
    expect(firstRow).toMatch(/^\d+;/);
    // The reasons are in the page's language: the same words the API gives in Finnish.
    const firstReject = await api<RejectsPage>(`/api/imports/${rejected.importId}/rejects?limit=1&lang=fi`);
    expect(firstRow?.endsWith(`;${firstReject.rows[0]?.reason}`)).toBe(true);
  });

  it('shows the first rejected rows of the newest import with their reasons in the page language', async () => {
    const latest = [...imports]
      .sort((a, b) => b.importId - a.importId)
      .find((entry) => entry.rowsRejected > 0);
    if (!latest) throw new Error('no import with rejected rows');
    const finnish = await api<RejectsPage>(`/api/imports/${latest.importId}/rejects?limit=10&lang=fi`);
    const english = await api<RejectsPage>(`/api/imports/${latest.importId}/rejects?limit=10&lang=en`);
    const reasons = await page.locator('#reject-sample tbody tr td:last-child').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons).toEqual(finnish.rows.map((row) => row.reason));
    expect(reasons).not.toEqual(english.rows.map((row) => row.reason));
  });

  it('lists the municipalities with their population and the units with their producers', async () => {
    expect(areas.areas.length).toBeGreaterThan(0);
    expect(await page.locator('#municipalities tbody tr').count()).toBe(areas.areas.length);
    expect(await page.locator('#municipalities caption').textContent()).toBe(
      fi.data.areas.caption(String(areas.year)),
    );
    const largest = [...areas.areas].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    if (!largest?.population) throw new Error('no municipality with population');
    const largestRow = page.locator('#municipalities tbody tr', {
      has: page.getByRole('rowheader', { name: largest.nameFi, exact: true }),
    });
    expect(await largestRow.locator('td.num').textContent()).toBe(formatNumber('fi', largest.population));

    expect(units.units.length).toBeGreaterThan(0);
    expect(await page.locator('#units tbody tr').count()).toBe(units.units.length);
    const unit = units.units[0];
    if (!unit) throw new Error('no units');
    const unitRow = page
      .locator('#units tbody tr', { has: page.getByRole('rowheader', { name: unit.name, exact: true }) })
      .first();
    if (unit.producerKind)
      expect(await unitRow.textContent()).toContain(fi.kinds.producer[unit.producerKind]);
  });

  it('draws the municipalities and every kind of unit on the map, from the county’s own data only', async () => {
    const canvas = page.locator('.county-map canvas');
    expect(await canvas.getAttribute('aria-label')).toBe(fi.data.map.name);
    const kinds = [...new Set(units.units.flatMap((unit) => (unit.producerKind ? [unit.producerKind] : [])))];
    expect(kinds.length).toBeGreaterThan(1);
    // The first frames may still be settling after fitting the county into view; look until all is drawn.
    await expect
      .poll(
        async () => {
          const counts = await colourCounts(page, await canvas.screenshot());
          const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
          return {
            municipalitiesCoverTenthOfMap: pixelsNear(counts, municipalityFill) > total / 10,
            kindsWithoutPixels: kinds.filter((kind) => pixelsNear(counts, producerKindColour[kind]) === 0),
          };
        },
        { timeout: 60_000 },
      )
      .toEqual({ municipalitiesCoverTenthOfMap: true, kindsWithoutPixels: [] });
    expect(outsideRequests).toEqual([]);
  });

  it('shows the legend with the number of units of each producer kind', async () => {
    const legend = await page.locator('.map-legend li').allTextContents();
    for (const kind of Object.keys(producerKindColour) as (keyof typeof producerKindColour)[]) {
      const count = units.units.filter((unit) => unit.producerKind === kind).length;
      expect(legend).toContain(`${fi.kinds.producer[kind]} (${formatNumber('fi', count)})`);
    }
  });

  it('passes axe (WCAG 2.1 AA) with the map drawn, and looks as it should in the screenshot', async () => {
    const violations = await accessibilityViolations(page);
    expect(describeViolations(violations)).toBe('');
    await page.screenshot({ path: join(county.screenshotDir, 'data-page-fi.png'), fullPage: true });
  });

  it('opens a unit and a municipality on the map from their tables, and says so to screen readers', async () => {
    const unit = units.units[0];
    const area = areas.areas[0];
    if (!unit || !area) throw new Error('no units or areas');
    await page
      .getByRole('button', { name: fi.data.units.showContext(unit.name), exact: true })
      .first()
      .click();
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toContain(unit.name);
    expect(
      await page.locator('section[aria-labelledby="map-title"] p[role="status"]').textContent(),
    ).toContain(unit.name);

    await page.getByRole('button', { name: fi.data.units.showContext(area.nameFi), exact: true }).click();
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toContain(area.nameFi);
    expect(await page.locator('.maplibregl-popup').count()).toBe(1);
    expect(describeViolations(await accessibilityViolations(page))).toBe('');

    await page.getByRole('button', { name: fi.data.map.closePopup }).click();
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
  });

  it('speaks Swedish and English too, table captions and map name included', async () => {
    for (const language of ['sv', 'en'] as const) {
      const t = dictionaries[language];
      await chooseLanguage(page, language);
      await page.locator('.county-map[aria-busy="false"]').waitFor();
      expect(await page.locator('#imports caption').textContent()).toBe(t.data.imports.caption);
      expect(await page.locator('#units caption').textContent()).toBe(t.data.units.caption);
      expect(await page.locator('.county-map canvas').getAttribute('aria-label')).toBe(t.data.map.name);
      expect(describeViolations(await accessibilityViolations(page))).toBe('');
      await page.screenshot({
        path: join(county.screenshotDir, `data-page-${language}.png`),
        fullPage: true,
      });
    }
    await chooseLanguage(page, 'fi');
  });

  it('fits a 320 px wide screen without scrolling the page sideways (WCAG 1.4.10 reflow)', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.locator('.county-map[aria-busy="false"]').waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lists the open-data sources, and an importer fetches one, sees it run and may cancel it, offline', async () => {
    const text = sourceMessages.fi;
    const sources = page.locator('section[aria-labelledby="sources-title"]');
    // The demo county has fetched nothing.
    expect(await sources.getByText(text.none).count()).toBe(1);
    // Its made-up reference values' indicator is named, in Finnish as the only title it has.
    const [reference] = await api<ReferenceIndicatorList>('/api/reference-values');
    if (!reference) throw new Error('the demo holds no reference values');
    const referenceRow = sources.locator('#reference-indicators tbody tr').first();
    await referenceRow.waitFor();
    expect(await referenceRow.locator('th, td').allTextContents()).toEqual([
      reference.indicatorId,
      reference.indicatorTitles.fi,
      `${reference.years[0]}–${reference.years.at(-1)}`,
      reference.referenceSource,
    ]);

    // Held back before it reaches the server, the fetch shows that it runs and can be cancelled.
    const held: string[] = [];
    await page.route('**/api/sources/fetch', (route) => {
      held.push(route.request().method());
    });
    await sources.getByRole('button', { name: text.start }).click();
    await sources.locator('progress').waitFor();
    expect(await sources.locator('form').getAttribute('aria-busy')).toBe('true');
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await sources.getByRole('button', { name: text.cancel }).click();
    await sources.getByRole('status').filter({ hasText: text.cancelled }).waitFor();
    expect(held).toEqual(['POST']);
    expect(await sources.locator('progress').count()).toBe(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // The server replays Statistics Finland's recorded answers (as `fetch --from-file` does), never the
    // network. The demo's municipality codes (951–971) are in no real table: refused, in the reader's words.
    process.env.SOTEATLAS_FETCH_FROM = fileURLToPath(
      new URL('../../src/connectors/pxweb/fixtures/replay', import.meta.url),
    );
    try {
      const codes = (
        await county.store.all<{ code: string }>(
          `SELECT DISTINCT code FROM areas WHERE level = 'municipality' ORDER BY code`,
        )
      )
        .map((r) => r.code)
        .join(', ');
      expect(codes).toMatch(/^951, 952, .*, 971$/);
      await sources.getByRole('button', { name: text.start }).click();
      const alert = sources.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toBe(text.failed(text.notInTable(codes)));
      expect(await sources.locator('progress').count()).toBe(0);
      // Said again in the language the reader turns to.
      await chooseLanguage(page, 'sv');
      expect(await alert.textContent()).toBe(sourceMessages.sv.failed(sourceMessages.sv.notInTable(codes)));
      await chooseLanguage(page, 'fi');
    } finally {
      delete process.env.SOTEATLAS_FETCH_FROM;
    }
    // A fetch the fetch log holds (as `soteatlas fetch pxweb` leaves it) is listed with what changed.
    await recordFetch(county.store, {
      fetchedSource: {
        source: 'statfin-pxweb',
        url: 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/11re.px',
        licence: 'CC BY 4.0',
        attribution: 'Source: Statistics Finland (Tilastokeskus), StatFin database, table 11re',
        fetchedAt: '2026-06-10T08:00:00.000Z',
      },
      dataset: 'population',
      importId: null,
      queries: 2,
      unchangedAnswers: 1,
      cells: 404,
      rowsInserted: 404,
      rowsUpdated: 0,
      structure: [{ code: 'alue_23_20260101', text: 'Alue' }],
    });
    await page.reload();
    await waitForDataPage(page);
    await sources.locator('#source-fetches tbody tr').first().waitFor();
    const [fetched] = await api<SourceFetch[]>('/api/sources');
    expect(fetched).toMatchObject({ source: 'statfin-pxweb', dataset: 'population', cells: 404 });
    expect(fetched?.changes.length).toBeGreaterThan(0);
    if (!fetched) return;
    const cells = await sources
      .locator('#source-fetches tbody tr')
      .first()
      .locator('th, td')
      .allTextContents();
    expect(cells).toEqual([
      'statfin-pxweb',
      'population',
      formatDateTime('fi', fetched.fetchedAt),
      `${text.rows(formatNumber('fi', fetched.rowsInserted), formatNumber('fi', fetched.rowsUpdated))}. ${text.unchanged(formatNumber('fi', fetched.unchangedAnswers), formatNumber('fi', fetched.queries))}. ${fetched.changes.join('; ')}`,
      'CC BY 4.0',
      fetched.attribution,
    ]);
    expect(fetched.attribution).toMatch(/Statistics Finland|Tilastokeskus/);
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    for (const language of ['sv', 'en'] as const) {
      await chooseLanguage(page, language);
      expect(await page.locator('#source-fetches caption').textContent()).toBe(
        sourceMessages[language].caption,
      );
      expect(describeViolations(await accessibilityViolations(page))).toBe('');
    }
    await chooseLanguage(page, 'fi');
    expect(outsideRequests).toEqual([]);
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  it('drew the map and everything else within the server’s Content-Security-Policy', async () => {
    const policy = (await fetch(`${county.url}/data`)).headers.get('content-security-policy');
    expect(policy).toContain("default-src 'self'");
    expect(cspViolations).toEqual([]);
  });
});

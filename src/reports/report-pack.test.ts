import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCounty, type TestCounty } from '../../web/e2e/harness.js';
import { type MonitoringSetView, printableArea } from '../model/index.js';
import { signInWith, testBrowser } from '../server/testing.js';
import { withReportPage } from './pdf.js';
import { inkShare, renderPdfPages, savePdfPages } from './pdf-pages.fixture.js';
import { printLayoutProblems } from './print-layout.fixture.js';
import { pdfPageTexts } from './testing.js';

const setName = 'Top management monitoring set';
const resultsDir = fileURLToPath(new URL('../../test-results/reports', import.meta.url));
/** Text as pdftotext lays it out, each run of spaces and line breaks as one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A page with less ink than this is blank but for its running head, or a line or two. */
const leastInkShare = 0.015;

/**
 * The report pack end to end on the browser tests' demo county: the API gathers the set's figures through
 * the indicator engine and the targets module, writes the workbook, and prints the web app's report page
 * to PDF in headless Chromium.
 */
describe('report packs of the demo county', () => {
  let county: TestCounty;
  const download = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${county.url}${path}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  const shippedSetView = async (): Promise<MonitoringSetView> => {
    const sets = (await (await fetch(`${county.url}/api/monitoring-sets`)).json()) as MonitoringSetView[];
    const id = sets.find((set) => set.name === setName)?.id;
    return (await (await fetch(`${county.url}/api/monitoring-sets/${id}`)).json()) as MonitoringSetView;
  };

  beforeAll(async () => {
    county = await startTestCounty();
  });
  afterAll(() => county?.close());

  it('writes the set as a workbook: summary, a sheet per indicator with every municipality, definitions', async () => {
    const file = await download(`/api/reports/report.xlsx?set=${encodeURIComponent(setName)}`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('Yhteenveto');
    // The shipped set is named in the report's language, after the county, as the PDF's running head.
    const title = workbook.getWorksheet('Yhteenveto')?.getRow(1).getCell(1).value;
    expect(title).toMatch(/^\S.* · Ylimmän johdon seurantamittaristo · \d{4}$/);
    expect(names.at(-1)).toBe('Määritelmät');
    expect(names.length).toBeGreaterThan(5);
    const sheet = workbook.getWorksheet('emergency-visits-per-1000');
    expect(sheet?.getRow(5).getCell(1).value).toBe('Aluekoodi');
    // The county's row, then one per municipality, each with a figure or a suppression mark — never blank.
    const figures: unknown[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 5) figures.push(row.getCell(4).value);
    });
    expect(figures.length).toBeGreaterThan(2);
    for (const value of figures) expect(typeof value === 'number' || value === '<5').toBe(true);
  });

  it('withholds from a manager exactly the small counts an analyst sees, marked "<5"', async () => {
    // Signed in through the demo county's identity provider, as each of the two would be.
    const rows = async (role: 'analyst' | 'manager') => {
      const browser = testBrowser();
      await (await signInWith(browser, county.url, role)).body?.cancel();
      const file = await browser.request(
        `${county.url}/api/reports/report.xlsx?set=${encodeURIComponent(setName)}`,
      );
      expect(file.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file.arrayBuffer()) as ArrayBuffer);
      const found = new Map<string, { value: unknown; numerator: unknown }>();
      for (const sheet of workbook.worksheets.slice(1, -1))
        sheet.eachRow((row, number) => {
          if (number > 5)
            found.set(`${sheet.name}|${row.getCell(1).value}`, {
              value: row.getCell(4).value,
              numerator: row.getCell(7).value,
            });
        });
      return found;
    };
    const [analyst, manager] = [await rows('analyst'), await rows('manager')];
    expect([...analyst.values()].some((row) => row.value === '<5')).toBe(false);
    const small = [...analyst].filter(
      ([, row]) => typeof row.numerator === 'number' && row.numerator > 0 && row.numerator < 5,
    );
    expect(small.length, 'the demo county has small counts somewhere').toBeGreaterThan(0);
    for (const [key] of small) expect(manager.get(key)?.value, key).toBe('<5');
    // A zero is a real zero (it describes nobody), never a withheld figure written as 0.
    for (const [key, row] of manager) if (row.value === 0) expect(analyst.get(key)?.value, key).toBe(0);
  });

  it('answers 404 for a set that does not exist', async () => {
    expect((await download('/api/reports/report.xlsx?set=nothing-like-this')).status).toBe(404);
  });

  it('lays the report out inside the printable width, charts as wide as the page, no text under 8 pt', async () => {
    const { widthPx } = printableArea();
    const request = { baseUrl: county.url, set: setName, language: 'fi' as const };
    const { problems, chartWidths } = await withReportPage(request, async (page) => ({
      problems: await printLayoutProblems(page, { widthPx, minFontPx: (8 * 96) / 72 }),
      chartWidths: await page
        .locator('.report-indicator svg.chart__svg')
        .evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().width)),
    }));
    expect(problems).toEqual([]);
    expect(chartWidths.length).toBeGreaterThan(5);
    for (const width of chartWidths) expect(width).toBeGreaterThan(widthPx * 0.95);
  });

  it('prints the demo set as cover, contents, summary, a page per indicator and definitions, no page nearly blank', async () => {
    const view = await shippedSetView();
    const id = view.id;
    const file = await download(`/api/reports/report.pdf?set=${id}&period=${view.toYear}&lang=fi`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('application/pdf');
    const [pages, texts] = await Promise.all([renderPdfPages(file.body), pdfPageTexts(file.body)]);
    const n = view.items.length;
    // Cover, contents, summary, one page per indicator, and the definitions on two pages.
    expect(pages.length).toBe(3 + n + 2);
    for (const [i, page] of pages.entries())
      expect(inkShare(page), `ink on page ${i + 1}`).toBeGreaterThan(leastInkShare);
    const [cover = '', contents = '', ...rest] = texts.map(oneLine);
    expect(cover).toContain(`Ylimmän johdon seurantamittaristo Ajanjakso ${view.toYear}`);
    expect(cover).toContain('Tietosuoja');
    // Each part starts on the page the contents give it: the summary on page 3, then a page each.
    const titles = ['Yhteenveto', ...view.items.map((item) => item.title?.fi ?? ''), 'Määritelmät'];
    for (const [i, title] of titles.entries()) {
      expect(contents, title).toContain(`${title} ${3 + i}`);
      expect(rest[i], `page ${3 + i}`).toContain(title);
    }
    for (const [i, text] of texts.entries()) {
      if (i === 0) continue;
      expect(oneLine(text), `page ${i + 1}`).toContain(`Ylimmän johdon seurantamittaristo · ${view.toYear}`);
      expect(oneLine(text), `page ${i + 1}`).toMatch(new RegExp(`Sivu ${i + 1} / ${pages.length}$`));
    }
    const pagesDir = join(resultsDir, 'pages-fi');
    await mkdir(pagesDir, { recursive: true });
    await savePdfPages(file.body, { outDir: pagesDir, pages: 4 });
  });

  it('prints a long-titled indicator on one page and its long commentary on the next, no page empty', async () => {
    // Chain measures: titles of three lines at the report's heading size.
    const [reach, days, returns] = ['reach-final', 'median-days', 'returns'].map(
      (measure) => `chain:hip-fracture:${measure}`,
    );
    const analyst = testBrowser();
    await (await signInWith(analyst, county.url, 'analyst')).body?.cancel();
    const { csrfToken } = (await (await analyst.request(`${county.url}/api/session`)).json()) as {
      csrfToken: string;
    };
    const created = await analyst.request(`${county.url}/api/monitoring-sets`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json', origin: county.url },
      body: JSON.stringify({
        name: 'Palveluketjujen seuranta',
        items: [reach, days, returns].map((indicatorId) => ({ indicatorId })),
      }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: number };
    const view = (await (
      await analyst.request(`${county.url}/api/monitoring-sets/${id}`)
    ).json()) as MonitoringSetView;
    const sentence =
      'Lonkkamurtumapotilaiden hoitoketju on pysynyt ennallaan, ja seuraava arvio tehdään syksyllä. ';
    // No commentary for the first (ruled space to write on), two lines for the second, and for the third
    // more than its page has room for.
    const comments = { [days ?? '']: sentence.repeat(2), [returns ?? '']: sentence.repeat(30) };
    const query = new URLSearchParams({ set: String(id), lang: 'fi', comments: JSON.stringify(comments) });
    const file = await analyst.request(`${county.url}/api/reports/report.pdf?${query.toString()}`);
    expect(file.status).toBe(200);
    const pdf = Buffer.from(await file.arrayBuffer());
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, 'report-chains.pdf'), pdf);
    const texts = await pdfPageTexts(pdf);
    const all = texts.map((text, i) => `--- page ${i + 1}\n${text}`).join('\n');
    // Every page but the cover: the running head on the first line, the page number on the last.
    const bodies = texts.slice(1).map((text) =>
      oneLine(text.split('\n').slice(1).join(' '))
        .replace(/Sivu \d+ \/ \d+$/, '')
        .trim(),
    );
    for (const [i, body] of bodies.entries()) expect(body, `page ${i + 2}:\n${all}`).not.toBe('');
    // The contents give each part's page at the end of its entry's first line.
    const numbers = (texts[1] ?? '')
      .split('\n')
      .slice(1)
      .filter((line) => !/Sivu \d+ \/ \d+\s*$/.test(line))
      .flatMap((line) => /\s(\d+)\s*$/.exec(line)?.[1] ?? []);
    const titles = ['Yhteenveto', ...view.items.map((item) => item.title?.fi ?? ''), 'Määritelmät'];
    expect(numbers.length, all).toBe(titles.length);
    for (const [i, title] of titles.entries())
      expect(
        bodies[Number(numbers[i]) - 2]?.slice(0, title.length),
        `${title} on page ${numbers[i]}:\n${all}`,
      ).toBe(title);
    // The first two indicators take a page each; the third's commentary runs onto a page of its own.
    expect(numbers.map(Number), all).toEqual([3, 4, 5, 6, 8]);
  });

  it.each([
    ['sv', 'Uppföljningsmätare för den högsta ledningen', 'Sida'],
    ['en', setName, 'Page'],
  ] as const)(
    'prints the report in %s too, in as many pages, none nearly blank',
    async (language, setTitle, pageWord) => {
      const file = await download(
        `/api/reports/report.pdf?set=${encodeURIComponent(setName)}&lang=${language}`,
      );
      expect(file.status).toBe(200);
      expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const [pages, texts] = await Promise.all([renderPdfPages(file.body), pdfPageTexts(file.body)]);
      expect(oneLine(texts[0] ?? '')).toContain(setTitle);
      expect(pages.length).toBe(3 + (await shippedSetView()).items.length + 2);
      expect(oneLine(texts[1] ?? '')).toContain(`${pageWord} 2 / ${pages.length}`);
      for (const [i, page] of pages.entries())
        expect(inkShare(page), `ink on page ${i + 1}`).toBeGreaterThan(leastInkShare);
      await mkdir(resultsDir, { recursive: true });
      await writeFile(join(resultsDir, `report-${language}.pdf`), file.body);
    },
  );
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Language, languages } from '../src/i18n/languages.js';
import type { PageId } from '../src/routing/pages.js';
import { analystPages, chooseLanguage, openFromMenu, waitForDataPage } from './app.js';
import { launchBrowser } from './browser.js';
import { foreignIn, foreignTexts, namesIn, shippedTexts, type Texts } from './foreign-text.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

/** What each page shows once its figures, tables and maps are in. */
const waitForPage = async (page: Page, target: PageId | 'report'): Promise<void> => {
  const first = (selector: string) => page.locator(selector).first().waitFor();
  if (target === 'overview') await first('.tiles .tile');
  if (target === 'indicators') {
    await first('#indicator-values tbody tr');
    await first('#cost-table tbody tr');
    await first('.indicator-map[aria-busy="false"]');
  }
  if (target === 'forecast') {
    await first('.pyramid rect.pyramid__bar');
    await first('#demand-table tbody tr');
    await first('.group-chart');
  }
  if (target === 'network') {
    await first('#network-units tbody tr');
    await first('#network-figures');
    await first('.network-map[aria-busy="false"]');
  }
  if (target === 'data') await waitForDataPage(page);
  if (target === 'report') {
    await first('#report-summary tbody tr');
    await first('.report-indicator .report-figures, .report-indicator .status--error');
  }
};

/**
 * Every page in each language, looking for text of another: any string of the other two languages'
 * catalogues and shipped texts (indicators, service classes, monitoring sets) that the chosen language
 * does not share. Data a county typed in itself (unit names, say) is in no catalogue and is not judged.
 */
describe('each language on every page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let texts: Texts;
  let names: string[];

  beforeAll(async () => {
    [county, browser, texts] = await Promise.all([startTestCounty(), launchBrowser(), shippedTexts()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'analyst');
    const data = await Promise.all(['/api/units', '/api/areas'].map((path) => apiAs(page, county)(path)));
    // A published figure's title is the publisher's, stored in the language it was fetched in.
    const references = await apiAs(
      page,
      county,
    )<{ indicatorTitle: string | null }[]>('/api/reference-values');
    const titles = references.flatMap((r) => (r.indicatorTitle ? [r.indicatorTitle] : []));
    // The signed-in user's name is theirs, in no language.
    names = [...namesIn(data), ...titles, ...county.demoUsers.map((user) => user.name)];
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  // innerText, not textContent: what the reader sees, without hidden elements and script text.
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is judged
  const shown = async () => `${await page.title()}\n${await page.locator('body').innerText()}`;

  for (const language of languages) {
    it(`shows only ${language} text`, async () => {
      const foreign = foreignTexts(texts, language);
      const found: string[] = [];
      const look = async (target: PageId | 'report') => {
        await waitForPage(page, target);
        for (const phrase of foreignIn(await shown(), foreign, names)) found.push(`${target}: ${phrase}`);
      };
      await page.goto(county.url);
      await chooseLanguage(page, language as Language);
      for (const target of analystPages) {
        await openFromMenu(page, target, language);
        await look(target);
      }
      await page.goto(`${county.url}/overview/report`);
      await look('report');
      expect(found).toEqual([]);
    });
  }
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CatalogueIndicator,
  ChainList,
  MonitoringSet,
  MonitoringSetView,
  SessionInfo,
} from '../../src/model/index.js';
import { pdfPageTexts } from '../../src/reports/testing.js';
import { decimalFormat } from '../src/charts/format.js';
import { indicatorsMessages } from '../src/pages/indicators/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const indicatorId = 'chain:hip-fracture:reach-final';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A service chain's measures as indicators: chosen on the Indicators page, printed in a report pack. */
describe('chain indicators', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let catalogue: CatalogueIndicator[];
  let chains: ChainList;

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'manager', '/indicators');
    catalogue = await apiAs(page, county)<CatalogueIndicator[]>('/api/indicators');
    chains = await apiAs(page, county)<ChainList>('/api/chains');
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  const tableRows = () => page.locator('#indicator-values tbody tr');

  it('lists every chain’s measures on the Indicators page, grouped under the chain, and opens one', async () => {
    await chooseLanguage(page, 'fi');
    const fi = indicatorsMessages.fi;
    const select = page.locator('#choice-indicator');
    await select.waitFor({ timeout: 60_000 });
    for (const { definition } of chains) {
      const group = select.locator(`optgroup[label="${fi.chainGroup(definition.nameFi)}"]`);
      const options = await group
        .locator('option')
        .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
      expect(options, definition.id).toEqual(
        ['reach-final', 'median-days', 'cost-per-client', 'returns'].map(
          (m) => `chain:${definition.id}:${m}`,
        ),
      );
    }
    const reach = catalogue.find((d) => d.id === indicatorId);
    if (!reach) throw new Error(`no indicator ${indicatorId}`);
    await select.selectOption(indicatorId);
    await page.waitForURL((url) => url.searchParams.get('id') === indicatorId);
    await page.getByRole('heading', { level: 2, name: reach.title.fi }).waitFor({ timeout: 60_000 });
    // Yearly, by municipality or for the county, not broken down.
    expect(
      await page.locator('#choice-period-type option').evaluateAll((all) => all.map((o) => o.textContent)),
    ).toEqual([fi.periodTypes.year]);
    expect(await page.locator('#choice-breakdown option').count()).toBe(1);
    const hip = chains.find((c) => c.definition.id === 'hip-fracture');
    const link = page.getByRole('link', { name: hip?.definition.nameFi ?? 'hip-fracture' });
    expect(await link.getAttribute('href')).toBe('/chains?chain=hip-fracture');
    // The municipalities' values, as the API gives them to a manager: a figure or "<5", never blank.
    await tableRows().first().waitFor({ timeout: 60_000 });
    expect(await tableRows().count()).toBeGreaterThan(1);
  });

  it.each(['fi', 'sv', 'en'] as const)(
    'is axe-clean with a chain measure chosen, in %s',
    async (language) => {
      await page.goto(`${county.url}/indicators?id=${encodeURIComponent('chain:hip-fracture:returns')}`);
      await chooseLanguage(page, language);
      const returns = catalogue.find((d) => d.id === 'chain:hip-fracture:returns');
      await page
        .getByRole('heading', { level: 2, name: returns?.title[language] ?? '' })
        .waitFor({ timeout: 60_000 });
      await tableRows().first().waitFor({ timeout: 60_000 });
      const hip = chains.find((c) => c.definition.id === 'hip-fracture')?.definition;
      const name = language === 'sv' ? hip?.nameSv : language === 'en' ? hip?.nameEn : hip?.nameFi;
      expect(await page.locator('#choice-indicator optgroup').last().getAttribute('label')).not.toBeNull();
      expect(
        await page
          .locator(
            `#choice-indicator optgroup[label="${indicatorsMessages[language].chainGroup(name ?? '')}"]`,
          )
          .count(),
      ).toBe(1);
      const violations = await accessibilityViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    },
  );

  it('prints a chain measure of a monitoring set in the report pack’s PDF, with its value and definition', async () => {
    const analyst = await browser.newPage();
    try {
      await signIn(analyst, county, 'analyst', '/');
      const { csrfToken } = await apiAs(analyst, county)<SessionInfo>('/api/session');
      const created = await analyst.request.post(`${county.url}/api/monitoring-sets`, {
        headers: { 'x-csrf-token': csrfToken ?? '' },
        data: { name: 'Palveluketjujen seuranta', items: [{ indicatorId }] },
      });
      expect(created.status()).toBe(200);
      const set = (await created.json()) as MonitoringSet;
      const view = await apiAs(analyst, county)<MonitoringSetView>(`/api/monitoring-sets/${set.id}`);
      const [item] = view.items;
      expect(item?.note).toBeNull();
      expect(item?.value).not.toBeNull();
      const response = await analyst.request.get(
        `${county.url}/api/reports/report.pdf?set=${set.id}&period=${view.toYear}&lang=fi`,
        { timeout: 180_000 },
      );
      expect(response.status()).toBe(200);
      const texts = (await pdfPageTexts(await response.body())).map(oneLine);
      const reach = catalogue.find((d) => d.id === indicatorId);
      const title = reach?.title.fi ?? '';
      // Its own page shows it with the county's figure; the contents name it (laid out in two columns,
      // so only its first words are found in one piece); the definitions explain it.
      const figure = decimalFormat('fi', item?.decimals ?? 1)(item?.value ?? Number.NaN);
      const own = texts.find((text) => text.includes(title) && text.includes(`Hyvinvointialue ${figure}`));
      expect(own, `${figure} beside ${title}:\n${texts.join('\n---\n')}`).toBeDefined();
      expect(texts[1]).toContain(`Sisällys Yhteenveto 3 ${title.slice(0, 30)}`);
      expect(texts.some((text) => text.includes('Määritelmät') && text.includes(title))).toBe(true);
      expect(texts.some((text) => text.includes(oneLine(reach?.description.fi ?? '')))).toBe(true);
    } finally {
      await analyst.close();
    }
  });
});

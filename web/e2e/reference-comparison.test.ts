import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceComparison } from '../../src/model/index.js';
import { sotkanetAttribution } from '../../src/model/index.js';
import { referenceMessages } from '../src/pages/indicators/reference/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

describe('the county beside the others (THL reference values)', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let comparison: ReferenceComparison;
  const pageErrors: string[] = [];

  const section = () => page.locator('#reference-comparison');
  const organiserRows = () => section().locator('table').first().locator('tbody tr');

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, county, 'manager');
    comparison = await apiAs(page, county)<ReferenceComparison>('/api/reference-values/186');
    await page.goto(`${county.url}/indicators`);
    await organiserRows().first().waitFor({ timeout: 90_000 });
    // The shared CI machine may be busy: the county's start is given more than the default.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('ranks the organisers with the county highlighted, beside the whole country, in chart and table', async () => {
    // The demo's made-up file: the 22 organisers, the demo county and the whole country.
    expect(comparison.organisers).toHaveLength(23);
    expect(comparison.organisers.filter((o) => o.own).map((o) => o.areaCode)).toEqual(['99']);
    expect(await organiserRows().count()).toBe(24);
    const own = organiserRows().filter({ hasText: referenceMessages.fi.ownMark });
    expect(await own.count()).toBe(1);
    const ownRank = comparison.organisers.find((o) => o.own)?.rank;
    expect(await own.locator('td').first().textContent()).toBe(String(ownRank));
    expect(await section().locator('svg[role="img"] circle').count()).toBe(23);
    expect(await section().getByRole('note').textContent()).toBe(referenceMessages.fi.demo);
  });

  it("places the county's municipalities in the national distribution", async () => {
    expect(comparison.nationalDistribution?.n).toBeGreaterThan(250);
    const rows = section().locator('table').nth(1).locator('tbody tr');
    expect(await rows.count()).toBe(comparison.municipalities.length);
    expect(comparison.municipalities.length).toBeGreaterThan(5);
  });

  it('shows the attribution and passes axe in Finnish, Swedish and English', async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      await chooseLanguage(page, language);
      await organiserRows().first().waitFor();
      expect(await section().locator('.attribution').textContent()).toBe(sotkanetAttribution[language]);
      expect(await section().locator('h2').textContent()).toBe(referenceMessages[language].title);
      expect(describeViolations(await accessibilityViolations(page))).toBe('');
      await section().screenshot({
        path: join(county.screenshotDir, `reference-comparison-${language}.png`),
      });
    }
    await chooseLanguage(page, 'fi');
    expect(pageErrors).toEqual([]);
  });
});

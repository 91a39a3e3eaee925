import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainList, ChainResult } from '../../src/model/index.js';
import { chainMessages } from '../src/pages/chains/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

/** The Chain page for a manager: the shipped chains, the funnel and its table, axe-clean in three languages. */
describe('the chain page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, county, 'manager', '/chains?chain=hip-fracture');
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('shows the funnel table with the figures the API gives a manager', async () => {
    const chains = await apiAs(page, county)<ChainList>('/api/chains');
    expect(chains.length).toBeGreaterThanOrEqual(5);
    const year = new Date().getFullYear() - 1;
    const result = await apiAs(
      page,
      county,
    )<ChainResult>(`/api/chains/hip-fracture/results?period=${year}&by=municipality`);
    const rows = page.locator('section[aria-labelledby="chain-flow-table"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(result.total.steps.length);
  });

  it.each(['fi', 'sv', 'en'] as const)('is axe-clean in %s', async (language) => {
    await chooseLanguage(page, language);
    await page.getByRole('heading', { level: 1, name: chainMessages[language].title }).waitFor();
    await page.locator('section[aria-labelledby="chain-flow-table"] tbody tr').first().waitFor();
    const violations = await accessibilityViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

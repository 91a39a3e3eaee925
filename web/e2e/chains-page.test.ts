import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainList, ChainResult } from '../../src/model/index.js';
import { formatNumber } from '../src/i18n/format.js';
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
  let analyst: Page;

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, county, 'manager', '/chains?chain=hip-fracture');
    analyst = await (await browser.newContext()).newPage();
    await signIn(analyst, county, 'analyst', '/chains');
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
    // The demo county's hip-fracture clients as the page prints them: each count, or <5 where withheld.
    expect(result.total.steps[0]?.reached.value ?? 0).toBeGreaterThan(100);
    for (const [i, step] of result.total.steps.entries()) {
      const printed = step.reached.value === null ? '<5' : formatNumber('fi', step.reached.value);
      await expect.poll(() => rows.nth(i).locator('td').first().textContent()).toContain(printed);
    }
  });

  // The demo county's clients follow each shipped chain: entries, drop-outs at every step, some at the
  // end, handovers between producers where the chain crosses them. The analyst sees every count; the
  // manager sees the same where disclosure control allows, and `<5` (never a 0) where it does not.
  it.each([
    ['hip-fracture', 1, false],
    ['home-care-to-24-hour-care', 0, true],
    ['mental-health-referral', 0, true],
    ['child-welfare-notification', null, true],
    ['substance-abuse-detoxification', 0, false],
  ] as const)('follows the demo county’s clients through %s', async (chainId, handoverStep, allShown) => {
    const year = new Date().getFullYear() - 1;
    const path = `/api/chains/${chainId}/results?period=${year}`;
    const full = await apiAs(analyst, county)<ChainResult>(path);
    expect(full.suppressed).toBe(false);
    const counts = full.total.steps.map((s) => s.reached.value ?? 0);
    expect(
      counts.every((r) => r >= 5),
      `${chainId}: ${counts.join(', ')}`,
    ).toBe(true);
    expect(counts[0]).toBe(full.total.entered.value);
    for (let k = 1; k < counts.length; k++) {
      // Some go on, some leave, at every step.
      expect(counts[k]).toBeLessThan(counts[k - 1] ?? 0);
      expect(full.total.steps[k - 1]?.left.value).toBe((counts[k - 1] ?? 0) - (counts[k] ?? 0));
      expect(full.total.steps[k - 1]?.daysToNext?.median.value ?? -1).toBeGreaterThanOrEqual(0);
    }
    if (handoverStep !== null) {
      expect(full.total.steps[handoverStep]?.handoversToNext?.value ?? 0).toBeGreaterThan(0);
    }

    const shown = await apiAs(page, county)<ChainResult>(path);
    expect(shown.suppressed).toBe(true);
    expect(shown.total.entered.value).toBe(counts[0]);
    for (const [i, step] of shown.total.steps.entries()) {
      if (allShown) expect(step.reached).toEqual({ value: counts[i], suppressed: false });
      else
        expect(
          step.reached.value === counts[i] || (step.reached.suppressed && step.reached.value === null),
        ).toBe(true);
    }
  });

  it.each(['fi', 'sv', 'en'] as const)('is axe-clean in %s', async (language) => {
    await chooseLanguage(page, language);
    await page.getByRole('heading', { level: 1, name: chainMessages[language].title }).waitFor();
    await page.locator('section[aria-labelledby="chain-flow-table"] tbody tr').first().waitFor();
    const violations = await accessibilityViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

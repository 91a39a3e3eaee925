import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainList, ChainResult, ChainVersionList } from '../../src/model/index.js';
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
    await page.screenshot({ path: join(county.screenshotDir, 'chains-fi.png'), fullPage: true });
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
    // The editor open, with an error in words beside a field, and the version history.
    await page.locator('.chain-editor-details').evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    const form = page.locator('.chain-editor-details .chain-editor');
    await form.getByLabel(chainMessages[language].edit.ageFrom, { exact: true }).fill('x');
    await form.locator('.chain-field-error').first().waitFor();
    // The new-chain form open too, copying the chain in view, with its id refused in words.
    await page.locator('.chain-new-details').evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    const create = page.locator('.chain-new-details');
    await create.getByLabel(chainMessages[language].create.startFrom).selectOption({ index: 1 });
    await create.getByLabel(chainMessages[language].edit.id, { exact: true }).fill('Uusi ketju');
    await create.locator('.chain-field-error').first().waitFor();
    await page.locator('.chain-history tbody tr').first().waitFor();
    const violations = await accessibilityViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('edits a shipped chain as version 2, with errors in words, steps moved by keyboard, the funnel recomputed', async () => {
    await page.goto(`${county.url}/chains?chain=hip-fracture`);
    await chooseLanguage(page, 'fi');
    const text = chainMessages.fi;
    const e = text.edit;
    const year = new Date().getFullYear() - 1;
    const path = `/api/chains/hip-fracture/results?period=${year}`;
    const before = await apiAs(analyst, county)<ChainResult>(path);
    await page.getByText(e.open, { exact: true }).click();
    const form = page.locator('.chain-editor-details .chain-editor');

    // A wrong value is named beside its field, and nothing is saved.
    const end = form.getByLabel(e.withinDaysOfEntry, { exact: true });
    await end.fill('kymmenen');
    await form.getByRole('button', { name: e.save }).click();
    await form.getByRole('alert').filter({ hasText: e.invalid }).waitFor();
    await form.locator('.chain-field-error', { hasText: e.errors.wholeNumber(0, 3650) }).waitFor();
    expect(await end.getAttribute('aria-invalid')).toBe('true');

    // Steps move with the keyboard; focus stays with the moved step.
    const steps = form.locator('fieldset.chain-step-edit > legend');
    const firstTitle = `${e.step(1)}: Päivystys`;
    await form.getByRole('button', { name: e.moveDown(firstTitle) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => steps.nth(1).textContent()).toBe(`${e.step(2)}: Päivystys`);
    const moveBack = form.getByRole('button', { name: e.moveUp(`${e.step(2)}: Päivystys`) });
    await form.getByRole('button', { name: e.moveDown(`${e.step(2)}: Päivystys`) }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(
      e.moveDown(`${e.step(2)}: Päivystys`),
    );
    await moveBack.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => steps.nth(0).textContent()).toBe(firstTitle);

    // A shorter end rule: fewer reach the last step within it.
    await end.fill('10');
    await form.getByRole('button', { name: e.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: e.saved(2) })
      .waitFor();
    await page.getByText(text.version(2), { exact: true }).waitFor();
    const versions = await apiAs(page, county)<ChainVersionList>('/api/chains/hip-fracture/versions');
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const history = page.locator('.chain-history tbody tr');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.first().locator('th').textContent()).toBe('2');

    const after = await apiAs(analyst, county)<ChainResult>(path);
    expect(after.version).toBe(2);
    const last = (r: ChainResult) => r.total.steps.at(-1)?.reached.value ?? 0;
    expect(last(after)).toBeLessThan(last(before));
    const shown = await apiAs(page, county)<ChainResult>(`${path}&by=municipality`);
    const rows = page.locator('section[aria-labelledby="chain-flow-table"] tbody tr');
    for (const [i, step] of shown.total.steps.entries()) {
      const printed = step.reached.value === null ? '<5' : formatNumber('fi', step.reached.value);
      await expect.poll(() => rows.nth(i).locator('td').first().textContent()).toContain(printed);
    }
  });

  it('creates a chain by copying another under a new id, refusing a malformed or taken id, as version 1', async () => {
    await page.goto(`${county.url}/chains?chain=hip-fracture`);
    await chooseLanguage(page, 'fi');
    const text = chainMessages.fi;
    const c = text.create;
    const chains = await apiAs(page, county)<ChainList>('/api/chains');
    const hip = chains.find((chain) => chain.definition.id === 'hip-fracture');
    if (!hip) throw new Error('no hip-fracture chain');
    await page.getByText(c.open, { exact: true }).click();
    const create = page.locator('.chain-new-details');
    await create.getByLabel(c.startFrom).selectOption({ label: c.copyOf(hip.definition.nameFi) });
    const form = create.locator('.chain-editor');
    // The copy holds the chain's steps; only the id is asked for.
    expect(await form.getByLabel(text.edit.nameFi, { exact: true }).first().inputValue()).toBe(
      hip.definition.nameFi,
    );
    const id = form.getByLabel(text.edit.id, { exact: true });
    await form.getByRole('button', { name: c.save }).click();
    await form.getByRole('alert').filter({ hasText: text.edit.invalid }).waitFor();
    await form.locator('.chain-field-error', { hasText: text.edit.errors.required() }).waitFor();
    await id.fill('Lonkka kopio');
    await form.locator('.chain-field-error', { hasText: text.edit.errors.chainId() }).waitFor();
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    await id.fill('hip-fracture');
    await form.locator('.chain-field-error', { hasText: text.edit.errors.takenChainId() }).waitFor();
    await id.fill('lonkka-kopio');
    await form.getByRole('button', { name: c.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: c.created('lonkka-kopio') })
      .waitFor();
    await page.waitForURL((url) => url.searchParams.get('chain') === 'lonkka-kopio', { timeout: 60_000 });
    await page.getByText(text.version(1), { exact: true }).waitFor();
    const versions = await apiAs(page, county)<ChainVersionList>('/api/chains/lonkka-kopio/versions');
    expect(versions.map((v) => [v.version, v.savedAt !== null])).toEqual([[1, true]]);
    const saved = await apiAs(page, county)<ChainList>('/api/chains');
    expect(saved.find((chain) => chain.definition.id === 'lonkka-kopio')?.definition.steps).toEqual(
      hip.definition.steps,
    );
    // Its figures are the chain's it was copied from.
    const year = new Date().getFullYear() - 1;
    const [copied, original] = await Promise.all(
      ['lonkka-kopio', 'hip-fracture'].map((chainId) =>
        apiAs(analyst, county)<ChainResult>(`/api/chains/${chainId}/results?period=${year}`),
      ),
    );
    expect(copied?.total.steps.map((s) => s.reached.value)).toEqual(
      original?.total.steps.map((s) => s.reached.value),
    );
    await page
      .locator('section[aria-labelledby="chain-flow-table"] tbody tr')
      .first()
      .waitFor({ timeout: 60_000 });
  });

  it('edits the return rule’s days as a new version: the page names the days, the returns are counted again', async () => {
    await page.goto(`${county.url}/chains?chain=lonkka-kopio`);
    await chooseLanguage(page, 'fi');
    const text = chainMessages.fi;
    const e = text.edit;
    const year = new Date().getFullYear() - 1;
    const path = `/api/chains/lonkka-kopio/results?period=${year}`;
    const before = await apiAs(analyst, county)<ChainResult>(path);
    await page.getByText(text.returns(30), { exact: false }).first().waitFor({ timeout: 60_000 });
    await page.getByText(e.open, { exact: true }).click();
    const form = page.locator('.chain-editor-details .chain-editor');
    const days = form.getByLabel(e.returnWithinDays, { exact: true });
    await days.fill('400');
    await form.locator('.chain-field-error', { hasText: e.errors.wholeNumber(1, 365) }).waitFor();
    await days.fill('365');
    await form.getByRole('button', { name: e.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: e.saved(2) })
      .waitFor();
    await page.getByText(text.returns(365), { exact: false }).first().waitFor({ timeout: 60_000 });
    const after = await apiAs(analyst, county)<ChainResult>(path);
    expect(after.version).toBe(2);
    // The same entries, more of them counted as returning within a year than within a month.
    expect(after.total.entered.value).toBe(before.total.entered.value);
    expect(after.total.returns.value ?? 0).toBeGreaterThan(before.total.returns.value ?? 0);
    const chains = await apiAs(page, county)<ChainList>('/api/chains');
    expect(chains.find((c) => c.definition.id === 'lonkka-kopio')?.definition.returns.withinDays).toBe(365);
  });

  it('shows no editing to a planner, who sees the chain and its versions', async () => {
    const planner = await browser.newPage();
    try {
      await signIn(planner, county, 'planner', '/chains?chain=hip-fracture');
      await planner.locator('section[aria-labelledby="chain-flow-table"] tbody tr').first().waitFor();
      await planner.locator('.chain-history tbody tr').first().waitFor();
      expect(await planner.locator('.chain-editor-details, .chain-editor').count()).toBe(0);
      expect(await planner.getByText(chainMessages.fi.edit.open).count()).toBe(0);
    } finally {
      await planner.close();
    }
  });
});

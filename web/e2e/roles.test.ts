import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/messages.js';
import { indicatorsMessages } from '../src/pages/indicators/messages.js';
import { networkMessages } from '../src/pages/network/messages.js';
import { overviewMessages } from '../src/pages/overview/messages.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { testCsrfToken } from './test-access.js';

const fi = dictionaries.fi;

/**
 * Each role sees what it may use and nothing else: controls and pages it may not use are not drawn at
 * all. The role comes from the test authenticator's headers here; sign-in itself is tested elsewhere.
 */
describe('what each role is shown', () => {
  let county: TestCounty;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const pageAs = async (headers: Record<string, string>): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: headers,
    });
    contexts.push(context);
    return context.newPage();
  };
  const menuLinks = (page: Page) =>
    page.getByRole('navigation', { name: fi.app.mainNavigation }).getByRole('link').allTextContents();

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await county?.close();
  });

  it('shows an analyst signed in, with the editing controls and net costs, and no users or audit page', async () => {
    const page = await pageAs({});
    await page.goto(county.url);
    await page.locator('.tiles .tile').first().waitFor();
    const account = page.getByRole('region', { name: fi.session.account });
    expect(await account.textContent()).toContain(fi.session.roles.analyst);
    expect(await account.getByRole('button', { name: fi.session.signOut }).count()).toBe(1);
    expect(await page.getByRole('button', { name: overviewMessages.fi.actions.edit }).count()).toBe(1);
    expect(await menuLinks(page)).not.toContain(fi.nav.users);
    expect(await menuLinks(page)).not.toContain(fi.nav.audit);
    await page.goto(`${county.url}/indicators`);
    await page.locator('#cost-table tbody tr').first().waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await page.screenshot({ path: join(county.screenshotDir, 'roles-analyst.png') });
  });

  it('sends the session’s CSRF token with every write', async () => {
    const page = await pageAs({});
    await page.goto(`${county.url}/network`);
    const evaluation = await page.waitForRequest((request) => request.method() === 'POST');
    expect(evaluation.headers()['x-csrf-token']).toBe(testCsrfToken);
  });

  it('shows a producer no editing, no net costs, no network workspace and no import history', async () => {
    const page = await pageAs({ 'x-soteatlas-role': 'producer', 'x-soteatlas-producer': 'P1' });
    await page.goto(county.url);
    await page.locator('.tiles .tile').first().waitFor();
    const account = page.getByRole('region', { name: fi.session.account });
    expect(await account.textContent()).toContain(fi.session.producerScope('P1'));
    expect(await page.getByRole('button', { name: overviewMessages.fi.actions.edit }).count()).toBe(0);
    // Nothing on the page waits for net costs, so the page is judged once its requests have settled.
    await page.goto(`${county.url}/indicators`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { name: indicatorsMessages.fi.cost.title }).count()).toBe(0);
    // The Network page is a planner's workspace, where every figure comes from evaluating a scenario.
    expect(await menuLinks(page)).not.toContain(fi.nav.network);
    await page.goto(`${county.url}/data`, { waitUntil: 'networkidle' });
    expect(await page.locator('#imports').count()).toBe(0);
  });

  it('lets a planner evaluate scenarios but not edit the monitoring set', async () => {
    const page = await pageAs({ 'x-soteatlas-role': 'planner' });
    await page.goto(`${county.url}/network`);
    await page.getByRole('button', { name: networkMessages.fi.scenarios.save }).waitFor();
    await page.goto(county.url);
    await page.locator('.tiles .tile').first().waitFor();
    expect(await page.getByRole('button', { name: overviewMessages.fi.actions.edit }).count()).toBe(0);
  });

  it('gives a manager no users page: not in the menu, and its address says there is no access', async () => {
    const page = await pageAs({ 'x-soteatlas-role': 'manager' });
    await page.goto(county.url);
    await page.locator('.tiles .tile').first().waitFor();
    expect(await page.getByRole('button', { name: overviewMessages.fi.actions.edit }).count()).toBe(1);
    expect(await menuLinks(page)).not.toContain(fi.nav.users);
    await page.goto(`${county.url}/users`);
    await page.getByRole('heading', { level: 1, name: fi.session.noAccess.title }).waitFor();
    expect(await page.locator('#users').count()).toBe(0);
  });

  it('puts the users page in an administrator’s menu and the audit page in an auditor’s', async () => {
    const admin = await pageAs({ 'x-soteatlas-role': 'administrator' });
    await admin.goto(county.url);
    await admin.getByRole('link', { name: fi.nav.users }).waitFor();
    expect(await menuLinks(admin)).not.toContain(fi.nav.audit);
    const auditor = await pageAs({ 'x-soteatlas-role': 'auditor' });
    await auditor.goto(county.url);
    await auditor.getByRole('link', { name: fi.nav.audit }).waitFor();
    expect(await menuLinks(auditor)).not.toContain(fi.nav.users);
  });
});

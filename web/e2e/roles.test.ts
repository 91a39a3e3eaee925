import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/model/index.js';
import { dictionaries } from '../src/i18n/messages.js';
import { indicatorsMessages } from '../src/pages/indicators/messages.js';
import { networkMessages } from '../src/pages/network/messages.js';
import { overviewMessages } from '../src/pages/overview/messages.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const fi = dictionaries.fi;

/**
 * Each role, signed in through the demo identity provider, sees what it may use and nothing else:
 * controls and pages it may not use are not drawn at all.
 */
describe('what each role is shown', () => {
  let county: TestCounty;
  let browser: Browser;

  /** A browser of its own for each person, signed in at `returnTo`. */
  const signedIn = async (userId: string, returnTo = '/'): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, county, userId, returnTo);
    return page;
  };
  const menuLinks = (page: Page) =>
    page.getByRole('navigation', { name: fi.app.mainNavigation }).getByRole('link').allTextContents();
  const account = (page: Page) => page.getByRole('region', { name: fi.session.account });
  const editButton = (page: Page) => page.getByRole('button', { name: overviewMessages.fi.actions.edit });

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('shows an analyst signed in, with the editing controls and net costs, and no users or audit page', async () => {
    const page = await signedIn('analyst');
    await page.locator('.tiles .tile').first().waitFor();
    expect(await account(page).textContent()).toContain(fi.session.roles.analyst);
    expect(await account(page).getByRole('button', { name: fi.session.signOut }).count()).toBe(1);
    expect(await editButton(page).count()).toBe(1);
    expect(await menuLinks(page)).not.toContain(fi.nav.users);
    expect(await menuLinks(page)).not.toContain(fi.nav.audit);
    // Net costs per resident are unsuppressed figures: only those who may see them are shown them.
    await page.goto(`${county.url}/indicators`);
    await page.locator('#cost-table tbody tr').first().waitFor();
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
    await page.screenshot({ path: join(county.screenshotDir, 'roles-analyst.png') });
  });

  it('sends the session’s CSRF token with every write', async () => {
    const page = await signedIn('planner');
    const session = await apiAs(page, county)<SessionInfo>('/api/session');
    const evaluation = page.waitForRequest((request) => request.method() === 'POST');
    await page.goto(`${county.url}/network`);
    expect((await evaluation).headers()['x-csrf-token']).toBe(session.csrfToken);
    await page.getByRole('button', { name: networkMessages.fi.scenarios.save }).waitFor();
    await page.goto(county.url);
    await page.locator('.tiles .tile').first().waitFor();
    expect(await editButton(page).count()).toBe(0);
  });

  it('shows a producer its producer, and no editing, net costs, network workspace or import history', async () => {
    const page = await signedIn('producer-kaislikko');
    await page.locator('.tiles .tile').first().waitFor();
    expect(await account(page).textContent()).toContain(fi.session.producerScope('KAISLIKKO'));
    expect(await editButton(page).count()).toBe(0);
    expect(await menuLinks(page)).not.toContain(fi.nav.network);
    // Nothing on these pages waits for what is left out, so they are judged once their requests settle.
    await page.goto(`${county.url}/indicators`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { name: indicatorsMessages.fi.cost.title }).count()).toBe(0);
    await page.goto(`${county.url}/data`, { waitUntil: 'networkidle' });
    expect(await page.locator('#imports').count()).toBe(0);
  });

  it('gives a manager no users page: not in the menu, and its address says there is no access', async () => {
    const page = await signedIn('manager');
    await page.locator('.tiles .tile').first().waitFor();
    expect(await editButton(page).count()).toBe(1);
    expect(await menuLinks(page)).not.toContain(fi.nav.users);
    await page.goto(`${county.url}/users`);
    await page.getByRole('heading', { level: 1, name: fi.session.noAccess.title }).waitFor();
    expect(await page.locator('#users').count()).toBe(0);
  });

  it('signs out: the session ends and the editing controls go with it', async () => {
    const page = await signedIn('steering');
    await editButton(page).waitFor();
    await account(page).getByRole('button', { name: fi.session.signOut }).click();
    await page.getByRole('link', { name: fi.session.signIn }).waitFor();
    expect(await editButton(page).count()).toBe(0);
    expect((await apiAs(page, county)<SessionInfo>('/api/session')).user).toBeUndefined();
    await page.reload();
    await page.getByRole('link', { name: fi.session.signIn }).waitFor();
  });
});

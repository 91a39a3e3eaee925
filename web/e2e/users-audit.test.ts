import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, UnitList } from '../../src/model/index.js';
import { dictionaries } from '../src/i18n/messages.js';
import { auditMessages } from '../src/pages/audit/messages.js';
import { usersMessages } from '../src/pages/users/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const fi = dictionaries.fi;
const users = usersMessages.fi;
const audit = auditMessages.fi;

/** The administrator's Users page and the auditor's Audit page, with the people signed in for real. */
describe('the users and audit pages', () => {
  let county: TestCounty;
  let browser: Browser;

  const signedIn = async (userId: string, returnTo = '/'): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, county, userId, returnTo);
    return page;
  };
  const nameOf = (id: string) => county.demoUsers.find((user) => user.id === id)?.name ?? id;

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('shows a producer only its own units', async () => {
    const page = await signedIn('producer-kaislikko', '/data');
    const units = await apiAs(page, county)<UnitList>('/api/units');
    expect(units.units.length).toBeGreaterThan(0);
    expect(new Set(units.units.map((unit) => unit.producerCode))).toEqual(new Set(['KAISLIKKO']));
    await page.locator('#units tbody tr').first().waitFor();
    expect(await page.locator('#units tbody tr').count()).toBe(units.units.length);
  });

  it('lets an administrator disable a user, whose next request finds them signed out', async () => {
    const manager = await signedIn('manager');
    const admin = await signedIn('administrator', '/users');
    const row = admin.locator('#users tbody tr', {
      has: admin.getByRole('rowheader', { name: nameOf('manager') }),
    });
    await row.waitFor();
    expect(await row.textContent()).toContain(fi.session.roles.manager);
    await row.getByRole('button', { name: users.disable }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: users.disabledNow(nameOf('manager')) })
      .waitFor();
    await row.getByText(users.disabled, { exact: true }).waitFor();
    expect(describeViolations(await accessibilityViolations(admin))).toBe('');
    await admin.screenshot({ path: join(county.screenshotDir, 'users-page-fi.png'), fullPage: true });

    expect((await apiAs(manager, county)<SessionInfo>('/api/session')).user).toBeUndefined();
    await manager.reload();
    await manager.getByRole('link', { name: fi.session.signIn }).waitFor();

    await row.getByRole('button', { name: users.enable }).click();
    await row.getByText(users.active, { exact: true }).waitFor();
  });

  it('lets an administrator limit a user to some municipalities', async () => {
    await signedIn('planner');
    const admin = await signedIn('administrator', '/users');
    const row = admin.locator('#users tbody tr', {
      has: admin.getByRole('rowheader', { name: nameOf('planner') }),
    });
    await row.getByRole('button', { name: users.edit }).click();
    const form = admin.locator('#user-access');
    await form.getByLabel(users.form.someAreas).check();
    const first = form.locator('.access-form__areas input[type="checkbox"]').first();
    await first.check();
    const code = /\((\d{3})\)/.exec(
      (await form.locator('.access-form__areas label').first().textContent()) ?? '',
    )?.[1];
    await form.getByRole('button', { name: users.form.save }).click();
    await form.waitFor({ state: 'detached' });
    await row
      .locator('td')
      .nth(2)
      .getByText(code ?? '', { exact: true })
      .waitFor();
  });

  it('lets an auditor filter the log by user, day and outcome, and export what the filter shows', async () => {
    const auditor = await signedIn('auditor', '/audit');
    await auditor.locator('#audit-rows tbody tr').first().waitFor();
    const today = new Date();
    await auditor.getByRole('textbox', { name: audit.filters.user, exact: true }).fill('auditor');
    await auditor
      .getByLabel(audit.filters.from, { exact: true })
      .fill(`${today.getDate()}.${today.getMonth() + 1}.${today.getFullYear()}`);
    await auditor.getByRole('button', { name: audit.filters.apply }).click();
    await auditor.waitForURL((url) => url.searchParams.get('user') === 'auditor');
    await auditor.locator('#audit-rows tbody tr').first().waitFor();
    const who = await auditor.locator('#audit-rows tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(who)).toEqual(new Set([nameOf('auditor')]));
    await auditor.getByLabel(audit.filters.outcome).selectOption('denied');
    await auditor.getByRole('button', { name: audit.filters.apply }).click();
    await auditor.waitForURL((url) => url.searchParams.get('outcome') === 'denied');
    await auditor.waitForLoadState('networkidle');
    const outcomes = await auditor.locator('#audit-rows tbody tr td:nth-child(6)').allTextContents();
    for (const outcome of outcomes) expect(outcome).toContain(audit.outcomes.denied);

    const href = await auditor.getByRole('link', { name: audit.exportCsv }).getAttribute('href');
    expect(href).toContain('/api/audit.csv?');
    expect(href).toContain('user=auditor');
    expect(href).toContain('outcome=denied');
    const csv = await auditor.request.get(`${county.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');

    await auditor.getByLabel(audit.filters.to, { exact: true }).fill('31.2.2026');
    await auditor.getByRole('button', { name: audit.filters.apply }).click();
    await auditor.getByText(audit.filters.badDay).waitFor();
    for (const language of ['fi', 'sv', 'en'] as const) {
      await chooseLanguage(auditor, language);
      expect(describeViolations(await accessibilityViolations(auditor))).toBe('');
    }
    await auditor.screenshot({ path: join(county.screenshotDir, 'audit-page-en.png'), fullPage: true });
  });
});

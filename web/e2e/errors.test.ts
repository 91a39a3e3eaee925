import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleList, SessionInfo } from '../../src/model/index.js';
import { dictionaries } from '../src/i18n/messages.js';
import { overviewMessages } from '../src/pages/overview/messages.js';
import { chooseLanguage } from './app.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

/**
 * A refusal reaches the reader in the page's language, told from the API's error code; the server's
 * English message never shows.
 */
describe('an error on the page', () => {
  let county: TestCounty;
  let browser: Browser;

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  /** Takes editTargets away from `role`, as the administrator would on the Users page. */
  const takeEditingFrom = async (role: 'manager' | 'steering') => {
    const context = await browser.newContext();
    try {
      const admin = await context.newPage();
      await signIn(admin, county, 'administrator');
      const { csrfToken } = await apiAs(admin, county)<SessionInfo>('/api/session');
      const { roles } = await apiAs(admin, county)<RoleList>('/api/roles');
      const response = await admin.request.put(`${county.url}/api/roles/${role}`, {
        headers: { 'x-csrf-token': csrfToken ?? '' },
        data: { permissions: (roles[role] ?? []).filter((p) => p !== 'editTargets') },
      });
      expect(response.status()).toBe(200);
    } finally {
      await context.close();
    }
  };

  // Each language with a role of its own: an administrator cannot give back what they do not hold.
  it.each([
    ['fi', 'manager'],
    ['sv', 'steering'],
  ] as const)(
    'tells a reader whose rights were taken away since the page loaded that the save was refused, in %s',
    async (language, role) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, county, role);
      try {
        if (language !== 'fi') await chooseLanguage(page, language);
        const text = overviewMessages[language];
        await page.locator('.tiles .tile').first().waitFor();
        await page.getByRole('button', { name: text.actions.edit }).click();
        await takeEditingFrom(role);
        const refused = page.waitForResponse(
          (response) => response.request().method() === 'PUT' && response.status() === 403,
        );
        await page.getByRole('button', { name: text.editor.save, exact: true }).click();
        expect(await (await refused).json()).toMatchObject({ error: 'forbidden' });
        const alert = page.locator('.set-editor .status--error[role="alert"]');
        await alert.waitFor();
        const shown = await alert.textContent();
        expect(shown).toBe(text.editor.failed(dictionaries[language].errors.forbidden));
        expect(shown).not.toMatch(/editTargets|permission/i);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

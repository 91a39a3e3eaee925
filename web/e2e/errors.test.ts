import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/messages.js';
import { overviewMessages } from '../src/pages/overview/messages.js';
import { chooseLanguage } from './app.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';

/**
 * A refusal reaches the reader in the page's language, told from the API's error code; the server's
 * English message ("…edited by the county, not by producers.") never shows.
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

  it.each(['fi', 'sv'] as const)(
    'tells a reader whose rights were taken away since the page loaded that the save was refused, in %s',
    async (language) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The page was loaded by someone who may edit; by the time they save, the server sees a producer.
      await page.route('**/api/monitoring-sets/*', (route) =>
        route.request().method() === 'PUT'
          ? route.continue({
              headers: {
                ...route.request().headers(),
                'x-soteatlas-role': 'producer',
                'x-soteatlas-producer': 'P1',
              },
            })
          : route.continue(),
      );
      try {
        await page.goto(county.url);
        if (language !== 'fi') await chooseLanguage(page, language);
        const text = overviewMessages[language];
        await page.locator('.tiles .tile').first().waitFor();
        await page.getByRole('button', { name: text.actions.edit }).click();
        const refused = page.waitForResponse(
          (response) => response.request().method() === 'PUT' && response.status() === 403,
        );
        await page.getByRole('button', { name: text.editor.save, exact: true }).click();
        expect(await (await refused).json()).toMatchObject({ error: 'forbidden' });
        const alert = page.locator('.set-editor .status--error[role="alert"]');
        await alert.waitFor();
        const shown = await alert.textContent();
        expect(shown).toBe(text.editor.failed(dictionaries[language].errors.forbidden));
        expect(shown).not.toMatch(/producer|county/i);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endonymOf, type Language, languages } from '../src/i18n/languages.js';
import { dictionaries } from '../src/i18n/messages.js';
import { analystPages, chooseLanguage, headingOf, openFromMenu, waitForDataPage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { signIn } from './sign-in.js';

describe('the app frame', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'analyst');
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  const heading = () => page.getByRole('heading', { level: 1 });
  const htmlLang = () => page.evaluate(() => document.documentElement.lang);

  it('opens on the overview, in Finnish, with the language in <html lang>', async () => {
    await page.goto(county.url);
    expect(await heading().textContent()).toBe(dictionaries.fi.nav.overview);
    expect(await htmlLang()).toBe('fi');
    expect(await page.title()).toBe(`${dictionaries.fi.nav.overview} – Soteatlas`);
    const finnish = page.getByRole('button', { name: endonymOf.fi });
    expect(await finnish.getAttribute('aria-pressed')).toBe('true');
  });

  it('has a header, a named menu, a main region and a footer', async () => {
    await expect(page.getByRole('banner').count()).resolves.toBe(1);
    await expect(
      page.getByRole('navigation', { name: dictionaries.fi.app.mainNavigation }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.getByRole('contentinfo').count()).resolves.toBe(1);
  });

  it('lets keyboard users skip the menu straight to the content', async () => {
    await page.goto(county.url);
    await heading().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      dictionaries.fi.app.skipToContent,
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(await heading().textContent()).toBe(dictionaries.fi.nav.overview);
  });

  for (const language of languages) {
    it(`shows every page with its heading in ${language}, marks the current one, and its frame passes axe (WCAG 2.1 AA)`, async () => {
      await page.goto(county.url);
      await chooseLanguage(page, language);
      expect(await htmlLang()).toBe(language);
      const failures: string[] = [];
      for (const target of analystPages) {
        await openFromMenu(page, target, language);
        const current = page.locator('nav a[aria-current="page"]');
        expect(await current.textContent()).toBe(dictionaries[language].nav[target]);
        if (target === 'data') await waitForDataPage(page);
        // The working pages have browser tests of their own; here they need only a heading.
        else expect((await heading().textContent())?.trim()).not.toBe('');
        // The frame and the document as a whole; each page's own browser test checks its content once
        // loaded, in the three languages (here it would be checked half-drawn, at three times the cost).
        const violations = await accessibilityViolations(page, { exclude: ['#main'] });
        if (violations.length > 0)
          failures.push(`${target} (${language}):\n${describeViolations(violations)}`);
        await page.screenshot({
          path: join(county.screenshotDir, `${target}-${language}.png`),
          fullPage: language === 'fi',
        });
      }
      if (failures.length > 0) console.error(failures.join('\n\n'));
      expect(failures).toEqual([]);
    });
  }

  it('changes the texts, the title and <html lang> when the language is switched', async () => {
    await page.goto(`${county.url}/forecast`);
    await chooseLanguage(page, 'fi');
    const texts = async () => ({
      heading: await heading().textContent(),
      skip: await page.locator('.skip-link').textContent(),
      title: await page.title(),
      lang: await htmlLang(),
    });
    const seen = new Map<Language, Awaited<ReturnType<typeof texts>>>();
    for (const language of languages) {
      await chooseLanguage(page, language);
      seen.set(language, await texts());
    }
    for (const language of languages) {
      expect(seen.get(language)).toEqual({
        heading: dictionaries[language].nav.forecast,
        skip: dictionaries[language].app.skipToContent,
        title: `${dictionaries[language].nav.forecast} – Soteatlas`,
        lang: language,
      });
    }
  });

  it('remembers the chosen language across a reload', async () => {
    await page.goto(`${county.url}/network`);
    await chooseLanguage(page, 'sv');
    await page.reload();
    await heading().waitFor();
    expect(await htmlLang()).toBe('sv');
    expect(await heading().textContent()).toBe(dictionaries.sv.nav.network);
    expect(await page.getByRole('button', { name: endonymOf.sv }).getAttribute('aria-pressed')).toBe('true');
    await chooseLanguage(page, 'fi');
  });

  it('opens a page directly from its address and moves focus to its heading after navigation', async () => {
    await page.goto(`${county.url}/producers`);
    expect(await heading().textContent()).toBe(headingOf('producers', 'fi'));
    await openFromMenu(page, 'programme', 'fi');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('follows the browser history back and forward', async () => {
    await page.goto(`${county.url}/indicators`);
    await openFromMenu(page, 'network', 'fi');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: headingOf('indicators', 'fi') }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: headingOf('network', 'fi') }).waitFor();
  });

  it('answers an unknown address with a page that says so and passes axe', async () => {
    await page.goto(`${county.url}/no-such-page`);
    expect(await heading().textContent()).toBe(dictionaries.fi.notFound.title);
    expect(describeViolations(await accessibilityViolations(page))).toBe('');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { defaultRolePermissions } from '../../src/model/index.js';
import { endonymOf, type Language } from '../src/i18n/languages.js';
import { dictionaries } from '../src/i18n/messages.js';
import { type PageId, pagesFor, pathOf } from '../src/routing/pages.js';

/** The pages in an analyst's menu: the browser tests work as one unless they sign in otherwise. */
export const analystPages: PageId[] = pagesFor(defaultRolePermissions.analyst);

/** The heading each page shows, taken from the same dictionaries the app uses. */
export const headingOf = (page: PageId, language: Language): string => {
  const t = dictionaries[language];
  return page === 'data' ? t.data.title : t.nav[page];
};

export const chooseLanguage = async (page: Page, language: Language): Promise<void> => {
  await page.getByRole('button', { name: endonymOf[language] }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
};

/** Follows the main menu's link, as a user would, and waits for the page's heading. */
export const openFromMenu = async (page: Page, target: PageId, language: Language): Promise<void> => {
  const menu = page.getByRole('navigation', { name: dictionaries[language].app.mainNavigation });
  await menu.getByRole('link', { name: dictionaries[language].nav[target], exact: true }).click();
  await page.waitForURL((url) => url.pathname === pathOf(target));
  await page.getByRole('heading', { level: 1, name: headingOf(target, language) }).waitFor();
};

/** The Data page has finished when its tables have rows and the map has drawn its first frame. */
export const waitForDataPage = async (page: Page): Promise<void> => {
  await page.locator('#imports tbody tr').first().waitFor();
  await page.locator('#units tbody tr').first().waitFor();
  await page.locator('.county-map[aria-busy="false"]').waitFor();
};

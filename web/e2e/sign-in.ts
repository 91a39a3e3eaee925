import type { Page } from 'playwright-core';
import type { TestCounty } from './harness.js';

/**
 * Signs in as the demo user `userId`, as a person would: the app's sign-in page, the user's link, then
 * the user's button on the demo identity provider's page, and back to `returnTo` signed in. Use a fresh
 * browser context for each user.
 */
export const signIn = async (
  page: Page,
  county: TestCounty,
  userId: string,
  returnTo = '/',
): Promise<void> => {
  const user = county.demoUsers.find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`the demo provider has no user ${userId}`);
  await page.goto(`${county.url}/signin?${new URLSearchParams({ returnTo }).toString()}`);
  await page.getByRole('link', { name: user.name, exact: true }).click();
  await page.getByRole('button', { name: user.name, exact: true }).click();
  const app = new URL(county.url).origin;
  await page.waitForURL((url) => url.origin === app && `${url.pathname}${url.search}` === returnTo);
  await page.locator('.session-bar__name', { hasText: user.name }).waitFor();
};

/** Reads the API as the page's signed-in user: the request shares the browser context's cookies. */
export const apiAs =
  (page: Page, county: TestCounty) =>
  async <T>(path: string): Promise<T> => {
    const response = await page.request.get(`${county.url}${path}`);
    if (!response.ok()) throw new Error(`GET ${path}: ${response.status()}`);
    return (await response.json()) as T;
  };

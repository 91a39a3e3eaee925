import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { onTestFinished } from 'vitest';

/**
 * How long a browser action or wait may take before the test fails: a guard against a hang, not a
 * measure of speed. The whole suite runs a worker more than there are cores, and a page that computes
 * accessibility or a forecast can wait long for its turn; Playwright's own 30 s is too short for that.
 */
export const browserWaitLimitMs = 120_000;

/**
 * Debian's Chromium, headless. There is no GPU here, so WebGL (which MapLibre needs) comes from
 * SwiftShader, the software renderer; the network-related flags keep the browser from calling home.
 */
export const launchBrowser = async (): Promise<Browser> => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
  // Browser.newPage makes its context through newContext, so this covers both.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(browserWaitLimitMs);
    closeWhenTestEnds(context);
    return context;
  };
  return browser;
};

/**
 * A context opened by a test is closed when that test ends: a page left open goes on drawing its map and
 * running its scripts beside every later test of the file. One opened before the tests (in `beforeAll`),
 * to be shared by them, lives until the browser closes; vitest says which by refusing the hook outside a
 * test.
 */
const closeWhenTestEnds = (context: BrowserContext): void => {
  try {
    onTestFinished(() => context.close());
  } catch {
    // Not inside a test: a shared context.
  }
};

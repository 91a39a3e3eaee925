import { type Browser, chromium } from 'playwright-core';

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
    return context;
  };
  return browser;
};

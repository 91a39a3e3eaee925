import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless. There is no GPU here, so WebGL (which MapLibre needs) comes from
 * SwiftShader, the software renderer; the network-related flags keep the browser from calling home.
 */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
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

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

// Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not
// govern: a script tag added to the page would be refused as inline script.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 level A and AA rules: what the project promises, and no best-practice extras. */
const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Parts of the page left out of a check, as CSS selectors: a test of the app's frame leaves each page's
 * content to that page's own test, which checks it once its data has loaded.
 */
export interface AxeScope {
  exclude?: readonly string[];
}

/** Runs axe-core on the page as it is now and returns its violations. */
export const accessibilityViolations = async (page: Page, scope: AxeScope = {}): Promise<Result[]> => {
  // Colours are checked as the reader sees them once a table or panel has faded in, not half-way: a
  // busy machine can reach this line mid-transition. Endless animations (a spinner) are not waited for.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== 'running' ||
              animation.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
          ),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(
    ({ tags, exclude }) =>
      (window as unknown as { axe: { run(context: object, options: object): Promise<AxeResults> } }).axe.run(
        { include: [['html']], exclude: exclude.map((selector) => [selector]) },
        { runOnly: { type: 'tag', values: tags } },
      ),
    { tags: wcag21aa, exclude: [...(scope.exclude ?? [])] },
  );
  return results.violations;
};

/** One line per failing element, so that a failing test says what to fix and where. */
export const describeViolations = (violations: Result[]): string =>
  violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'unknown'}): ${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`,
      ),
    )
    .join('\n');

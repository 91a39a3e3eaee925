import type { Page } from 'playwright-core';

/**
 * Collects what the server's Content-Security-Policy blocked on `page`: the browser reports each block
 * as a securitypolicyviolation event in the page and a console error. The list is filled as the page
 * runs; a test expects it empty once the page has done its work.
 */
export const collectCspViolations = async (page: Page): Promise<string[]> => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
};

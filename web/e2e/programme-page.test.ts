import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeView, ProjectView } from '../../src/model/index.js';
import { dictionaries } from '../src/i18n/messages.js';
import { programmeMessages } from '../src/pages/programme/messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const languages = ['fi', 'sv', 'en'] as const;

/** The steering group's Programme page, signed in as its member (who sees suppressed figures). */
describe('the Programme page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let view: ProgrammeView;
  const pageErrors: string[] = [];
  const ready = () => page.locator('.programme-ready').waitFor();

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, county, 'steering', '/programme');
    view = await apiAs(page, county)<ProgrammeView>('/api/programme');
    await ready();
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('shows the portfolio, the counts by course and the 5×5 risk matrix, axe-clean in three languages', async () => {
    expect(view.projects).toHaveLength(8);
    const failures: string[] = [];
    for (const language of languages) {
      const text = programmeMessages[language];
      await chooseLanguage(page, language);
      await ready();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        dictionaries[language].nav.programme,
      );
      const { onCourse, uncertain, offCourse, unknown } = view.counts;
      expect(await page.locator('.programme-counts').textContent()).toBe(
        text.summary(onCourse, uncertain, offCourse, unknown),
      );
      const rows = page.locator('#portfolio tbody tr');
      expect(await rows.count()).toBe(8);
      for (const [i, project] of view.projects.entries())
        expect(await rows.nth(i).locator('td').nth(2).textContent()).toContain(text.course[project.course]);
      const matrix = page.locator('table.risk-matrix');
      expect(await matrix.locator('tbody tr').count()).toBe(5);
      expect(await matrix.locator('tbody td').count()).toBe(25);
      const violations = await accessibilityViolations(page);
      if (violations.length > 0) failures.push(`${language}:\n${describeViolations(violations)}`);
      await page.screenshot({
        path: join(county.screenshotDir, `programme-${language}.png`),
        fullPage: true,
      });
    }
    expect(failures).toEqual([]);
    await chooseLanguage(page, 'fi');
  });

  it('opens a project from the timeline by keyboard and shows its indicator against the expected line', async () => {
    const text = programmeMessages.fi;
    const first = view.projects[0] as ProjectView;
    const bar = page.locator('.timeline-bar').first();
    await bar.focus();
    await page.keyboard.press('Enter');
    expect(await bar.getAttribute('aria-pressed')).toBe('true');
    const heading = page.locator('#project-title');
    await heading.waitFor();
    expect(await heading.textContent()).toBe(`${first.code} ${first.names?.fi ?? first.name}`);
    const effect = first.effectViews[0];
    if (!effect) throw new Error('the first shipped project has no effect');
    const chart = page.getByRole('img', { name: text.chartLabel(effect.title?.fi ?? '') });
    expect(await chart.count()).toBe(1);
    // One row per period the engine computed, a withheld figure shown as "<5", never as a number.
    const rows = page.locator('.effect table tbody tr');
    expect(await rows.count()).toBe(effect.series.length);
    for (const [i, point] of effect.series.entries()) {
      const value = await rows.nth(i).locator('td').first().textContent();
      if (point.suppressed) expect(value).toBe('<5');
      else expect(value).not.toBe('<5');
    }
    expect(await page.locator('.project-detail').textContent()).toContain(text.course[effect.status]);
    await page.locator('.timeline-table summary').click();
    const milestones = view.projects.reduce((n, p) => n + Math.max(1, p.milestones.length), 0);
    expect(await page.locator('.timeline-table tbody tr').count()).toBe(milestones);
  });

  it('saves a status report as a new version and shows it', async () => {
    const text = programmeMessages.fi;
    const first = view.projects[0] as ProjectView;
    await page.locator('.project-editing textarea[name="text"]').fill('Rekrytoinnit etenevät.');
    await page.locator('.project-editing select[name="status"]').selectOption('green');
    await page.getByRole('button', { name: text.edit.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: text.edit.saved(first.version + 1) })
      .waitFor();
    const saved = await apiAs(page, county)<ProjectView>(`/api/programme/projects/${first.code}`);
    expect(saved.version).toBe(first.version + 1);
    expect(saved.statusReports.at(-1)).toMatchObject({ status: 'green', text: 'Rekrytoinnit etenevät.' });
    await page.locator('.status-reports li', { hasText: 'Rekrytoinnit etenevät.' }).waitFor();
    const pack = await page.request.get(`${county.url}/api/programme/status-pack.xlsx?lang=sv`);
    expect(pack.status()).toBe(200);
    expect(pack.headers()['content-type']).toContain('spreadsheetml');
    expect(pageErrors).toEqual([]);
  });
});

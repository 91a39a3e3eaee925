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
      // At 1280 px every column of the portfolio is in view, with nothing to scroll sideways to.
      expect(page.viewportSize()?.width).toBe(1280);
      const widths = await page
        .locator('#portfolio')
        .evaluate((table) => [table.scrollWidth, (table.parentElement as HTMLElement).clientWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
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

  it('creates a project through the form, edits it as a new version, refuses a cycle, shows the history', async () => {
    const text = programmeMessages.fi;
    const f = text.form;
    const first = view.projects[0] as ProjectView;
    const effect = first.effectViews[0];
    if (!effect) throw new Error('the first shipped project has no effect');
    await page.getByRole('button', { name: f.newProject }).click();
    const form = page.locator('section[aria-labelledby="new-project-title"] form');
    await form.getByLabel(f.code, { exact: true }).fill('E2E1');
    await form.getByLabel(f.name, { exact: true }).fill('Kotikuntoutuksen malli');
    await form.getByLabel(text.goal, { exact: true }).fill('Kotiutus sairaalasta nopeutuu.');
    await form.getByLabel(f.start, { exact: true }).fill('2025-01-01');
    await form.getByLabel(f.end, { exact: true }).fill('2027-12-31');
    await form.getByLabel(`${first.code} ${first.names?.fi ?? first.name}`).check();
    await form.getByRole('button', { name: `${f.add}: ${f.milestone.toLowerCase()}` }).click();
    const milestone = form.getByRole('group', { name: f.item(f.milestone, 1) });
    await milestone.getByLabel(f.title, { exact: true }).fill('Pilotti käynnissä');
    await milestone.getByLabel(text.columns.due, { exact: true }).fill('2025-09-30');
    await form.getByRole('button', { name: `${f.add}: ${f.risk.toLowerCase()}` }).click();
    const risk = form.getByRole('group', { name: f.item(f.risk, 1) });
    await risk.getByLabel(f.title, { exact: true }).fill('Henkilöstöpula');
    await risk.getByLabel(f.likelihood).selectOption('4');
    await risk.getByLabel(f.impact).selectOption('5');
    await risk.getByLabel(text.columns.mitigation, { exact: true }).fill('Rekrytointikampanja');
    await form.getByRole('button', { name: `${f.add}: ${f.fundingLine.toLowerCase()}` }).click();
    await form
      .getByRole('group', { name: f.item(f.fundingLine, 1) })
      .getByLabel(f.budget, { exact: true })
      .fill('250000');
    await form.getByRole('button', { name: `${f.add}: ${f.effect.toLowerCase()}` }).click();
    const effectGroup = form.getByRole('group', { name: f.item(f.effect, 1) });
    await effectGroup.getByLabel(f.indicator, { exact: true }).fill(effect.indicatorId);
    await effectGroup.getByLabel(f.baselineValue, { exact: true }).fill('10');
    await effectGroup.getByLabel(f.expectedValue, { exact: true }).fill('12.5');
    await form.getByRole('button', { name: f.create }).click();
    await page
      .getByRole('status')
      .filter({ hasText: f.created('E2E1') })
      .waitFor();
    const created = await apiAs(page, county)<ProjectView>('/api/programme/projects/E2E1');
    expect(created).toMatchObject({
      version: 1,
      goal: 'Kotiutus sairaalasta nopeutuu.',
      dependsOn: [first.code],
      milestones: [{ title: 'Pilotti käynnissä', due: '2025-09-30', done: null }],
      risks: [{ title: 'Henkilöstöpula', likelihood: 4, impact: 5, mitigation: 'Rekrytointikampanja' }],
      funding: [{ source: 'stateReformFunding', budgetEuros: 250000 }],
      effects: [{ indicatorId: effect.indicatorId, baselineValue: 10, expectedValue: 12.5 }],
    });

    // The new project is the one shown: edit it as a new version.
    await page.locator('#project-title', { hasText: 'E2E1 Kotikuntoutuksen malli' }).waitFor();
    await page.getByText(f.editTitle, { exact: true }).click();
    const edit = page.locator('.project-form-details form');
    await edit
      .getByRole('group', { name: f.basics })
      .getByLabel(text.owner, { exact: true })
      .fill('Hankepäällikkö Virtanen');
    await edit
      .getByRole('group', { name: f.basics })
      .getByLabel(text.edit.phase)
      .selectOption('implementation');
    await edit
      .getByRole('group', { name: f.item(f.milestone, 1) })
      .getByLabel(text.columns.done, { exact: true })
      .fill('2025-09-15');
    await edit.getByRole('button', { name: f.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: text.edit.saved(2) })
      .waitFor();
    expect(await apiAs(page, county)<ProjectView>('/api/programme/projects/E2E1')).toMatchObject({
      version: 2,
      owner: 'Hankepäällikkö Virtanen',
      phase: 'implementation',
      milestones: [{ done: '2025-09-15' }],
    });
    await page.getByText(f.history, { exact: true }).click();
    await page.locator('.project-history tbody tr').nth(1).waitFor();
    expect(await page.locator('.project-history tbody tr').count()).toBe(2);

    const failures: string[] = [];
    await page.locator('.project-form-details').evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    for (const language of languages) {
      await chooseLanguage(page, language);
      await page.locator('.project-form-details[open] form').waitFor();
      const violations = await accessibilityViolations(page);
      if (violations.length > 0) failures.push(`${language}:\n${describeViolations(violations)}`);
    }
    expect(failures).toEqual([]);
    await chooseLanguage(page, 'fi');

    // The first project waiting for the new one would close a cycle: refused before it is sent.
    await page.goto(`${county.url}/programme?project=${first.code}`);
    await ready();
    await page.getByText(f.editTitle, { exact: true }).click();
    const back = page.locator('.project-form-details form');
    await back.getByLabel('E2E1 Kotikuntoutuksen malli').check();
    await back.getByRole('button', { name: f.save }).click();
    await back
      .getByRole('alert')
      .filter({ hasText: f.cycle(`E2E1 → ${first.code} → E2E1`) })
      .waitFor();
    const unchanged = await apiAs(page, county)<ProjectView>(`/api/programme/projects/${first.code}`);
    expect(unchanged.dependsOn).not.toContain('E2E1');
    expect(pageErrors).toEqual([]);
  });

  it('shows no editing to a planner, who may read the programme', async () => {
    const planner = await browser.newPage();
    try {
      await signIn(
        planner,
        county,
        'planner',
        `/programme?project=${(view.projects[0] as ProjectView).code}`,
      );
      await planner.locator('.programme-ready').waitFor();
      await planner.locator('#project-title').waitFor();
      const f = programmeMessages.fi.form;
      expect(await planner.getByRole('button', { name: f.newProject }).count()).toBe(0);
      expect(await planner.locator('.project-form-details, .project-editing').count()).toBe(0);
      expect(await planner.getByText(f.history, { exact: true }).count()).toBe(1);
    } finally {
      await planner.close();
    }
  });
});

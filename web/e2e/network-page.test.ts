import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../src/model/index.js';
import { producerKindColour } from '../src/map/colours.js';
import { actionsMessages } from '../src/pages/network/actions-messages.js';
import { equityMessages } from '../src/pages/network/equity-messages.js';
import { languageMessages } from '../src/pages/network/language-messages.js';
import { networkMessages } from '../src/pages/network/messages.js';
import { modeMessages } from '../src/pages/network/mode-messages.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { apiAs, signIn } from './sign-in.js';

const fi = networkMessages.fi;

describe('the Network page', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  let base: ScenarioResult;
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];

  const figures = () => page.locator('#network-figures').textContent();

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, county, 'planner');
    base = await apiAs(page, county)<ScenarioResult>('/api/network/scenarios/base/result');
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(county.url) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        outsideRequests.push(url);
      }
    });
    await page.goto(`${county.url}/network`);
    await page.locator('#network-units tbody tr').first().waitFor();
    await page.locator('#network-figures').waitFor();
    await page.locator('.network-map[aria-busy="false"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('shows the units of primary care, the travel-time legend with numbers and the live figures', async () => {
    const primary = base.units.filter((u) => u.serviceClasses.includes('HC'));
    expect(primary.length).toBeGreaterThan(1);
    expect(await page.locator('#network-units tbody tr').count()).toBe(primary.length);
    const legend = await page.locator('.map-legend').textContent();
    expect(legend).toContain(fi.map.minutesRange('0', '10'));
    expect(await page.locator('.network-map canvas').getAttribute('aria-label')).toBe(fi.map.name);
    expect(await figures()).toContain(fi.results.mean);
    // The test county has the demo's roads, as `soteatlas demo` imports them.
    expect(base.travelTimeSource).toBe('roadNetwork');
    expect(await page.locator('.network-results .hint').textContent()).toContain(fi.results.travelRoad);
    // It names the network and its version, which the road network control offers as the default.
    expect(base.travel.network).toMatchObject({ name: 'demo', revision: 1 });
    expect(await page.locator('.network-results .hint').textContent()).toContain(
      `${fi.results.travelRoad} ${fi.results.networkName('demo', '1')}`,
    );
    expect(await page.locator('#network-roads option:checked').textContent()).toBe(
      fi.controls.activeNetwork('demo'),
    );
    // Equity of access: Gini and Palma over residents, and the residents beyond the 30-minute limit.
    const equity = await page.locator('#network-equity-figures').textContent();
    expect(equity).toContain(equityMessages.fi.gini);
    expect(equity).toContain(equityMessages.fi.beyond('30'));
    expect(await page.locator('#network-equity-age tbody tr').count()).toBeGreaterThan(1);
    // Service in one's own language: Finnish and Swedish speakers, with the Swedish-speaking
    // minority's municipalities bilingual by the Language Act.
    const language = languageMessages.fi;
    await page.locator('#network-language-figures').waitFor();
    const languageFigures = await page.locator('#network-language-figures').textContent();
    expect(languageFigures).toContain(language.speakers(language.language.fi));
    expect(languageFigures).toContain(language.speakers(language.language.sv));
    const swedish = page.locator('#network-language-sv tbody tr');
    expect(await swedish.count()).toBeGreaterThan(1);
    expect(await page.locator('#network-language-sv tbody').textContent()).toContain(
      language.statuses.bilingualFinnish,
    );
  });

  it('opens the actions of a unit clicked on the map', async () => {
    const canvas = page.locator('.network-map canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map has no canvas');
    // Find a unit of the county's own production by its colour in what the map drew, and click it.
    const point = await page.evaluate(
      async ({ base64, hex }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) return null;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        const value = Number.parseInt(hex.slice(1), 16);
        const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
        for (let i = 0; i < data.length; i += 4) {
          if (
            Math.abs((data[i] ?? 0) - r) <= 2 &&
            Math.abs((data[i + 1] ?? 0) - g) <= 2 &&
            Math.abs((data[i + 2] ?? 0) - b) <= 2
          ) {
            const pixel = i / 4;
            return { x: pixel % image.width, y: Math.floor(pixel / image.width) };
          }
        }
        return null;
      },
      { base64: (await canvas.screenshot()).toString('base64'), hex: producerKindColour.own },
    );
    if (!point) throw new Error('no unit of own production drawn');
    // The first pixel found is the top of the circle; its middle is a few pixels lower.
    await canvas.click({ position: { x: point.x, y: point.y + 4 } });
    const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^${fi.actions.title('')}`) });
    await heading.waitFor();
    await page.getByRole('button', { name: fi.actions.done, exact: true }).click();
    await expect.poll(() => heading.count()).toBe(0);
  });

  it('closing a unit from the list changes the results and lists the change', async () => {
    const busiest = base.units
      .filter((u) => u.serviceClasses.includes('HC') && u.status === 'unchanged')
      .sort((a, b) => b.load - a.load)[0];
    if (!busiest) throw new Error('no primary-care unit');
    const before = await figures();
    await page.getByRole('button', { name: fi.units.closeContext(busiest.name), exact: true }).click();
    await expect.poll(figures, { timeout: 60_000 }).not.toBe(before);
    await expect
      .poll(() => page.locator('#network-changes').textContent())
      .toContain(fi.changes.close(busiest.name));
    const row = page.locator('#network-units tbody tr', {
      has: page.getByRole('rowheader', { name: busiest.name, exact: true }),
    });
    expect(await row.textContent()).toContain(fi.units.statuses.closed);

    // The same change as an action a steering group reads: who now travels longer, and the capacity gone.
    const action = page.locator('.network-actions .action-list > li', {
      has: page.getByRole('heading', { name: actionsMessages.fi.close(`${busiest.name} (${busiest.code})`) }),
    });
    await action.waitFor();
    const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const longer = new RegExp(actionsMessages.fi.longer('§', '§', '§').split('§').map(literal).join('.+'));
    expect(await action.textContent()).toMatch(longer);
    expect(await action.textContent()).toContain(actionsMessages.fi.capacity('§', '0').split('§')[0] ?? '');
    expect(await page.locator('.network-actions a[download]').getAttribute('href')).toMatch(
      /^data:text\/plain/,
    );
  });

  it('colours the map by the change from the current network, with the residents of each class', async () => {
    await page.getByLabel(fi.map.showDifference).check();
    // Closing the busiest unit moves some residents farther and none nearer.
    await expect
      .poll(async () => (await page.locator('.map-legend').textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/min kauempana: [1-9]/);
    const legend = (await page.locator('.map-legend').textContent()) ?? '';
    expect(legend).toContain(fi.map.difference);
    expect(legend).toContain(fi.map.unchanged);
    await page.locator('.network-map[aria-busy="false"]').waitFor();
    await page.screenshot({
      path: join(county.screenshotDir, 'network-page-difference.png'),
      fullPage: true,
      clip: { x: 0, y: 300, width: 1280, height: 900 },
    });
    await page.getByLabel(fi.map.showDifference).uncheck();
    await expect
      .poll(async () => (await page.locator('.map-legend').textContent()) ?? '')
      .toContain(fi.map.travelTime);
  });

  it('opens a new unit from typed coordinates and from a point picked on the map', async () => {
    const before = await page.locator('#network-units tbody tr').count();
    await page.getByRole('button', { name: fi.newUnit.open, exact: true }).click();
    const form = page.locator('.new-unit');
    await form.waitFor();
    await form.getByLabel(fi.newUnit.name, { exact: true }).fill('Uusi asema');
    // Typed: the busiest unit's place, as it was closed above; its residents get a unit back.
    const busiest = base.units
      .filter((u) => u.serviceClasses.includes('HC') && u.status === 'unchanged')
      .sort((a, b) => b.load - a.load)[0];
    if (!busiest) throw new Error('no primary-care unit');
    await form.getByLabel(fi.newUnit.easting).fill(String(Math.round(busiest.x)));
    await form.getByLabel(fi.newUnit.northing).fill(String(Math.round(busiest.y)));
    const figuresBefore = await figures();
    await form.getByRole('button', { name: fi.newUnit.submit, exact: true }).click();
    await expect
      .poll(() => page.locator('#network-units tbody tr').count(), { timeout: 60_000 })
      .toBe(before + 1);
    await expect.poll(figures, { timeout: 60_000 }).not.toBe(figuresBefore);
    const row = page.locator('#network-units tbody tr', {
      has: page.getByRole('rowheader', { name: 'Uusi asema', exact: true }),
    });
    expect(await row.textContent()).toContain(fi.units.statuses.opened);
    expect(await page.locator('#network-changes').textContent()).toContain(fi.changes.open('Uusi asema'));

    // Picked: the coordinates follow a click in the middle of the map.
    await page.getByRole('button', { name: fi.newUnit.open, exact: true }).click();
    await form.waitFor();
    const easting = form.getByLabel(fi.newUnit.easting);
    const typed = await easting.inputValue();
    await form.getByRole('button', { name: fi.newUnit.pickOnMap, exact: true }).click();
    expect(await page.locator('#network-map-help').textContent()).toBe(fi.newUnit.pickHelp);
    const canvas = page.locator('.network-map canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map has no canvas');
    await canvas.click({ position: { x: box.width / 2 + 37, y: box.height / 2 + 23 } });
    await expect.poll(() => easting.inputValue()).not.toBe(typed);
    await page
      .locator('section', { has: form })
      .last()
      .screenshot({ path: join(county.screenshotDir, 'network-page-new-unit.png') });
    await form.getByRole('button', { name: fi.newUnit.cancel, exact: true }).click();
    await expect.poll(() => form.count()).toBe(0);
  });

  it('changes the decay of the supply ratio and says which is used', async () => {
    const hint = page.locator('.network-results .hint');
    await page.getByLabel(fi.controls.decay).selectOption('binary');
    await page.getByLabel(fi.controls.catchment).fill('20');
    await expect
      .poll(async () => (await hint.textContent()) ?? '', { timeout: 60_000 })
      .toContain(fi.results.decayNote(fi.controls.decayKinds.binary, '20'));
    expect(await hint.textContent()).toContain(fi.results.travelRoad);
    expect(await figures()).toContain(fi.results.unreachable('120'));
    await page
      .locator('.network-results')
      .screenshot({ path: join(county.screenshotDir, 'network-page-results.png') });
  });

  it('saves the change as a scenario and compares it with the current network', async () => {
    await page.getByLabel(fi.scenarios.name).fill('Yksi asema vähemmän');
    await page.getByRole('button', { name: fi.scenarios.save }).click();
    await page.locator('#network-scenarios li', { hasText: 'Yksi asema vähemmän' }).waitFor();
    await page.locator('#network-compare:not([disabled])').click();
    await page.locator('#network-comparison').waitFor();
    const table = await page.locator('#network-comparison').textContent();
    expect(table).toContain(fi.scenarios.base);
    expect(table).toContain('Yksi asema vähemmän');
    expect(table).toContain(fi.comparison.metrics.openUnits);
    // Differences are said in words, not only in colour.
    expect(table).toMatch(new RegExp(`${fi.comparison.worse}|${fi.comparison.better}`));
  });

  it('runs an optimisation from its dialog with a progress bar, and cancels it', async () => {
    await page.getByRole('button', { name: fi.optimise.open }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(fi.optimise.candidates).fill('60');
    await dialog.getByRole('button', { name: fi.optimise.start, exact: true }).click();
    await dialog.locator('progress').waitFor();
    const cancel = dialog.getByRole('button', { name: fi.optimise.cancel, exact: true });
    if (await cancel.isEnabled()) await cancel.click();
    // Either the cancel arrived in time or the run had already finished with a proposal.
    await expect
      .poll(async () => (await dialog.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(new RegExp(`${fi.optimise.cancelled.slice(0, 12)}|${fi.optimise.apply}`));
    await dialog.getByRole('button', { name: fi.optimise.closeDialog, exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('runs capacitated covering from the dialog and shows each site against its capacity', async () => {
    await page.getByRole('button', { name: fi.optimise.open }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(fi.optimise.model).selectOption('capacitated-covering');
    // One site of a few: every choice is weighed at once.
    await dialog.getByLabel(fi.optimise.p).fill('1');
    await dialog.getByLabel(fi.optimise.candidates).fill('3');
    await dialog.getByRole('button', { name: fi.optimise.start, exact: true }).click();
    const covered = fi.optimise.covered('').split(' ').slice(0, 3).join(' ');
    await expect.poll(async () => (await dialog.textContent()) ?? '', { timeout: 60_000 }).toContain(covered);
    expect(await dialog.textContent()).toMatch(
      new RegExp(`${fi.optimise.exact}|${fi.optimise.notExact.slice(0, 12)}`),
    );
    expect(await dialog.locator('.optimise-result li').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: fi.optimise.closeDialog, exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('compares the travel modes side by side and evaluates by the mode chosen', async () => {
    const text = modeMessages.fi;
    await page.getByRole('button', { name: text.compare, exact: true }).click();
    const rows = page.locator('#network-modes-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(4);
    const table = page.locator('#network-modes-table');
    expect(await table.locator('caption').textContent()).toContain(text.caption);
    expect(await table.locator('thead').textContent()).toContain(text.within('15'));
    for (const mode of ['car', 'walk', 'bike'] as const)
      expect(await rows.locator('th', { hasText: text.modes[mode] }).count()).toBeGreaterThan(0);
    // The test county has roads but no timetable: public transport is said to be not computed, not guessed.
    expect(await table.textContent()).toContain(text.unavailable.noTimetable);
    const evaluated = page.waitForResponse(
      (r) => r.url().endsWith('/api/network/evaluate') && r.request().postData()?.includes('"bike"') === true,
      { timeout: 60_000 },
    );
    await page.getByLabel(text.choice).selectOption('bike');
    const result = (await (await evaluated).json()) as ScenarioResult;
    expect(result.travel.mode).toBe('bike');
    await page.getByLabel(text.choice).selectOption('car');
    await page
      .locator('.network-modes')
      .screenshot({ path: join(county.screenshotDir, 'network-page-modes.png') });
  });

  it('has no WCAG 2.1 AA violations in Finnish, Swedish and English', async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      if (language !== 'fi') await chooseLanguage(page, language);
      await page.locator('.network-map[aria-busy="false"]').waitFor();
      await page.getByRole('heading', { level: 1, name: networkMessages[language].title }).waitFor();
      await page.locator('#network-equity-figures').waitFor();
      await page.locator('#network-language-figures').waitFor();
      const violations = await accessibilityViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
    await chooseLanguage(page, 'fi');
    await page.locator('.network-map[aria-busy="false"]').waitFor();
    await page.screenshot({ path: join(county.screenshotDir, 'network-page.png'), fullPage: true });
    await page.screenshot({
      path: join(county.screenshotDir, 'network-page-top.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1500 },
    });
    expect(pageErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });
});

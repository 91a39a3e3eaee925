import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEtrsTm35fin } from '../../src/model/index.js';
import type { RoadNetwork } from '../../src/network/index.js';
import { readRoadNetwork, saveRoadNetwork } from '../../src/network/index.js';
import { networkMessages } from '../src/pages/network/messages.js';
import { closedLinkColour } from '../src/pages/network/travel-bins.js';
import { chooseLanguage } from './app.js';
import { accessibilityViolations, describeViolations } from './axe.js';
import { launchBrowser } from './browser.js';
import { startTestCounty, type TestCounty } from './harness.js';
import { colourCounts, pixelsNear } from './pixels.js';
import { signIn } from './sign-in.js';

const fi = networkMessages.fi;

/**
 * The demo's roads as a network of identified links, as Digiroad's would be: every edge its own link
 * (id "L" and its index) with a winter limit of 50 km/h, and one ferry of five minutes between two
 * junctions about 3 km apart.
 */
const withLinks = (roads: RoadNetwork): RoadNetwork => {
  const edges = roads.edgeFrom.length;
  const a = 0;
  let b = 1;
  for (let n = 1; n < roads.nodeX.length; n++) {
    const d = Math.hypot(
      (roads.nodeX[n] as number) - (roads.nodeX[a] as number),
      (roads.nodeY[n] as number) - (roads.nodeY[a] as number),
    );
    if (d > 2500 && d < 3500) {
      b = n;
      break;
    }
  }
  const append = <T extends Float64Array | Uint32Array | Uint8Array | Int8Array | Float32Array>(
    array: T,
    value: number,
  ): T => {
    const grown = new (array.constructor as new (length: number) => T)(array.length + 1);
    grown.set(array);
    grown[array.length] = value;
    return grown;
  };
  const metres = Math.hypot(
    (roads.nodeX[b] as number) - (roads.nodeX[a] as number),
    (roads.nodeY[b] as number) - (roads.nodeY[a] as number),
  );
  return {
    nodeX: roads.nodeX,
    nodeY: roads.nodeY,
    edgeFrom: append(roads.edgeFrom, a),
    edgeTo: append(roads.edgeTo, b),
    edgeLengthMetres: append(roads.edgeLengthMetres, metres),
    edgeClass: append(roads.edgeClass, roads.classNames.length),
    edgeOneway: append(roads.edgeOneway, 0),
    edgeMaxSpeedKmh: append(roads.edgeMaxSpeedKmh, 0),
    classNames: [...roads.classNames, 'ferry'],
    links: {
      id: [...Array.from({ length: edges }, (_, e) => `L${e}`), 'lautta-1'],
      winterSpeedKmh: Float32Array.from({ length: edges + 1 }, (_, e) => (e < edges ? 50 : 0)),
      crossingSeconds: Float64Array.from({ length: edges + 1 }, (_, e) => (e < edges ? 0 : 300)),
    },
  };
};

/**
 * The link whose edge passes nearest a point (EPSG:3067), measured square to the edge's straight line,
 * and how far: what the page should close when the planner clicks there (ties to the first id).
 */
const nearestLinkOf = (roads: RoadNetwork, x: number, y: number) => {
  let best = { linkId: '', metres: Number.POSITIVE_INFINITY };
  roads.edgeFrom.forEach((from, e) => {
    const to = roads.edgeTo[e] as number;
    const [ax, ay] = [roads.nodeX[from] as number, roads.nodeY[from] as number];
    const [dx, dy] = [(roads.nodeX[to] as number) - ax, (roads.nodeY[to] as number) - ay];
    const squared = dx * dx + dy * dy;
    const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / squared));
    const metres = Math.hypot(ax + t * dx - x, ay + t * dy - y);
    const linkId = roads.links?.id[e] ?? '';
    // Where two links meet, both are as near (to the millimetre); the route then names the first by id.
    const [mm, bestMm] = [Math.round(metres * 1000), Math.round(best.metres * 1000)];
    if (mm < bestMm || (mm === bestMm && linkId < best.linkId)) best = { linkId, metres };
  });
  return best;
};

describe('the Network page with a network variant', () => {
  let county: TestCounty;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const figures = () => page.locator('#network-figures').textContent();
  const equity = () => page.locator('#network-equity-figures').textContent();
  const variantState = () => page.locator('.network-variant-state').textContent();

  let linked: RoadNetwork;

  beforeAll(async () => {
    [county, browser] = await Promise.all([startTestCounty(), launchBrowser()]);
    linked = withLinks(await readRoadNetwork(county.store, 'demo'));
    await saveRoadNetwork(county.store, linked, {
      name: 'demo-links',
      sourceFile: 'demo-links.gpkg',
      format: 'digiroad-gpkg',
      components: { count: 1, largestNodeShare: 1, largestLengthShare: 1 },
      mayBecomeActive: false,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, county, 'planner');
    await page.goto(`${county.url}/network`);
    await page.locator('#network-figures').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await county?.close();
  });

  it('offers no variant on a network without link ids, and says why', async () => {
    await expect
      .poll(() => page.locator('.network-variant .hint').first().textContent())
      .toBe(fi.variant.unavailable);
    expect(await page.getByRole('radio', { name: fi.variant.seasons.winter }).count()).toBe(0);
    expect(await variantState()).toBe(fi.variant.state('kesä, kaikki yhteydet käytössä'));
  });

  it('winter and a ferry out change the figures, and every panel asks for them', async () => {
    await page.locator('#network-roads').selectOption('demo-links');
    await expect
      .poll(() => page.locator('.network-results .hint').textContent(), { timeout: 60_000 })
      .toContain(fi.results.networkName('demo-links', '1'));
    await page.locator('#network-equity-figures').waitFor({ timeout: 60_000 });
    const ferry = page.getByRole('checkbox', { name: /lautta-1/ });
    await ferry.waitFor({ timeout: 60_000 });
    const before = await figures();
    const equityBefore = await equity();

    const equityAsks = page.waitForRequest(
      (request) =>
        request.url().endsWith('/api/network/equity') &&
        (request.postDataJSON() as { variant?: { ferriesOut: string[] } }).variant?.ferriesOut.includes(
          'lautta-1',
        ) === true,
      { timeout: 60_000 },
    );
    // By keyboard, as much as a mouse: the season is a radio group and the ferry a checkbox.
    await page.getByRole('radio', { name: fi.variant.seasons.winter }).focus();
    await page.keyboard.press('Space');
    await ferry.focus();
    await page.keyboard.press('Space');
    expect(await ferry.isChecked()).toBe(true);
    expect(await variantState()).toBe(fi.variant.state('talvi, 1 lautta pois liikenteestä'));
    const asked = await equityAsks;
    expect(asked.postDataJSON()).toMatchObject({
      variant: { season: 'winter', ferriesOut: ['lautta-1'], closedLinks: [] },
      roadNetwork: 'demo-links',
    });

    // Slower roads in winter: the figures change, never for the better (checked on the server's side).
    await expect.poll(figures, { timeout: 120_000 }).not.toBe(before);
    await expect.poll(equity, { timeout: 120_000 }).not.toBe(equityBefore);

    // A closed road by its link id joins the state in view.
    await page.getByLabel(fi.variant.closed).fill('L0 L1');
    await page.getByRole('button', { name: fi.variant.applyClosed }).click();
    expect(await variantState()).toBe(
      fi.variant.state('talvi, 1 lautta pois liikenteestä, 2 tietä suljettu'),
    );
  });

  it('closes the road clicked on the map, draws it, and reopens a closed road by its button', async () => {
    const canvas = page.locator('.network-map canvas');
    const redPixels = async () =>
      pixelsNear(await colourCounts(page, await canvas.screenshot()), closedLinkColour);
    const pickStatus = () => page.locator('.network-variant-picked').textContent();
    // The roads typed before are listed, their lines fetched for the map (the legend tells of them), and
    // each reopens by its own button. (They lie under the units of the county's centre at this zoom.)
    await expect.poll(() => page.locator('.map-legend').textContent()).toContain(fi.variant.drawn);
    for (const id of ['L0', 'L1']) await page.getByRole('button', { name: fi.variant.reopen(id) }).click();
    expect(await variantState()).toBe(fi.variant.state('talvi, 1 lautta pois liikenteestä'));
    expect(await page.getByLabel(fi.variant.closed).inputValue()).toBe('');
    expect(await page.locator('.network-variant-picked').textContent()).toBe(fi.variant.reopened('L1'));
    await expect.poll(() => page.locator('.map-legend').textContent()).not.toContain(fi.variant.drawn);
    await expect.poll(redPixels, { timeout: 30_000 }).toBe(0);

    const pick = page.getByRole('button', { name: fi.variant.pickOnMap });
    await pick.click();
    expect(await pick.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#network-map-help').textContent()).toBe(fi.variant.pickHelp);
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map has no canvas');
    const equityAsks = page.waitForRequest(
      (request) =>
        request.url().endsWith('/api/network/equity') &&
        (request.postDataJSON() as { variant?: { closedLinks: string[] } }).variant?.closedLinks.length === 1,
      { timeout: 60_000 },
    );
    // Away from the units of the centre, until a click lands within 500 m of a road; each click says
    // what the road network says: the nearest link and its distance, or that none is near.
    let closed: ReturnType<typeof nearestLinkOf> | undefined;
    for (const [dx, dy] of [
      [140, 60],
      [-150, 40],
      [90, -120],
      [-110, -100],
      [180, 150],
      [-60, 160],
    ] as const) {
      const answered = page.waitForResponse((response) =>
        response.url().includes('/api/network/roads/links/nearest'),
      );
      await canvas.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
      const url = new URL((await answered).url());
      const at = toEtrsTm35fin(Number(url.searchParams.get('lon')), Number(url.searchParams.get('lat')));
      const expected = nearestLinkOf(linked, at.x, at.y);
      const near = expected.metres <= 500;
      await expect.poll(pickStatus).toBe(
        near
          ? // The route gives tenths of a metre; the page shows whole ones.
            fi.variant.picked(expected.linkId, String(Math.round(Math.round(expected.metres * 10) / 10)))
          : fi.variant.noneNear,
      );
      if (near) {
        closed = expected;
        break;
      }
    }
    if (!closed) throw new Error('no click landed within 500 m of a road');
    expect(await variantState()).toBe(fi.variant.state('talvi, 1 lautta pois liikenteestä, 1 tie suljettu'));
    expect(await page.getByLabel(fi.variant.closed).inputValue()).toBe(closed.linkId);
    await page.getByRole('button', { name: fi.variant.reopen(closed.linkId) }).waitFor();
    // The closed road is drawn on the map, and the legend says how.
    await expect.poll(redPixels, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('.map-legend').textContent()).toContain(fi.variant.drawn);
    // The figures are asked with the road closed; picking goes on, so that several roads can be closed.
    expect((await equityAsks).postDataJSON()).toMatchObject({ variant: { closedLinks: [closed.linkId] } });
    expect(await pick.getAttribute('aria-pressed')).toBe('true');
    const violations = await accessibilityViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page
      .locator('.network-map')
      .screenshot({ path: join(county.screenshotDir, 'network-closed-road.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => pick.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#network-map-help').textContent()).toBe(fi.map.help);
  });

  it('has no WCAG 2.1 AA violations in the variant controls in Finnish, Swedish and English', async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      if (language !== 'fi') await chooseLanguage(page, language);
      const text = networkMessages[language].variant;
      await page.getByRole('group', { name: text.legend }).waitFor();
      await page.getByRole('radio', { name: text.seasons.winter }).waitFor();
      expect(await variantState()).toContain(text.seasonWord.winter);
      const violations = await accessibilityViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
    await chooseLanguage(page, 'fi');
    await page
      .locator('.network-controls')
      .screenshot({ path: join(county.screenshotDir, 'network-variant.png') });
    expect(pageErrors).toEqual([]);
  });
});

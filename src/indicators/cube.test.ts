import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoStore } from '../cli/index.js';
import type {
  BreakdownDimension,
  IndicatorAreaLevel,
  IndicatorPeriodType,
  IndicatorResult,
  Viewer,
} from '../model/index.js';
import { viewerWithRoles } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { clientTableServes } from './compile.js';
import { computeIndicators, latestIndicatorYear } from './compute.js';
import { cubeTable, ensureIndicatorCube } from './cube.js';
import { builtInIndicators } from './package/index.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'soteatlas-cube-'));
  const db = join(dir, 'demo.duckdb');
  await buildDemoStore(db, { seed: 3, population: 3000, years: 2 });
  store = await openStore(db);
}, 240_000);
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Figures of both results side by side, numbers compared to 9 significant digits (sums differ in order). */
const expectSame = (fromCube: IndicatorResult, fromEvents: IndicatorResult) => {
  expect(fromCube.values.length, fromCube.indicatorId).toBe(fromEvents.values.length);
  fromCube.values.forEach((v, i) => {
    const w = fromEvents.values[i];
    const label = `${fromCube.indicatorId} ${v.period} ${v.areaCode} ${JSON.stringify(v.breakdown)}`;
    const numeric = (x: object) =>
      Object.fromEntries(Object.entries(x).map(([k, y]) => [k, typeof y === 'number' ? 0 : y]));
    expect(numeric(v), label).toEqual(numeric(w ?? {}));
    for (const [key, a] of Object.entries(v)) {
      const b = (w as Record<string, unknown> | undefined)?.[key];
      if (typeof a === 'number' && typeof b === 'number')
        expect(Math.abs(a - b), `${label} ${key}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    }
  });
};

describe('the indicator cube', () => {
  it('is built from the demo county’s events and keeps their sums', async () => {
    expect(await ensureIndicatorCube(store)).toBeDefined();
    const [cube] = await store.all<{ n: number; q: number }>(
      `SELECT sum(events) AS n, sum(quantity) AS q FROM ${cubeTable}`,
    );
    const [events] = await store.all<{ n: number; q: number }>(
      'SELECT count(*) AS n, sum(quantity) AS q FROM events',
    );
    expect(Number(cube?.n)).toBe(Number(events?.n));
    expect(cube?.q).toBeCloseTo(events?.q ?? Number.NaN, 6);
  });

  const cases: [IndicatorAreaLevel, IndicatorPeriodType, BreakdownDimension[], Viewer][] = [
    ['municipality', 'month', [], viewerWithRoles(['analyst'])],
    ['municipality', 'year', [], viewerWithRoles(['manager'])],
    ['county', 'rolling12', [], viewerWithRoles(['analyst'])],
    ['municipality', 'year', ['ageBand'], viewerWithRoles(['analyst'])],
    ['county', 'quarter', ['channel'], viewerWithRoles(['manager'])],
    ['municipality', 'year', ['unit'], viewerWithRoles(['analyst'])],
  ];
  it.each(cases)(
    'gives every indicator the figures the events give (%s, %s, %j, %j)',
    async (level, period, breakdown, viewer) => {
      const toYear = await latestIndicatorYear(store);
      const definitions = builtInIndicators.filter(
        (d) =>
          d.levels.includes(level) &&
          d.periods.includes(period) &&
          breakdown.every((b) => d.breakdowns.includes(b)),
      );
      expect(definitions.length).toBeGreaterThan(0);
      const request = { level, period, breakdown, fromYear: toYear - 1, toYear };
      const fromCube = await computeIndicators(store, definitions, request, { viewer });
      const fromEvents = await computeIndicators(store, definitions, request, {
        viewer,
        eventSource: 'events',
      });
      for (const [i, result] of fromCube.entries()) expectSame(result, fromEvents[i] as IndicatorResult);
    },
  );

  it('serves the whole package at its first level and period, as the events do', async () => {
    for (const d of builtInIndicators) {
      const request = { level: d.levels[0], period: d.periods[0] };
      const [a] = await computeIndicators(store, [d], request, { viewer: viewerWithRoles(['analyst']) });
      const [b] = await computeIndicators(store, [d], request, {
        viewer: viewerWithRoles(['analyst']),
        eventSource: 'events',
      });
      expectSame(a as IndicatorResult, b as IndicatorResult);
    }
  });

  it('keeps the distinct clients of the classes the package counts clients of', async () => {
    const state = await ensureIndicatorCube(store);
    expect(state?.clientClasses).toEqual(expect.arrayContaining(['ASW', 'CFS', 'ELD', 'HMC', 'SAB']));
    const catalogue = { health: [], social: ['ASW', 'CFS', 'SAB'], elderly: ['ELD', 'HMC'] };
    for (const d of builtInIndicators.filter(
      (x) => x.numerator.source === 'events' && x.numerator.aggregate === 'clients',
    ))
      expect(
        clientTableServes(d, 'municipality', {
          clientClasses: state?.clientClasses ?? [],
          classesByArea: catalogue,
        }),
        d.id,
      ).toBe(true);
  });

  it('is rebuilt when the events change', async () => {
    await store.run(
      `INSERT INTO events SELECT * REPLACE (source_id || '-again' AS source_id) FROM events LIMIT 10`,
    );
    expect(await ensureIndicatorCube(store)).toBeDefined();
    const [cube] = await store.all<{ n: number }>(`SELECT sum(events) AS n FROM ${cubeTable}`);
    const [events] = await store.all<{ n: number }>('SELECT count(*) AS n FROM events');
    expect(Number(cube?.n)).toBe(Number(events?.n));
  });
});

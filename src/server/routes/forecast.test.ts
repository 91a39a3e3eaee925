import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import {
  ForecastBacktest,
  ForecastDemand,
  ForecastPyramid,
  ForecastPyramids,
  ForecastSeries,
  ForecastVariant,
  ForecastVariantList,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildServer } from '../server.js';
import { asRole, getJson, headerAccess } from '../testing.js';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await openForecastTestStore();
  app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const analyst = asRole('analyst');
/** Variants are edited by those who may edit scenarios. */
const planner = asRole('planner');

describe('forecast API', () => {
  it('lists the built-in variants and the imported official projection', async () => {
    const { status, body } = await getJson(app, '/api/forecast/variants');
    expect(status).toBe(200);
    const { variants } = ForecastVariantList.parse(body);
    expect(variants.map((v) => v.name)).toEqual(['base', 'high-migration', 'low-migration', 'official']);
    expect(variants.find((v) => v.name === 'official')?.kind).toBe('official');
    expect(variants.find((v) => v.name === 'base')?.labels?.sv).toMatch(/^Basalternativ/);
    expect(variants.find((v) => v.name === 'official')?.labels).toMatchObject({
      fi: 'Tilastokeskuksen väestöennuste',
      sv: 'Statistikcentralens befolkningsprognos',
    });
  });

  it('saves a variant with POST, replaces it with PUT, and it round-trips as JSON', async () => {
    const assumptions = {
      toYear: 2040,
      migrationFactor: 0.5,
      demand: {
        needTrend: { HC: 0.01 },
        shifts: [{ fromClass: 'ELD', toClass: 'HMC', share: 0.2, ratio: 2 }],
      },
    };
    const created = await app.inject({
      method: 'POST',
      headers: planner,
      url: '/api/forecast/variants',
      payload: { name: 'slow', label: 'Slow', labels: { fi: 'Hidas', sv: 'Långsam' }, assumptions },
    });
    expect(created.statusCode).toBe(200);
    const saved = ForecastVariant.parse(created.json());
    expect(saved.assumptions.migrationFactor).toBe(0.5);
    expect(
      ForecastVariantList.parse((await getJson(app, '/api/forecast/variants')).body).variants,
    ).toContainEqual(expect.objectContaining({ name: 'slow', labels: { fi: 'Hidas', sv: 'Långsam' } }));
    const put = await app.inject({
      method: 'PUT',
      headers: planner,
      url: '/api/forecast/variants/slow',
      payload: { label: 'Slower', assumptions: { ...assumptions, migrationFactor: 0.25 } },
    });
    expect(put.statusCode).toBe(200);
    const { variants } = ForecastVariantList.parse((await getJson(app, '/api/forecast/variants')).body);
    const slow = variants.find((v) => v.name === 'slow');
    expect(slow).toEqual(ForecastVariant.parse(JSON.parse(JSON.stringify(slow))));
    expect(slow).toMatchObject({ label: 'Slower', assumptions: { migrationFactor: 0.25, toYear: 2040 } });
    // A PUT without labels leaves the variant with its label only.
    expect(slow?.labels).toBeUndefined();
    const removed = await app.inject({
      method: 'DELETE',
      url: '/api/forecast/variants/slow',
      headers: planner,
    });
    expect(ForecastVariantList.parse(removed.json()).variants.map((v) => v.name)).not.toContain('slow');
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/forecast/variants/base', headers: planner }))
        .statusCode,
    ).toBe(404);
    const bad = await app.inject({
      method: 'POST',
      headers: planner,
      url: '/api/forecast/variants',
      payload: { name: 'Not OK', label: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('serves the county series: observed years, then the projection, with the official one beside it', async () => {
    const { status, body } = await app
      .inject({ url: '/api/forecast/series', headers: analyst })
      .then((r) => ({ status: r.statusCode, body: r.json() }));
    expect(status).toBe(200);
    const series = ForecastSeries.parse(body);
    expect(series).toMatchObject({ areaLevel: 'county', areaCode: '99', baseYear: 2025 });
    const [own, official] = series.lines;
    expect(own?.points[0]).toMatchObject({ year: 2015, observed: true });
    expect(own?.points.at(-1)).toMatchObject({ year: 2045, observed: false });
    expect(official?.kind).toBe('official');
    // What the own projection rests on: the ten years of changes 2015–2025, nothing to warn of.
    expect(series.basis).toMatchObject({ baseYear: 2025, historyYears: 10, firstYear: 2015, cautions: [] });
    expect(series.basis?.mortality.improvementSource).toBe('estimated');
    const officialSeries = ForecastSeries.parse(
      (await app.inject({ url: '/api/forecast/series?variant=official', headers: analyst })).json(),
    );
    expect(officialSeries.basis).toBeUndefined();
    for (const point of own?.points ?? []) {
      const groups = Object.values(point.ageGroups).reduce<number>((a, b) => a + (b ?? 0), 0);
      expect(Math.abs(groups - (point.total ?? 0))).toBeLessThanOrEqual(3);
    }
  });

  it('serves a pyramid for a municipality and year, withholding 1–4 from non-analysts', async () => {
    const url = '/api/forecast/pyramid?level=municipality&areaCode=951&year=2035';
    const open = ForecastPyramid.parse((await app.inject({ url, headers: analyst })).json());
    expect(open.rows).toHaveLength(101);
    expect(open.observed).toBe(false);
    const shut = ForecastPyramid.parse((await getJson(app, url)).body);
    const shown = shut.rows.flatMap((r) => [r.male, r.female]);
    expect(shown.filter((n) => n !== null && n >= 1 && n <= 4)).toEqual([]);
    expect(shut.rows.some((r) => r.suppressed)).toBe(
      open.rows.some((r) => [r.male, r.female].some((n) => n !== null && n >= 1 && n <= 4)),
    );
  });

  it('serves every year of a variant at once, each year the same as its own pyramid, suppressed alike', async () => {
    const url = '/api/forecast/pyramids?level=municipality&areaCode=951';
    const open = ForecastPyramids.parse((await app.inject({ url, headers: analyst })).json());
    const years = open.years.map((y) => y.year);
    expect(years[0]).toBe(2015);
    expect(years.at(-1)).toBe(2045);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2015 + i));
    expect(
      open.years
        .filter((y) => y.observed)
        .map((y) => y.year)
        .at(-1),
    ).toBe(open.baseYear);
    for (const sample of [2020, 2035]) {
      const single = ForecastPyramid.parse(
        (
          await app.inject({
            url: `/api/forecast/pyramid?level=municipality&areaCode=951&year=${sample}`,
            headers: analyst,
          })
        ).json(),
      );
      const row = open.years.find((y) => y.year === sample);
      expect(row?.male).toEqual(single.rows.map((r) => r.male));
      expect(row?.female).toEqual(single.rows.map((r) => r.female));
      expect(row?.observed).toBe(single.observed);
    }
    expect(open.largest).toBe(
      Math.max(...open.years.flatMap((y) => [...y.male, ...y.female]).map((n) => n ?? 0)),
    );
    const shut = ForecastPyramids.parse((await getJson(app, url)).body);
    const shown = shut.years.flatMap((y) => [...y.male, ...y.female]);
    expect(shown.filter((n) => n !== null && n >= 1 && n <= 4)).toEqual([]);
    const withheld = open.years
      .flatMap((y) => [...y.male, ...y.female])
      .filter((n) => n !== null && n >= 1 && n <= 4);
    expect(shown.filter((n) => n === null)).toHaveLength(withheld.length);
    expect(shut.years.some((y) => y.suppressed)).toBe(withheld.length > 0);
    const official = ForecastPyramids.parse(
      (await getJson(app, '/api/forecast/pyramids?variant=official')).body,
    );
    expect(official.years.some((y) => !y.observed)).toBe(true);
    expect((await getJson(app, '/api/forecast/pyramids?level=municipality&areaCode=000')).status).toBe(404);
  });

  it('serves a grid-cell pyramid', async () => {
    const cell = await store.all<{ code: string }>(
      `SELECT area_code AS code FROM population WHERE area_level = 'gridCell' GROUP BY 1 ORDER BY sum(count) DESC LIMIT 1`,
    );
    const { status, body } = await getJson(
      app,
      `/api/forecast/pyramid?level=gridCell&areaCode=${cell[0]?.code}&year=2030`,
    );
    expect(status).toBe(200);
    expect(ForecastPyramid.parse(body).areaLevel).toBe('gridCell');
  });

  it('serves demand and capacity by service class, and units for a producer only its own', async () => {
    const { status, body } = await getJson(app, '/api/forecast/demand?year=2030');
    expect(status).toBe(200);
    const demand = ForecastDemand.parse(body);
    expect(demand.baseYear).toBe(2025);
    const hc = demand.rows.find((r) => r.serviceClass === 'HC');
    expect(hc?.demand).toBeGreaterThan(0);
    expect(hc?.fte).toBeCloseTo((hc?.demand ?? 0) / 3200, 6);
    const base = ForecastDemand.parse((await getJson(app, '/api/forecast/demand?year=2025')).body);
    for (const row of base.rows) expect(row.demand).toBeCloseTo(row.baseVolume, 3);
    const producer = demand.units[0];
    const own = await app.inject({
      url: '/api/forecast/demand?year=2030',
      headers: { 'x-soteatlas-role': 'producer', 'x-soteatlas-producer': 'NOPE' },
    });
    expect(ForecastDemand.parse(own.json()).units).toEqual([]);
    expect(producer).toBeDefined();
  });

  it('serves a backtest from 2019', async () => {
    const { status, body } = await getJson(app, '/api/forecast/backtest?from=2019');
    expect(status).toBe(200);
    const result = ForecastBacktest.parse(body);
    expect(result).toMatchObject({ fromYear: 2019, toYear: 2025 });
    expect(result.byAgeGroup.map((r) => r.key)).toEqual(['0-6', '7-17', '18-64', '65-74', '75-84', '85+']);
    expect(result.mape).toBeGreaterThan(0);
  });

  it('answers 422 invalidDataset, not 404, for an official projection it cannot read', async () => {
    const post = async (dataset: unknown) => {
      const response = await app.inject({
        method: 'POST',
        headers: planner,
        url: '/api/forecast/official',
        payload: { name: 'broken', dataset },
      });
      return { status: response.statusCode, body: response.json() };
    };
    expect(await post({ hello: 1 })).toEqual({
      status: 422,
      body: { error: 'invalidDataset', message: 'not a JSON-stat 2.0 dataset' },
    });
    const noAge = {
      version: '2.0',
      class: 'dataset',
      id: ['Alue', 'Vuosi'],
      size: [1, 1],
      dimension: {
        Alue: { category: { index: ['KU091'] } },
        Vuosi: { category: { index: ['2030'] } },
      },
      value: [1],
    };
    const missing = await post(noAge);
    expect(missing).toMatchObject({ status: 422, body: { error: 'invalidDataset' } });
    expect(missing.body.message).toMatch(/age, sex/);
    const variants = ForecastVariantList.parse((await getJson(app, '/api/forecast/variants')).body).variants;
    expect(variants.map((v) => v.name)).not.toContain('broken');
  });

  it('answers 404 for an unknown variant or area', async () => {
    expect((await getJson(app, '/api/forecast/series?variant=nope')).status).toBe(404);
    expect(
      (await getJson(app, '/api/forecast/pyramid?level=municipality&areaCode=000&year=2030')).status,
    ).toBe(404);
  });
});

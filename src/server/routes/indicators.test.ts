import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndicatorStore } from '../../indicators/testing.js';
import {
  IndicatorCatalogue,
  IndicatorComparison,
  IndicatorResult,
  isChainIndicator,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildServer } from '../server.js';
import { headerAccess } from '../testing.js';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await openIndicatorStore();
  app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
});
afterAll(async () => {
  await app.close();
  store.close();
});

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json() };
};
const analyst = { 'x-soteatlas-role': 'analyst' };

describe('GET /api/indicators', () => {
  it('lists the built-in definitions, then the service chains’ measures', async () => {
    const { status, body } = await get('/api/indicators');
    expect(status).toBe(200);
    const list = IndicatorCatalogue.parse(body);
    expect(list.filter((d) => !isChainIndicator(d)).length).toBeGreaterThanOrEqual(30);
    expect(list.findIndex(isChainIndicator)).toBe(list.length - list.filter(isChainIndicator).length);
    expect(list.filter(isChainIndicator).map((d) => d.id)).toContain('chain:hip-fracture:median-days');
    expect(list.find((d) => d.id === 'hc-visits-per-1000')?.title.sv).toMatch(/hälsostation/);
  });
});

describe('GET /api/indicators/:id', () => {
  it('computes one indicator with the breakdown asked for', async () => {
    const { status, body } = await get(
      '/api/indicators/hc-visits-per-1000?level=municipality&period=quarter&year=2023&breakdown=sex',
      analyst,
    );
    expect(status).toBe(200);
    const result = IndicatorResult.parse(body);
    expect(result).toMatchObject({
      level: 'municipality',
      period: 'quarter',
      fromYear: 2023,
      breakdown: ['sex'],
    });
    expect(
      result.values.find((v) => v.period === '2023-Q1' && v.areaCode === '101' && v.breakdown.sex === 'male'),
    ).toMatchObject({ numerator: 6, denominator: 400, value: 15 });
  });

  it('withholds small counts for a viewer who is not an analyst', async () => {
    const { body } = await get('/api/indicators/hc-visits-per-1000?year=2023');
    const result = IndicatorResult.parse(body);
    expect(result.metadata.suppression).toBe('primaryAndComplementary');
    expect(result.values.find((v) => v.areaCode === '103')).toMatchObject({
      value: null,
      numerator: null,
      suppressed: true,
    });
    const shown = result.values.flatMap((v) => [v.numerator]).filter((n) => n !== null && n >= 1 && n <= 4);
    expect(shown).toEqual([]);
  });

  it('shows a producer its own events only', async () => {
    const { body } = await get('/api/indicators/hc-visits-per-1000?year=2023&level=county', {
      'x-soteatlas-role': 'producer',
      'x-soteatlas-producer': 'P1',
    });
    expect(IndicatorResult.parse(body).values[0]).toMatchObject({ numerator: 13, suppressed: false });
  });

  it('answers 403 forbidden when a producer asks for the county’s net costs', async () => {
    const refused = await get('/api/indicators/net-cost-per-resident?year=2023', {
      'x-soteatlas-role': 'producer',
      'x-soteatlas-producer': 'P1',
    });
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(refused.body.message).toMatch(/producer/);
  });

  it('filters areas and answers 404 and 400 for what it cannot serve', async () => {
    const { body } = await get('/api/indicators/net-cost-per-resident?year=2023&areaCodes=102,103', analyst);
    expect(IndicatorResult.parse(body).values.map((v) => [v.areaCode, v.value])).toEqual([
      ['102', 200],
      ['103', 100],
    ]);
    expect((await get('/api/indicators/no-such-indicator')).status).toBe(404);
    const refused = await get('/api/indicators/net-cost-per-resident?period=month&year=2023');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/month/);
    expect((await get('/api/indicators/hc-visits-per-1000?breakdown=colour')).status).toBe(400);
    expect((await get('/api/indicators/hc-visits-per-1000?breakdown=sex,ageBand,channel')).status).toBe(400);
    expect(
      (await get('/api/indicators/hc-visits-per-1000?breakdown=sex&breakdown=channel&breakdown=unit')).status,
    ).toBe(400);
  });
});

describe('GET /api/indicators/:id/comparison', () => {
  it('ranks municipalities and says which differ from the county beyond their uncertainty', async () => {
    const { status, body } = await get('/api/indicators/net-cost-per-resident/comparison?year=2023', analyst);
    expect(status).toBe(200);
    const comparison = IndicatorComparison.parse(body);
    expect(comparison.county?.value).toBeCloseTo(175000 / 1500, 8);
    expect(comparison.rows.map((r) => [r.areaCode, r.rank, r.versusCounty])).toEqual([
      ['101', 1, 'unknown'],
      ['102', 3, 'unknown'],
      ['103', 1, 'unknown'],
    ]);
    const visits = IndicatorComparison.parse(
      (await get('/api/indicators/hc-visits-per-1000/comparison?year=2024', analyst)).body,
    );
    expect(visits.rows.find((r) => r.areaCode === '101')?.versusCounty).toBe('within');
  });
});

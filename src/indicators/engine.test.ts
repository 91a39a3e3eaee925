import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IndicatorResult, type IndicatorValue, type Viewer, viewerWithRoles } from '../model/index.js';
import type { Store } from '../store/index.js';
import { computeIndicator, IndicatorRequestError } from './compute.js';
import { wilsonInterval } from './intervals.js';
import { builtInIndicators, findIndicator } from './package/index.js';
import { openIndicatorStore } from './testing.js';

let store: Store;
beforeAll(async () => {
  store = await openIndicatorStore();
});
afterAll(() => store.close());

const analyst: Viewer = viewerWithRoles(['analyst']);
const indicator = (id: string) => {
  const d = findIndicator(id);
  if (!d) throw new Error(`no indicator ${id}`);
  return d;
};
const find = (
  result: IndicatorResult,
  period: string,
  area: string,
  breakdown: Record<string, string> = {},
) =>
  result.values.find(
    (v) =>
      v.period === period &&
      v.areaCode === area &&
      (Object.keys(breakdown).length === 0
        ? v.isTotal
        : !v.isTotal && Object.entries(breakdown).every(([k, x]) => v.breakdown[k] === x)),
  ) as IndicatorValue;

describe('visits per 1 000 residents (hand-computed)', () => {
  it('computes each municipality of a year with an exact Poisson interval', async () => {
    const r = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { fromYear: 2023 },
      { viewer: analyst },
    );
    expect(r.values.map((v) => v.areaCode)).toEqual(['101', '102', '103']);
    const aalto = find(r, '2023', '101');
    expect(aalto).toMatchObject({ numerator: 10, denominator: 1100, suppressed: false, areaName: 'Aalto' });
    expect(aalto.value).toBeCloseTo(9.0909, 4);
    // Garwood's interval for 10 events is 4.7954…18.3904.
    expect(aalto.lower).toBeCloseTo((4.795389 / 1100) * 1000, 4);
    expect(aalto.upper).toBeCloseTo((18.390356 / 1100) * 1000, 4);
    expect(find(r, '2023', '102').value).toBeCloseTo(12, 6);
    expect(find(r, '2023', '103').value).toBeCloseTo(13.3333, 4);
  });

  it('sums municipalities into the county, on each year’s own areas', async () => {
    const r = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { level: 'county', fromYear: 2023, toYear: 2024 },
      { viewer: analyst },
    );
    expect(find(r, '2023', '99')).toMatchObject({ numerator: 15, denominator: 1500, value: 10 });
    expect(find(r, '2024', '99')).toMatchObject({ numerator: 25, denominator: 1500 });
  });

  it('reports quarters and months of the year', async () => {
    const quarters = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { period: 'quarter', fromYear: 2023 },
      { viewer: analyst },
    );
    // No event at all in the third quarter, but within the data: zero.
    expect(
      ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'].map((q) => find(quarters, q, '101').numerator),
    ).toEqual([6, 4, 0, 0]);
    expect(find(quarters, '2023-Q1', '101')).toMatchObject({
      periodStart: '2023-01-01',
      periodEnd: '2023-03-31',
    });
    const months = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { period: 'month', fromYear: 2023 },
      { viewer: analyst },
    );
    expect(
      months.values.filter((v) => v.areaCode === '101' && (v.numerator ?? 0) > 0).map((v) => v.period),
    ).toEqual(['2023-02', '2023-05']);
    expect(find(months, '2023-02', '101')).toMatchObject({ numerator: 6, periodEnd: '2023-02-28' });
  });

  it('counts a merged municipality’s earlier events in its successor over rolling 12 months', async () => {
    const r = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { period: 'rolling12', fromYear: 2024 },
      { viewer: analyst },
    );
    expect(r.values.filter((v) => v.period === '2023-02/2024-01').map((v) => v.areaCode)).toEqual([
      '101',
      '104',
    ]);
    expect(find(r, '2023-02/2024-01', '104')).toMatchObject({ numerator: 5, denominator: 400, value: 12.5 });
    expect(find(r, '2023-02/2024-01', '101')).toMatchObject({ numerator: 10, periodStart: '2023-02-01' });
    expect(find(r, '2023-03/2024-02', '104')).toMatchObject({ numerator: 10, value: 25 });
    expect(find(r, '2023-03/2024-02', '101').numerator).toBe(4);
    expect(find(r, '2023-04/2024-03', '101').numerator).toBe(24);
  });

  it('breaks down by sex and age band over the matching residents, with the area total', async () => {
    const bySex = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { fromYear: 2023, breakdown: ['sex'] },
      { viewer: analyst },
    );
    expect(find(bySex, '2023', '101', { sex: 'male' })).toMatchObject({
      numerator: 6,
      denominator: 400,
      value: 15,
    });
    expect(find(bySex, '2023', '101', { sex: 'female' }).value).toBeCloseTo(4 / 0.7, 6);
    expect(find(bySex, '2023', '101')).toMatchObject({ numerator: 10, denominator: 1100, isTotal: true });
    // 102 has no women: no row rather than an empty one.
    expect(find(bySex, '2023', '102', { sex: 'female' })).toBeUndefined();
    const byAge = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { fromYear: 2023, breakdown: ['ageBand'] },
      { viewer: analyst },
    );
    expect(find(byAge, '2023', '101', { ageBand: '18-64' })).toMatchObject({
      numerator: 10,
      denominator: 1000,
    });
    expect(find(byAge, '2023', '101', { ageBand: '75-84' })).toMatchObject({
      numerator: 0,
      denominator: 100,
      value: 0,
    });
  });

  it('breaks down by channel and producer', async () => {
    const byChannel = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { fromYear: 2023, breakdown: ['channel'] },
      { viewer: analyst },
    );
    expect(find(byChannel, '2023', '101', { channel: 'remote' }).numerator).toBe(4);
    expect(find(byChannel, '2023', '103', { channel: 'digital' }).numerator).toBe(2);
    const byProducer = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { level: 'county', fromYear: 2023, breakdown: ['producer'] },
      { viewer: analyst },
    );
    expect(find(byProducer, '2023', '99', { producer: 'P1' }).numerator).toBe(13);
    expect(find(byProducer, '2023', '99', { producer: 'P2' }).numerator).toBe(2);
  });

  it('computes grid cells on their own residents', async () => {
    const r = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { level: 'gridCell', fromYear: 2024 },
      { viewer: analyst },
    );
    expect(find(r, '2024', 'G1')).toMatchObject({ numerator: 20, denominator: 3 });
    expect(find(r, '2024', 'G2')).toMatchObject({ numerator: 5, denominator: 200, value: 25 });
  });
});

describe('other kinds of indicator (hand-computed)', () => {
  it('shares with a Wilson interval', async () => {
    const r = await computeIndicator(
      store,
      indicator('remote-digital-share'),
      { fromYear: 2023 },
      { viewer: analyst },
    );
    const aalto = find(r, '2023', '101');
    expect(aalto).toMatchObject({ numerator: 4, denominator: 10, value: 40 });
    expect(aalto.lower).toBeCloseTo(16.818, 2);
    expect(aalto.upper).toBeCloseTo(68.732, 2);
    expect(find(r, '2023', '103').value).toBe(100);
  });

  it('the share of residents 75+ living at home is the complement of those in 24-hour care', async () => {
    const r = await computeIndicator(
      store,
      indicator('living-at-home-75-percent'),
      { fromYear: 2024 },
      { viewer: analyst },
    );
    const delta = find(r, '2024', '104');
    expect(delta).toMatchObject({ numerator: 5, denominator: 50, value: 90 });
    const w = wilsonInterval(5, 50);
    expect(delta.lower).toBeCloseTo(100 - (w?.upper ?? 0) * 100, 8);
    expect(delta.upper).toBeCloseTo(100 - (w?.lower ?? 0) * 100, 8);
    expect(find(r, '2024', '101')).toMatchObject({ numerator: 0, value: 100 });
  });

  it('unit use against capacity counts where the unit lies, pro rata for the days it was open', async () => {
    const hc = await computeIndicator(
      store,
      indicator('hc-unit-utilisation'),
      { fromYear: 2023, toYear: 2024 },
      { viewer: analyst },
    );
    expect(find(hc, '2023', '101')).toMatchObject({ numerator: 15, denominator: 1200, value: 1.25 });
    expect(find(hc, '2023', '102').value).toBeNull();
    expect(find(hc, '2024', '101').numerator).toBe(25);
    const eld = await computeIndicator(
      store,
      indicator('round-the-clock-care-occupancy'),
      { period: 'quarter', fromYear: 2024, breakdown: ['unit'] },
      { viewer: analyst },
    );
    // 10 places × 91 days of the first quarter of 2024.
    expect(find(eld, '2024-Q1', '104')).toMatchObject({ numerator: 455, denominator: 910, value: 50 });
    expect(find(eld, '2024-Q1', '104', { unit: 'U2' }).value).toBe(50);
    // After the last event in the store: not known, rather than zero.
    expect(find(eld, '2024-Q2', '104')).toMatchObject({ numerator: null, denominator: 910, value: null });
  });

  it('net operating cost per resident', async () => {
    const r = await computeIndicator(
      store,
      indicator('net-cost-per-resident'),
      { fromYear: 2023 },
      { viewer: analyst },
    );
    expect(r.values.map((v) => v.value)).toEqual([100, 200, 100]);
    const county = await computeIndicator(
      store,
      indicator('net-cost-per-resident'),
      { level: 'county', fromYear: 2023 },
      { viewer: analyst },
    );
    expect(county.values[0]?.value).toBeCloseTo(175000 / 1500, 8);
  });

  it('the needs-standardised cost index divides the relative cost by an age-sex need coefficient', async () => {
    // County cost profile 2023: men 18–64 450 € over 600 residents, women 18–64 300 € over 750, 75+ none.
    // Expected cost 101 = 400 × 0.75 + 600 × 0.4 = 540, 102 = 150, 103 = 60 (total 750 over 1 500).
    const r = await computeIndicator(
      store,
      indicator('needs-standardised-cost-index'),
      { fromYear: 2023 },
      { viewer: analyst },
    );
    expect(r.metadata.standardisation).toBe('indirectAgeSexCounty');
    const expected = {
      '101': { need: 540 / 1100 / 0.5, raw: (100 / (175000 / 1500)) * 100 },
      '102': { need: 1.2, raw: (200 / (175000 / 1500)) * 100 },
      '103': { need: 0.8, raw: (100 / (175000 / 1500)) * 100 },
    };
    for (const [code, { need, raw }] of Object.entries(expected)) {
      const v = find(r, '2023', code);
      expect(v.needCoefficient).toBeCloseTo(need, 8);
      expect(v.rawIndex).toBeCloseTo(raw, 8);
      expect(v.value).toBeCloseTo(raw / need, 8);
    }
    expect(find(r, '2023', '102').value).toBeCloseTo(142.857, 3);
  });
});

describe('requests and viewers', () => {
  it('refuses what a definition does not allow', async () => {
    await expect(
      computeIndicator(store, indicator('net-cost-per-resident'), { period: 'month', fromYear: 2023 }),
    ).rejects.toBeInstanceOf(IndicatorRequestError);
    await expect(
      computeIndicator(store, indicator('hc-visits-per-1000'), {
        breakdown: ['serviceClass'],
        fromYear: 2023,
      }),
    ).rejects.toThrow(/cannot be broken down by serviceClass/);
  });

  it('shows a producer only its own events and no county costs', async () => {
    const producer: Viewer = viewerWithRoles(['producer'], { producerCode: 'P2' });
    const r = await computeIndicator(
      store,
      indicator('hc-visits-per-1000'),
      { fromYear: 2023 },
      { viewer: producer },
    );
    expect(r.values.map((v) => [v.areaCode, v.numerator])).toEqual([
      ['101', 0],
      ['102', 0],
      ['103', null],
    ]);
    expect(find(r, '2023', '103').suppressed).toBe(true);
    await expect(
      computeIndicator(store, indicator('net-cost-per-resident'), { fromYear: 2023 }, { viewer: producer }),
    ).rejects.toBeInstanceOf(IndicatorRequestError);
  });

  it('withholds small counts from everyone but an analyst, as null, never 0', async () => {
    const r = await computeIndicator(store, indicator('hc-visits-per-1000'), { fromYear: 2023 });
    expect(r.metadata.suppression).toBe('primaryAndComplementary');
    expect(find(r, '2023', '101')).toMatchObject({ numerator: 10, suppressed: false });
    for (const code of ['102', '103'])
      expect(find(r, '2023', code)).toMatchObject({
        numerator: null,
        value: null,
        lower: null,
        upper: null,
        suppressed: true,
        denominator: code === '102' ? 250 : 150,
      });
  });

  it('filters to the areas asked for after suppression, so the pattern does not depend on the filter', async () => {
    const all = await computeIndicator(store, indicator('hc-visits-per-1000'), {
      fromYear: 2023,
      breakdown: ['channel'],
    });
    const one = await computeIndicator(store, indicator('hc-visits-per-1000'), {
      fromYear: 2023,
      breakdown: ['channel'],
      areaCodes: ['101'],
    });
    expect(one.values).toEqual(all.values.filter((v) => v.areaCode === '101'));
  });

  it('every built-in indicator computes for its first level and period', async () => {
    for (const d of builtInIndicators) {
      const r = await computeIndicator(store, d, {
        level: d.levels[0],
        period: d.periods[0],
        fromYear: 2024,
      });
      expect(r.values.length, d.id).toBeGreaterThan(0);
    }
  });
});

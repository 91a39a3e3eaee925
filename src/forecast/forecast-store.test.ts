import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { backtest } from './backtest.js';
import { backtestInStore } from './backtest-query.js';
import { projectedCellDemand, projectedCellDemandByClass } from './cell-demand-query.js';
import { demandTable } from './demand-query.js';
import { ageCount, groupCount, sexes } from './layout.js';
import { importOfficialProjection } from './official.js';
import { projectedCounts, projectedPopulation } from './projected-population.js';
import { cachedProjection, forecastContext } from './projection.js';
import { openForecastTestStore } from './testing.js';
import { findStoredVariant } from './variants.js';

let store: Store;
beforeAll(async () => {
  store = await openForecastTestStore();
});
afterAll(() => store.close());

const sumOf = (a: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] as number;
  return total;
};

describe('forecasts over the demo county', () => {
  it('reads the history into the municipalities of the latest year, the merged ones added up', async () => {
    const context = await forecastContext(store);
    expect(context?.history.years).toEqual(Array.from({ length: 11 }, (_, i) => 2015 + i));
    expect(context?.history.areaCodes).toContain('971');
    expect(context?.history.areaCodes).not.toContain('969');
    const [stored] = await store.all<{ total: number }>(
      `SELECT sum(count)::DOUBLE AS total FROM population WHERE area_level = 'municipality' AND year = 2016`,
    );
    const size = (context?.history.areaCodes.length ?? 0) * groupCount;
    expect(sumOf(context?.history.population.subarray(size, 2 * size) ?? [])).toBe(stored?.total);
  });

  it('gives the observed population for the base year and balanced components after it', async () => {
    const observed = await projectedPopulation(store, { year: 2025 });
    const [stored] = await store.all<{ total: number }>(
      `SELECT sum(count)::DOUBLE AS total FROM population WHERE area_level = 'municipality' AND year = 2025`,
    );
    expect(sumOf(observed.map((r) => r.count))).toBe(stored?.total);
    const context = await forecastContext(store);
    const base = await findStoredVariant(store, 'base');
    if (!context || !base) throw new Error('no context');
    const projection = await cachedProjection(store, context, base);
    const areas = projection.areaCodes.length;
    const size = areas * groupCount;
    for (let y = 1; y < projection.years.length; y++) {
      for (let area = 0; area < areas; area++) {
        const before = sumOf(
          projection.population.subarray(
            (y - 1) * size + area * groupCount,
            (y - 1) * size + (area + 1) * groupCount,
          ),
        );
        const after = sumOf(
          projection.population.subarray(y * size + area * groupCount, y * size + (area + 1) * groupCount),
        );
        const i = (y - 1) * areas + area;
        const c = projection.components;
        const expected = before - (c?.deaths[i] ?? 0) + (c?.births[i] ?? 0) + (c?.netMigration[i] ?? 0);
        expect(after).toBeCloseTo(expected, 6);
      }
    }
  });

  it('spreads municipalities over their cells so that cells add up exactly, age by age', async () => {
    const municipal = await projectedCounts(store, { year: 2035 });
    const cells = await projectedCounts(store, { year: 2035, level: 'gridCell' });
    const sums = new Map<string, Int32Array>();
    cells.municipalityCodes.forEach((code, c) => {
      const sum = sums.get(code) ?? new Int32Array(groupCount);
      sums.set(code, sum);
      for (let g = 0; g < groupCount; g++)
        sum[g] = (sum[g] as number) + (cells.counts[c * groupCount + g] as number);
    });
    municipal.areaCodes.forEach((code, a) => {
      expect([...(sums.get(code) ?? new Int32Array(groupCount))]).toEqual([
        ...municipal.counts.subarray(a * groupCount, (a + 1) * groupCount),
      ]);
    });
    const rows = await projectedPopulation(store, { year: 2035, level: 'gridCell' });
    expect(rows.every((r) => r.count > 0 && r.age <= ageCount - 1)).toBe(true);
    expect(sumOf(rows.map((r) => r.count))).toBe(sumOf(municipal.counts));
  });

  it('keeps the populated cells populated over a short horizon, and the cells add up exactly', async () => {
    const [observed] = await store.all<{ cells: number }>(
      `SELECT count(DISTINCT area_code)::INTEGER AS cells FROM population
       WHERE area_level = 'gridCell' AND year = 2025 AND count > 0`,
    );
    const populated = (counts: Int32Array, cellCount: number): number => {
      let n = 0;
      for (let c = 0; c < cellCount; c++)
        if (sumOf(counts.subarray(c * groupCount, (c + 1) * groupCount)) > 0) n++;
      return n;
    };
    for (const year of [2025, 2030]) {
      const municipal = await projectedCounts(store, { year });
      const cells = await projectedCounts(store, { year, level: 'gridCell' });
      const n = populated(cells.counts, cells.areaCodes.length);
      expect(n).toBeGreaterThanOrEqual(0.95 * (observed?.cells ?? Number.POSITIVE_INFINITY));
      expect(sumOf(cells.counts)).toBe(sumOf(municipal.counts));
    }
  });

  it('serves the official variant’s own figures', async () => {
    const official = await projectedCounts(store, { variant: 'official', year: 2030 });
    const [stored] = await store.all<{ total: number }>(
      `SELECT sum(count)::DOUBLE AS total FROM forecast_official_population WHERE year = 2030`,
    );
    expect(sumOf(official.counts)).toBe(stored?.total);
  });

  it('backtests from 2019 with errors of a plausible size', async () => {
    const context = await forecastContext(store);
    const base = await findStoredVariant(store, 'base');
    if (!context || !base) throw new Error('no context');
    const result = backtest(context.history, base, 2019);
    expect(result.byMunicipality).toHaveLength(context.history.areaCodes.length);
    expect(result.mape).toBeGreaterThan(0);
    expect(Math.abs(result.countyTotalError ?? 100)).toBeLessThan(5);
  });

  it('spreads a class’s demand over the cells so that they add up to the municipality’s demand table', async () => {
    const context = await forecastContext(store);
    const variant = await findStoredVariant(store, 'base');
    if (!context || !variant) throw new Error('no forecast context');
    const cells = await projectedCellDemand(store, { variant, year: 2032, serviceClass: 'HC' });
    expect(cells.cellCodes.length).toBeGreaterThan(0);
    expect(cells.demand.length).toBe(cells.cellCodes.length);
    expect(cells.demand.every((v) => v >= 0)).toBe(true);
    const withCells = [...new Set(cells.municipalityCodes)];
    for (const code of withCells) {
      let sum = 0;
      cells.municipalityCodes.forEach((m, i) => {
        if (m === code) sum += cells.demand[i] as number;
      });
      const table = await demandTable(store, context, {
        variant,
        areaLevel: 'municipality',
        areaCode: code,
        year: 2032,
      });
      const hc = table?.rows.find((r) => r.serviceClass === 'HC')?.demand ?? Number.NaN;
      expect(sum).toBeCloseTo(hc, 6);
      expect(cells.municipalDemand.get(code)).toBeCloseTo(hc, 6);
    }
  });

  it('gives every class’s cell demand from one spread, remembered for the year', async () => {
    const variant = await findStoredVariant(store, 'base');
    if (!variant) throw new Error('no base variant');
    const byClass = await projectedCellDemandByClass(store, { variant, year: 2031 });
    expect(byClass.size).toBeGreaterThan(1);
    for (const [serviceClass, all] of byClass) {
      const one = await projectedCellDemand(store, { variant, year: 2031, serviceClass });
      expect(one.serviceClass).toBe(serviceClass);
      expect([...one.demand]).toEqual([...all.demand]);
    }
    expect(await projectedCellDemandByClass(store, { variant, year: 2031 })).toBe(byClass);
    await expect(projectedCellDemand(store, { variant, year: 2031, serviceClass: 'nope' })).rejects.toThrow(
      'no service class',
    );
  });
  it('backtests beside a constant population and the official projection from the same base year', async () => {
    const context = await forecastContext(store);
    const base = await findStoredVariant(store, 'base');
    if (!context || !base) throw new Error('no context');
    const without = await backtestInStore(store, context, base, 2019);
    expect(without.official).toBeNull();
    expect(
      without.byAgeGroup.every((r) => r.baselineMape !== undefined && r.officialMape === undefined),
    ).toBe(true);
    // An "official" projection from 2019 that was exactly right for 2020–2022 and absent after.
    const { history } = context;
    const rows = [];
    for (const year of [2020, 2021, 2022]) {
      const y = history.years.indexOf(year);
      for (let area = 0; area < history.areaCodes.length; area++)
        for (let g = 0; g < groupCount; g++) {
          const count = history.population[(y * history.areaCodes.length + area) * groupCount + g] as number;
          if (count > 0)
            rows.push({
              areaCode: history.areaCodes[area] ?? '',
              year,
              age: g % ageCount,
              sex: sexes[Math.floor(g / ageCount)] ?? 'male',
              count,
            });
        }
    }
    await importOfficialProjection(store, { name: 'official-2019', label: 'Projection 2019', rows });
    const fresh = await forecastContext(store);
    if (!fresh) throw new Error('no context');
    const result = await backtestInStore(store, fresh, base, 2019);
    expect(result.official).toEqual({ variant: 'official-2019', label: 'Projection 2019' });
    const horizon = (h: number) => result.byHorizon?.find((r) => r.horizon === h);
    expect(horizon(1)?.all.officialMape).toBe(0);
    expect(horizon(1)?.all.mape).toBeGreaterThan(0);
    expect(horizon(5)?.all.officialMape).toBeNull();
    expect(horizon(5)?.all.baselineMape).toBeGreaterThan(0);
    expect(result.byAgeGroup.every((r) => r.officialMape === 0)).toBe(true);
  });
});

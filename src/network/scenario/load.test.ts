import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectedCellDemand } from '../../forecast/index.js';
import { openForecastTestStore } from '../../forecast/testing.js';
import type { Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { loadNetworkData } from './load.js';

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => store.close());

describe('network data from the store', () => {
  it('reads populated cells, use rates and the base network by hand', async () => {
    const data = await loadNetworkData(store);
    // The latest grid-cell population is of 2024: cell 385 has 2 + 10 + 7 + 1 = 20 residents, cell 386 has 3.
    expect(data).toMatchObject({ baseYear: 2024, targetYear: 2024, populationYear: 2024 });
    expect(data.populationSource).toBe('latestPopulation');
    expect(data.cells.codes).toEqual(['1kmN6672E0385', '1kmN6672E0386']);
    expect(Array.from(data.cells.total)).toEqual([20, 3]);
    expect(Array.from(data.cells.children)).toEqual([12, 0]);
    expect(Array.from(data.cells.aged75)).toEqual([1, 0]);
    expect(data.cells.x[0]).toBe(385_500);

    // 2024 has one HC event (remote, age 41); 2024's residents aged 18–64 in municipality 002 are 60 + 50.
    const hc = data.classes.find((c) => c.serviceClass.code === 'HC');
    expect(hc?.ratePerResident[2]).toBeCloseTo(1 / 110, 12);
    expect(hc?.inPersonShare).toBe(0);

    // U2 closed in 2023; U1's 30 000 visits split evenly, as it recorded no in-person events in 2024.
    expect(data.units.map((u) => u.code)).toEqual(['U1']);
    expect(data.units[0]).toMatchObject({
      producerCode: 'P1',
      inPerson: true,
      capacity: { HC: 15_000, OH: 15_000 },
    });
  });

  it('takes the base network of an earlier year, with places counted as care days', async () => {
    const data = await loadNetworkData(store, { baseYear: 2023 });
    const u2 = data.units.find((u) => u.code === 'U2');
    expect(u2?.capacity).toEqual({ ELD: 40 * 365 });
    expect(data.populationNote).toContain('2024');
  });
});

describe('demand of a projected target year', () => {
  let demo: Store;
  beforeAll(async () => {
    demo = await openForecastTestStore();
  });
  afterAll(() => demo.close());

  it("takes each class's demand by cell from the forecast, adding up to its demand table", async () => {
    const data = await loadNetworkData(demo, { targetYear: 2032 });
    expect(data.populationSource).toBe('forecast');
    expect(data.demandSource).toBe('forecastCellDemand');
    expect(data.demandNote).toContain('2032');
    let total = 0;
    for (const demand of data.classes) {
      const cells = await projectedCellDemand(demo, { year: 2032, serviceClass: demand.serviceClass.code });
      // The municipalities' figures of the Forecast page's demand table, of those with populated cells.
      const withCells = new Set(cells.municipalityCodes);
      const table = [...cells.municipalDemand]
        .filter(([code]) => withCells.has(code))
        .reduce((a, [, value]) => a + value, 0);
      const scenario = Array.from(demand.projected ?? []).reduce((a, b) => a + b, 0);
      expect(scenario).toBeCloseTo(table, 6);
      total += scenario;
    }
    expect(total).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerWithRoles } from '../model/index.js';
import { openState, type StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { evaluateMonitoringSet } from './evaluate.js';
import { createMonitoringSet } from './set-store.js';

let store: Store;
let state: StateDb;
beforeAll(async () => {
  store = await openSampleStore();
  state = await openState({ store, county: '99' });
});
afterAll(async () => {
  await state.close();
  store.close();
});

const target = { period: '2025', targetValue: 5, direction: 'higherIsBetter', tolerance: 1 } as const;

describe('evaluateMonitoringSet', () => {
  it('computes each item for its scope: county, municipality, unit or producer', async () => {
    const set = await createMonitoringSet(state, {
      name: 'Scopes',
      items: [
        { indicatorId: 'hc-visits-per-1000', target },
        { indicatorId: 'hc-visits-per-1000', scope: { level: 'municipality', code: '002' }, target },
        { indicatorId: 'hc-visits-per-1000', scope: { level: 'unit', code: 'U1' } },
        { indicatorId: 'hc-visits-per-1000', scope: { level: 'producer', code: 'P1' } },
        { indicatorId: 'net-cost-per-resident', scope: { level: 'unit', code: 'U1' } },
        { indicatorId: 'no-such-indicator' },
      ],
    });
    const view = await evaluateMonitoringSet(store, set, {
      viewer: viewerWithRoles(['analyst']),
      toYear: 2024,
      years: 2,
    });
    const [county, municipality, unit, producer, cost, unknown] = view.items;
    // One visit in 2024; the county's and Böle's residents are the same 150 people.
    expect(county).toMatchObject({ areaCode: '99', period: '2024', note: null });
    expect(county?.value).toBeCloseTo(1000 / 150, 10);
    expect(county?.assessment).toMatchObject({ status: 'onTarget' });
    expect(county?.assessment.variance).toBeCloseTo(1000 / 150 - 5, 10);
    expect(municipality).toMatchObject({ areaCode: '002', note: null });
    expect(municipality?.value).toBeCloseTo(1000 / 150, 10);
    expect(unit).toMatchObject({ areaCode: 'U1', note: null, assessment: { status: 'unknown' } });
    expect(unit?.series.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(producer).toMatchObject({ areaCode: 'P1', note: null });
    expect(cost?.note).toMatch(/cannot be broken down by unit|not computed/);
    expect(cost?.series).toEqual([]);
    expect(unknown).toMatchObject({ note: 'unknown indicator no-such-indicator', title: null, value: null });
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainDefinition, isSmallCount, type Viewer, viewerWithRoles } from '../model/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { history, toEvents } from './chains.fixture.js';
import { computeChain } from './compute.js';
import { chainIndicatorSource } from './indicator-values.js';
import { loadShippedChains } from './shipped.js';
import { insertEvents, type TinyEvent, tinyEvents } from './testing.js';

const analyst = viewerWithRoles(['analyst']);
const manager = viewerWithRoles(['manager']);
const hip = loadShippedChains().find((c) => c.id === 'hip-fracture') as ChainDefinition;

/** The sample county's municipalities in 2024 are 002 and 003. */
const inSampleCounty = (events: readonly TinyEvent[]): TinyEvent[] =>
  events.map((e) => ({
    ...e,
    municipality: e.municipality === '102' || e.municipality === '103' ? '003' : '002',
  }));

/** One source per store and test, as one request has: a chain's answer is computed once for all its measures. */
const sources = new WeakMap<Store, ReturnType<typeof chainIndicatorSource>>();
const valuesOf = async (store: Store, measure: string, level: 'county' | 'municipality', viewer: Viewer) => {
  const source = sources.get(store) ?? chainIndicatorSource(store, [hip]);
  sources.set(store, source);
  const request = { level, fromYear: 2024, toYear: 2024 };
  const result = await source.compute(`chain:hip-fracture:${measure}`, request, viewer);
  return (result?.values ?? []).map((v) => ({
    area: v.areaCode,
    value: v.value,
    n: v.numerator,
    d: v.denominator,
    suppressed: v.suppressed,
  }));
};

describe('chain indicators on the hand-counted hip-fracture entries', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openSampleStore();
    // Four entries in 2024: all four steps (002), three (002), two (003), one (002).
    await insertEvents(store, inSampleCounty(tinyEvents));
  });
  afterAll(() => store.close());

  it('lists four measures of each chain, yearly for the county and municipalities', () => {
    const source = chainIndicatorSource(store, [hip]);
    expect(source.definitions.map((d) => [d.id, d.direction])).toEqual([
      ['chain:hip-fracture:reach-final', 'higherIsBetter'],
      ['chain:hip-fracture:median-days', 'lowerIsBetter'],
      ['chain:hip-fracture:cost-per-client', 'neutral'],
      ['chain:hip-fracture:returns', 'lowerIsBetter'],
    ]);
    expect(source.find('chain:hip-fracture:returns')?.title.fi).toContain('Lonkkamurtuma');
    expect(source.find('chain:no-such:returns')).toBeUndefined();
  });

  it('gives an analyst the figures counted by hand', async () => {
    expect(await valuesOf(store, 'reach-final', 'county', analyst)).toEqual([
      { area: '99', value: 25, n: 1, d: 4, suppressed: false },
    ]);
    expect(await valuesOf(store, 'reach-final', 'municipality', analyst)).toEqual([
      { area: '002', value: 100 / 3, n: 1, d: 3, suppressed: false },
      { area: '003', value: 0, n: 0, d: 1, suppressed: false },
    ]);
    // 1 February to 1 March 2024 (a leap year).
    expect((await valuesOf(store, 'median-days', 'county', analyst))[0]?.value).toBe(29);
    // Every event costs 100: 4 + 3 + 2 + 1 events over four clients.
    expect((await valuesOf(store, 'cost-per-client', 'county', analyst))[0]).toMatchObject({
      value: 250,
      n: 1000,
      d: 4,
    });
    expect((await valuesOf(store, 'returns', 'county', analyst))[0]).toMatchObject({ value: 0, n: 0, d: 4 });
  });

  it('agrees with the chain engine’s own answer', async () => {
    const chain = await computeChain(store, hip, 2024, { viewer: analyst, by: 'municipality' });
    const reach = await valuesOf(store, 'reach-final', 'municipality', analyst);
    expect(reach.map((v) => v.area)).toEqual(chain.groups.map((g) => g.category));
    reach.forEach((v, i) => {
      expect(v.value).toBeCloseTo(100 * (chain.groups[i]?.steps.at(-1)?.share ?? Number.NaN), 10);
    });
    const cost = await valuesOf(store, 'cost-per-client', 'municipality', analyst);
    expect(cost.map((v) => v.value)).toEqual(chain.groups.map((g) => g.costPerClient));
  });

  it('withholds every figure of so few entries from a manager', async () => {
    // A count of 0 describes nobody and is shown (no one reached 003's last step); it gives no median.
    for (const measure of ['reach-final', 'median-days', 'cost-per-client', 'returns'])
      for (const level of ['county', 'municipality'] as const)
        for (const v of await valuesOf(store, measure, level, manager)) {
          expect(v.value).toBeNull();
          expect(v.suppressed ? [v.n, v.d] : [v.d]).toEqual(v.suppressed ? [null, null] : [0]);
        }
  });
});

describe('chain indicators for a manager on random histories', () => {
  it('show no small count, and show a figure only as the analyst sees it', async () => {
    const store = await openSampleStore();
    try {
      for (const rows of fc.sample(history, { seed: 13, numRuns: 3 })) {
        await store.run('DELETE FROM events');
        await insertEvents(
          store,
          inSampleCounty(toEvents(rows)).map((e) => ({ ...e, serviceClass: e.serviceClass })),
        );
        const source = chainIndicatorSource(store, [tinyHip]);
        for (const definition of source.definitions)
          for (const level of ['county', 'municipality'] as const) {
            const request = { level, fromYear: 2024, toYear: 2024 };
            const shown = (await source.compute(definition.id, request, manager))?.values ?? [];
            const whole = (await source.compute(definition.id, request, analyst))?.values ?? [];
            expect(shown.map((v) => v.areaCode)).toEqual(whole.map((v) => v.areaCode));
            shown.forEach((v, i) => {
              for (const count of definition.measure === 'cost-per-client'
                ? [v.denominator]
                : [v.numerator, v.denominator])
                expect(isSmallCount(count), `${definition.id} ${v.areaCode}`).toBe(false);
              if (!v.suppressed) expect(v.value).toBe(whole[i]?.value);
              else expect(v.value).toBeNull();
            });
          }
      }
    } finally {
      store.close();
    }
  });
});

/** The random histories hold emergency, inpatient and rehabilitation events of clients of any age. */
const tinyHip: ChainDefinition = {
  ...hip,
  id: 'tiny-hip',
  steps: hip.steps.slice(0, 3),
  entry: { ...hip.entry, ageFrom: 0 },
};

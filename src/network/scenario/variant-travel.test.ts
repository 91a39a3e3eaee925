import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkVariant, Scenario } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { digiroadTestLink, type LinkAttributes } from '../roads/digiroad.fixture.js';
import { digiroadNetwork } from '../roads/digiroad.js';
import { saveRoadNetwork } from '../roads/road-store.js';
import { evaluatorFor, resolveYears, travelFor } from './service.js';

const y = 6_672_300;
const link = (id: string, from: [number, number], to: [number, number], more: LinkAttributes = {}) =>
  digiroadTestLink(id, [[...from, ...to]], more);

/**
 * The sample store's cells (centres 385 500 and 386 500 east, 6 672 500 north) and unit U1 (385 800,
 * 6 672 300) on a secondary road running east (60 km/h): the west bank (w1, w2), the only bridge b
 * (386 000–386 100) and the east bank e, each 40 km/h in winter, and from its end a ferry f north to
 * an islet.
 */
const links = [
  link('w1', [385_000, y], [385_800, y], { winterSpeedKmh: 40 }),
  link('w2', [385_800, y], [386_000, y], { winterSpeedKmh: 40 }),
  link('b', [386_000, y], [386_100, y], { winterSpeedKmh: 40 }),
  link('e', [386_100, y], [387_000, y], { winterSpeedKmh: 40 }),
  link('f', [387_000, y], [387_000, y + 1000], { roadClass: 'ferry', ferry: true, crossingSeconds: 300 }),
];

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
  await saveRoadNetwork(store, digiroadNetwork(links), {
    name: 'banks',
    sourceFile: 'banks.gpkg',
    format: 'digiroad-gpkg',
    components: { count: 1, largestNodeShare: 1, largestLengthShare: 1 },
  });
});
afterAll(() => store.close());

const variant = (fields: Partial<NetworkVariant>) => NetworkVariant.parse(fields);
const accessOf = async (spec: { variant?: NetworkVariant }) => {
  const evaluator = await evaluatorFor(store, {
    ...(await resolveYears(store, {})),
    roadNetwork: 'banks',
    ...spec,
  });
  return { evaluator, minutes: Array.from((await evaluator.access([], 'HC')).minutes) };
};

describe('scenarios on a network variant', () => {
  it('gives exactly the old answer without a variant, or with summer and nothing closed', async () => {
    const before = await accessOf({});
    const none = await accessOf({ variant: variant({}) });
    expect(none.evaluator).toBe(before.evaluator);
    expect(none.minutes).toEqual(before.minutes);
    expect(before.minutes.every(Number.isFinite)).toBe(true);
    // A saved scenario from before variants has none.
    const saved = Scenario.parse({
      id: 's',
      version: 1,
      name: 'old',
      description: '',
      baseYear: 2024,
      targetYear: 2024,
      changes: [],
      thresholds: [10],
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    expect(saved.variant).toBeUndefined();
  });

  it('matches the road times on the customised hierarchy when only an unrelated ferry is out', async () => {
    const before = await accessOf({});
    const ferryOut = await accessOf({ variant: variant({ ferriesOut: ['f'] }) });
    expect(ferryOut.evaluator).not.toBe(before.evaluator);
    expect(ferryOut.minutes).toEqual(before.minutes.map((t) => expect.closeTo(t, 6)));
  });

  it('is slower in winter, never faster', async () => {
    const summer = (await accessOf({})).minutes;
    const winter = (await accessOf({ variant: variant({ season: 'winter' }) })).minutes;
    winter.forEach((t, c) => {
      expect(t).toBeGreaterThanOrEqual(summer[c] as number);
    });
    // The second cell's trip crosses the bridge and w2, 300 m: 27 s in winter instead of 18.
    expect(winter[1] as number).toBeCloseTo((summer[1] as number) + 9 / 60, 6);
  });

  it('cuts off the cells beyond the only bridge when it is closed, and leaves the others alone', async () => {
    const open = (await accessOf({})).minutes;
    const closed = (await accessOf({ variant: variant({ closedLinks: ['b'] }) })).minutes;
    expect(closed[0]).toBeCloseTo(open[0] as number, 6);
    expect(closed[1]).toBe(Number.POSITIVE_INFINITY);
    const travel = await travelFor(store, { roadNetwork: 'banks', variant: variant({ closedLinks: ['b'] }) });
    expect(travel.use([{ x: 386_500, y: 6_672_500 }], []).unreachableOrigins).toBe(1);
  });

  it('takes a ferry out of service: the islet beyond it is no longer reached', async () => {
    const islet = [{ x: 387_000, y: y + 1000 }];
    const east = [{ x: 386_500, y }];
    const base = await travelFor(store, { roadNetwork: 'banks' });
    const out = await travelFor(store, { roadNetwork: 'banks', variant: variant({ ferriesOut: ['f'] }) });
    expect(Number.isFinite((await base.source(east, islet))[0] as number)).toBe(true);
    expect((await out.source(east, islet))[0]).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses links the network does not hold, and ferries that are roads', async () => {
    await expect(
      travelFor(store, { roadNetwork: 'banks', variant: variant({ closedLinks: ['nope'] }) }),
    ).rejects.toMatchObject({ code: 'invalidRequest' });
    await expect(
      travelFor(store, { roadNetwork: 'banks', variant: variant({ ferriesOut: ['b'] }) }),
    ).rejects.toMatchObject({ code: 'invalidRequest' });
  });
});

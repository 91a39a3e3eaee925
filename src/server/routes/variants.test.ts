import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessLayer,
  EquityResult,
  FerryList,
  IsochroneLayer,
  type Role,
  TravelModeComparison,
} from '../../model/index.js';
import { digiroadNetwork, saveRoadNetwork } from '../../network/index.js';
import { digiroadTestLink, type LinkAttributes } from '../../network/testing.js';
import { asRole, getJson, openTestServer } from '../testing.js';

// Every route that computes travel times for a scenario takes the same network variant. On the sample
// store's two cells (centres 385 500 and 386 500 east) and its unit U1 (385 800 east), a road runs east:
// the west bank w1, w2, the only bridge b (386 000–386 100) and the east bank e, each 40 km/h in winter,
// and from its end a ferry f north to an islet.

const y = 6_672_300;
const link = (id: string, from: [number, number], to: [number, number], more: LinkAttributes = {}) =>
  digiroadTestLink(id, [[...from, ...to]], { winterSpeedKmh: 40, ...more });

const links = [
  link('w1', [385_000, y], [385_800, y]),
  link('w2', [385_800, y], [386_000, y]),
  link('b', [386_000, y], [386_100, y]),
  link('e', [386_100, y], [387_000, y]),
  link('f', [387_000, y], [387_000, y + 1000], {
    roadClass: 'ferry',
    ferry: true,
    crossingSeconds: 300,
    winterSpeedKmh: 0,
  }),
];

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
  await saveRoadNetwork(server.store, digiroadNetwork(links), {
    name: 'banks',
    sourceFile: 'banks.gpkg',
    format: 'digiroad-gpkg',
    components: { count: 1, largestNodeShare: 1, largestLengthShare: 1 },
    mayBecomeActive: false,
  });
});
afterAll(() => server.close());

const post = async (url: string, payload: object, role: Role = 'analyst') => {
  const response = await server.app.inject({ method: 'POST', url, payload, headers: asRole(role) });
  return { status: response.statusCode, body: response.json() };
};

const summer = {};
const winter = { variant: { season: 'winter' } };
const bridgeClosed = { variant: { closedLinks: ['b'] } };
const onBanks = { serviceClass: 'HC', roadNetwork: 'banks' };

describe('network variants on every route that computes travel times', () => {
  it('lists the ferries a variant may take out, and none for a network without link ids', async () => {
    const banks = FerryList.parse(
      (await getJson(server.app, '/api/network/roads/ferries?network=banks')).body,
    );
    expect(banks).toMatchObject({ network: 'banks', identifiedLinks: true });
    expect(banks.ferries).toEqual([
      expect.objectContaining({ linkId: 'f', lengthMetres: 1000, crossingMinutes: 5 }),
    ]);
    const none = FerryList.parse((await getJson(server.app, '/api/network/roads/ferries')).body);
    expect(none).toMatchObject({ identifiedLinks: false, ferries: [] });
  });

  it('access layer: never faster in winter, and the far bank unreachable when its only bridge closes', async () => {
    const minutes = async (variant: object) =>
      AccessLayer.parse(
        (await post('/api/network/access.geojson', { ...onBanks, ...variant })).body,
      ).features.map((f) => f.properties.minutes);
    const open = await minutes(summer);
    expect(open.every((m) => m !== null)).toBe(true);
    (await minutes(winter)).forEach((m, c) => {
      expect(m).toBeGreaterThanOrEqual(open[c] as number);
    });
    const closed = await minutes(bridgeClosed);
    expect(closed[0]).toBe(open[0]);
    expect(closed[1]).toBeNull();
  });

  it('equity: never faster in winter, and closing the bridge leaves the far bank unreachable', async () => {
    // The far bank is 2.0 minutes from U1 in summer, 2.2 in winter (the bridge and w2 at 40 km/h).
    const equity = async (variant: object) =>
      EquityResult.parse(
        (await post('/api/network/equity', { ...onBanks, limitMinutes: 2.1, ...variant })).body,
      );
    const open = await equity(summer);
    const cold = await equity(winter);
    const closed = await equity(bridgeClosed);
    const unreachable = (result: EquityResult) =>
      result.byAgeGroup.reduce((sum, g) => sum + (g.unreachable ?? 0), 0);
    cold.byAgeGroup.forEach((group, g) => {
      expect(group.mean).toBeGreaterThanOrEqual(open.byAgeGroup[g]?.mean as number);
    });
    expect(open.beyondLimit).toBe(0);
    expect(cold.beyondLimit).toBeGreaterThan(0);
    expect(unreachable(open)).toBe(0);
    expect(unreachable(closed)).toBeGreaterThan(0);
    expect(unreachable(closed)).toBe(closed.beyondLimit);
  });

  it('isochrones: the far bank drops out of every band when the bridge closes, and none grows in winter', async () => {
    const cells = async (variant: object) =>
      IsochroneLayer.parse(
        (await post('/api/network/isochrones.geojson', { ...onBanks, bands: [10], ...variant })).body,
      ).features.map((f) => f.properties.cells);
    expect(await cells(summer)).toEqual([2]);
    expect(await cells(bridgeClosed)).toEqual([1]);
    expect((await cells(winter))[0]).toBeLessThanOrEqual(2);
  });

  it('modes: the car is never faster in winter, and a ferry out leaves the banks as they were', async () => {
    const car = async (variant: object) => {
      const answer = TravelModeComparison.parse(
        (await post('/api/network/modes', { ...onBanks, thresholds: [2.1], ...variant })).body,
      );
      return answer.modes.find((m) => m.mode === 'car');
    };
    const open = await car(summer);
    const cold = await car(winter);
    expect(cold?.medianMinutes).toBeGreaterThanOrEqual(open?.medianMinutes as number);
    expect(open?.within[0]?.share).toBe(1);
    expect(cold?.within[0]?.share).toBeLessThan(1);
    expect((await car({ variant: { ferriesOut: ['f'] } }))?.medianMinutes).toBeCloseTo(
      open?.medianMinutes as number,
      6,
    );
    expect((await car(bridgeClosed))?.unreachableShare).toBeGreaterThan(0);
  });

  it('refuses on every route a ferry that is a road, or a link the network does not hold', async () => {
    for (const url of [
      '/api/network/access.geojson',
      '/api/network/equity',
      '/api/network/isochrones.geojson',
      '/api/network/language-access',
      '/api/network/modes',
      '/api/network/travel-grid.gpkg',
      '/api/network/isochrones.gpkg',
    ]) {
      // Refused by the variant's check, not by the query's shape: the route took the variant.
      const notFerry = await post(url, { ...onBanks, variant: { ferriesOut: ['b'] } });
      expect([notFerry.status, notFerry.body.details], url).toEqual([
        400,
        { variant: true, notFerries: ['b'] },
      ]);
      const unknown = await post(url, { ...onBanks, variant: { closedLinks: ['nope'] } });
      expect([unknown.status, unknown.body.details], url).toEqual([
        400,
        { variant: true, unknownLinks: ['nope'] },
      ]);
    }
    const actions = await post('/api/network/actions', {
      roadNetwork: 'banks',
      changes: [{ kind: 'close', unitCode: 'U1' }],
      variant: { closedLinks: ['nope'] },
    });
    expect(actions.body.details).toEqual({ variant: true, unknownLinks: ['nope'] });
    const optimise = await post(
      '/api/network/optimisations',
      { ...onBanks, p: 1, variant: { closedLinks: ['nope'] } },
      'planner',
    );
    expect(optimise.body.details).toEqual({ variant: true, unknownLinks: ['nope'] });
  });
});

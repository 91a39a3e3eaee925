import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransitSettings } from '../../model/index.js';
import { graphFromArcs } from '../graph/road-graph.js';
import { computeTravelTimeMatrix } from '../matrix/compute.js';
import type { GtfsFeed, GtfsTrip } from './gtfs/feed.js';
import { nearestRank } from './percentiles.js';
import { defaultServiceDay } from './service-day.js';
import { transitTravelTimes } from './travel-times.js';

// A street of 11 nodes 100 m apart, walked at 3.6 km/h (100 s a block), both ways.
const x = Float64Array.from({ length: 11 }, (_, i) => 500_000 + 100 * i);
const y = new Float64Array(11).fill(7_000_000);
const tails = Uint32Array.from({ length: 20 }, (_, a) => (a < 10 ? a : a - 9));
const heads = Uint32Array.from({ length: 20 }, (_, a) => (a < 10 ? a + 1 : a - 10));
const walk = graphFromArcs({
  profile: 'walk',
  x,
  y,
  tails,
  heads,
  seconds: new Float64Array(20).fill(100),
  accessSpeedKmh: 3.6,
  detourFactor: 1,
});

// A bus from node 1 to node 9 every 10 minutes from 7:05, 5 minutes on board.
const trips: GtfsTrip[] = Array.from({ length: 12 }, (_, i) => ({
  id: `T${i}`,
  routeId: 'R',
  serviceId: 'S',
  stops: Uint32Array.of(0, 1),
  arrivals: Int32Array.of(7 * 3600 + 300 + 600 * i, 7 * 3600 + 600 + 600 * i),
  departures: Int32Array.of(7 * 3600 + 300 + 600 * i, 7 * 3600 + 600 + 600 * i),
}));
const feed: GtfsFeed = {
  stops: {
    id: ['A', 'B'],
    name: ['A', 'B'],
    x: Float64Array.of(500_100, 500_900),
    y: Float64Array.of(7_000_000, 7_000_000),
  },
  routes: new Map([['R', { type: 3, shortName: '1' }]]),
  trips,
  services: new Map([
    [
      'S',
      {
        weekdays: [true, true, true, true, true, false, false],
        start: '20260101',
        end: '20261231',
        added: new Set(),
        removed: new Set(),
      },
    ],
  ]),
};
const request = {
  origins: [{ x: 500_000, y: 7_000_000 }],
  destinations: [{ x: 501_000, y: 7_000_000 }],
  window: { date: '2026-03-03', fromSeconds: 7 * 3600, toSeconds: 7 * 3600 + 600, stepSeconds: 60 },
  settings: TransitSettings.parse({ maxAccessMinutes: 5, percentile: 75 }),
};

describe('public-transport travel times over a window', () => {
  it('gives the median and the chosen percentile of the minutes of the window, as r5 reports them', async () => {
    // Leaving 7:00–7:03 one catches the 7:05 bus (100 s to the stop); 7:04–7:09 the 7:15. 100 s from the last stop.
    const minutes = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((m) => m + 40 / 60);
    const times = await transitTravelTimes(feed, walk, { ...request, threads: 0 });
    expect(times.median[0]).toBeCloseTo(nearestRank(minutes, 50), 4);
    expect(times.median[0]).toBeCloseTo(12 + 40 / 60, 4);
    expect(times.percentile[0]).toBeCloseTo(15 + 40 / 60, 4);
    expect(times.departures).toBe(10);
    expect(times.trips).toBe(12);
  });

  it('runs no bus on a Sunday: beyond the walking limit, unreachable', async () => {
    const times = await transitTravelTimes(feed, walk, {
      ...request,
      window: { ...request.window, date: '2026-03-08' },
      threads: 0,
    });
    expect(times.trips).toBe(0);
    expect(times.median[0]).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives the same figures from worker threads as in this thread', async () => {
    const many = {
      ...request,
      origins: Array.from({ length: 7 }, (_, i) => ({ x: 500_000 + 50 * i, y: 7_000_010 })),
    };
    const here = await transitTravelTimes(feed, walk, { ...many, threads: 0 });
    const workers = await transitTravelTimes(feed, walk, { ...many, threads: 2 });
    expect(Array.from(workers.median)).toEqual(Array.from(here.median));
    expect(Array.from(workers.percentile)).toEqual(Array.from(here.percentile));
    expect(here.median.every((m) => Number.isFinite(m))).toBe(true);
  });
});

describe('public transport against walking alone', () => {
  it('is never slower than walking the whole way, where the walk is within the walking limit', async () => {
    const onStreet = fc.integer({ min: 500_000, max: 501_000 }).map((x) => ({ x, y: 7_000_000 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(onStreet, { minLength: 1, maxLength: 4 }),
        fc.array(onStreet, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 99 }),
        async (origins, destinations, percentile) => {
          const settings = TransitSettings.parse({ maxAccessMinutes: 10, percentile });
          const transit = await transitTravelTimes(feed, walk, {
            ...request,
            origins,
            destinations,
            settings,
            threads: 0,
          });
          const walking = computeTravelTimeMatrix(walk, origins, destinations).minutes;
          walking.forEach((minutes, k) => {
            // Walks are counted in whole seconds: half a second either way.
            if (minutes <= settings.maxAccessMinutes)
              expect(transit.percentile[k] as number).toBeLessThanOrEqual(minutes + 1 / 120);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('takes the first Tuesday the feed runs on as the default day', () => {
    // The service runs Monday to Friday from Thursday 1 January 2026.
    expect(defaultServiceDay(feed)).toBe('2026-01-06');
    const weekdays = [false, false, false, false, true, false, false];
    const service = feed.services.get('S');
    if (!service) throw new Error('the feed has no service S');
    const fridays = { ...feed, services: new Map([['S', { ...service, weekdays }]]) };
    expect(defaultServiceDay(fridays)).toBe('2026-01-02');
    const none = { ...feed, services: new Map() };
    expect(defaultServiceDay(none)).toBeUndefined();
  });
});

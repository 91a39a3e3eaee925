import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OriginWalks, RangeRaptor, unreachable, type WalkLinks } from './raptor.js';
import { timeExpandedArrivals } from './reference.fixture.js';
import { buildTimetable, type DayTrip } from './timetable.js';

const links = (count: number, list: [number, number, number][]): WalkLinks => {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const offsets = new Uint32Array(count + 1);
  for (const [from] of sorted) offsets[from + 1] = (offsets[from + 1] as number) + 1;
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  return {
    offsets,
    targets: Uint32Array.from(sorted, (l) => l[1]),
    seconds: Int32Array.from(sorted, (l) => l[2]),
  };
};

const trip = (stops: number[], times: number[]): DayTrip => ({
  stops: Uint32Array.from(stops),
  arrivals: Int32Array.from(times),
  departures: Int32Array.from(times),
});

const travel = (
  input: {
    stopCount: number;
    trips: DayTrip[];
    transfers: WalkLinks;
    egress: WalkLinks;
    destinationCount: number;
  },
  origin: OriginWalks,
  departures: number[],
  maxRides = 8,
): number[] => {
  const raptor = new RangeRaptor({
    ...input,
    timetable: buildTimetable(input.stopCount, input.trips),
    maxRides,
  });
  const out = new Int32Array(departures.length * input.destinationCount);
  raptor.run(origin, Int32Array.from(departures), out);
  return Array.from(out, (s) => (s === unreachable ? Number.POSITIVE_INFINITY : s));
};

describe('range RAPTOR by hand', () => {
  // Stops 0 → 1 → 2 on line A; from stop 1 a 60 s walk to stop 3, where line B leaves for stop 4.
  const trips = [
    trip([0, 1, 2], [1000, 1300, 1600]),
    trip([0, 1, 2], [2000, 2300, 2600]),
    trip([3, 4], [1400, 1700]),
    trip([3, 4], [2500, 2800]),
  ];
  const base = {
    stopCount: 5,
    trips,
    transfers: links(5, [[1, 3, 60]]),
    egress: links(2, [
      [0, 2, 30],
      [1, 4, 120],
    ]),
    destinationCount: 2,
  };
  const origin: OriginWalks = {
    stops: Uint32Array.of(0),
    seconds: Int32Array.of(100),
    direct: Int32Array.of(-1, -1),
  };

  it('waits for the next trip, changes by a walk, and reports each departure', () => {
    // Leave at 900: walk to 0 by 1000, ride to 2 at 1600 (+30 s walk); to 1 at 1300, walk to 3 by 1360, B at 1400 → 4 at 1700 (+120).
    // Leave at 950 or 1000: at stop 0 after the 1000 trip has gone; the 2000 trip, then B at 2500.
    expect(travel(base, origin, [900, 950, 1000])).toEqual([730, 920, 1680, 1970, 1630, 1920]);
  });

  it('stops at the ride limit: one vehicle does not reach line B', () => {
    expect(travel(base, origin, [900], 1)).toEqual([730, Number.POSITIVE_INFINITY]);
  });

  it('walks all the way when that is sooner', () => {
    const near = { ...origin, direct: Int32Array.of(600, -1) };
    expect(travel(base, near, [900])).toEqual([600, 920]);
  });

  it('splits a trip that overtakes another into a pattern of its own', () => {
    const overtaking = [trip([0, 1, 2], [1000, 1500, 2000]), trip([0, 1, 2], [1100, 1200, 1300])];
    expect(travel({ ...base, trips: overtaking }, origin, [800])).toEqual([530, Number.POSITIVE_INFINITY]);
  });
});

describe('range RAPTOR against a time-expanded Dijkstra', () => {
  const feed = fc
    .record({
      stopCount: fc.integer({ min: 2, max: 6 }),
      trips: fc.array(
        fc.record({
          stops: fc.array(fc.nat(5), { minLength: 2, maxLength: 5 }),
          start: fc.integer({ min: 0, max: 3000 }),
          runs: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 4, maxLength: 4 }),
          dwells: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 5, maxLength: 5 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      transfers: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.integer({ min: 0, max: 300 })), {
        maxLength: 10,
      }),
      destinations: fc.integer({ min: 1, max: 3 }),
      egress: fc.array(fc.tuple(fc.nat(2), fc.nat(5), fc.integer({ min: 0, max: 900 })), { maxLength: 6 }),
      access: fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 900 })), { minLength: 1, maxLength: 2 }),
      direct: fc.array(fc.oneof(fc.constant(-1), fc.constant(-1), fc.integer({ min: 0, max: 5000 })), {
        minLength: 3,
        maxLength: 3,
      }),
      departures: fc.uniqueArray(fc.integer({ min: 0, max: 3600 }), { minLength: 1, maxLength: 6 }),
    })
    .map((r) => {
      const n = r.stopCount;
      const trips = r.trips.map((t) => {
        const stops = t.stops.map((s) => s % n);
        const arrivals: number[] = [];
        const departures: number[] = [];
        let clock = t.start;
        stops.forEach((_, i) => {
          if (i > 0) clock += t.runs[i - 1] as number;
          arrivals.push(clock);
          clock += t.dwells[i] as number;
          departures.push(clock);
        });
        return {
          stops: Uint32Array.from(stops),
          arrivals: Int32Array.from(arrivals),
          departures: Int32Array.from(departures),
        };
      });
      const accessByStop = new Map<number, number>();
      for (const [s, w] of r.access) accessByStop.set(s % n, Math.min(w, accessByStop.get(s % n) ?? w));
      return {
        stopCount: n,
        trips,
        transfers: links(
          n,
          r.transfers
            .map(([a, b, w]) => [a % n, b % n, w] as [number, number, number])
            .filter(([a, b]) => a !== b),
        ),
        egress: links(
          r.destinations,
          r.egress.map(([u, s, w]) => [u % r.destinations, s % n, w] as [number, number, number]),
        ),
        destinationCount: r.destinations,
        origin: {
          stops: Uint32Array.from(accessByStop.keys()),
          seconds: Int32Array.from(accessByStop.values()),
          direct: Int32Array.from(r.direct.slice(0, r.destinations)),
        },
        departures: r.departures,
      };
    });

  it('finds the same earliest arrival for every departure of the window', () => {
    fc.assert(
      fc.property(feed, (f) => {
        const got = travel(f, f.origin, f.departures, f.trips.length + 1);
        const expected = f.departures.flatMap((departure) => timeExpandedArrivals({ ...f, departure }));
        expect(got).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same earliest arrival within a limit on vehicles boarded', () => {
    fc.assert(
      fc.property(feed, fc.integer({ min: 1, max: 3 }), (f, maxRides) => {
        const got = travel(f, f.origin, f.departures, maxRides);
        const expected = f.departures.flatMap((departure) =>
          timeExpandedArrivals({ ...f, departure, maxRides }),
        );
        expect(got).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('answers an origin the same after another origin as on its own (the workspace is reused)', () => {
    fc.assert(
      fc.property(feed, feed, fc.integer({ min: 1, max: 3 }), (f, g, maxRides) => {
        const raptor = new RangeRaptor({
          ...f,
          timetable: buildTimetable(f.stopCount, f.trips),
          maxRides,
        });
        // The second origin's walks, on the first feed's stops and destinations.
        const other: OriginWalks = {
          stops: g.origin.stops.map((s) => s % f.stopCount),
          seconds: g.origin.seconds,
          direct: Int32Array.from({ length: f.destinationCount }, (_, u) => g.origin.direct[u] ?? -1),
        };
        const departures = Int32Array.from(g.departures);
        const out = new Int32Array(departures.length * f.destinationCount);
        raptor.run(
          f.origin,
          Int32Array.from(f.departures),
          new Int32Array(f.departures.length * f.destinationCount),
        );
        raptor.run(other, departures, out);
        const alone = travel(f, other, g.departures, maxRides);
        expect(Array.from(out, (s) => (s === unreachable ? Number.POSITIVE_INFINITY : s))).toEqual(alone);
      }),
      { numRuns: 400 },
    );
  });
});

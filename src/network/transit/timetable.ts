import { compactDate, type GtfsFeed, type GtfsTrip, runsOn } from './gtfs/feed.js';

/**
 * One service day's trips grouped for a round-based search: trips with the same stops in the same
 * order form a pattern, sorted by departure so that no trip of a pattern overtakes another (a trip that
 * would goes to a pattern of its own). Times are seconds after the day's midnight; trips of the day
 * before still running after midnight are included, their times less 24 hours.
 */
export interface Timetable {
  readonly stopCount: number;
  readonly patternCount: number;
  /** Stops of pattern p: patternStops[patternStopOffsets[p] … patternStopOffsets[p+1]-1]. */
  readonly patternStopOffsets: Uint32Array;
  readonly patternStops: Uint32Array;
  /** Trips of pattern p: tripOffsets[p] … tripOffsets[p+1]-1, in departure order. */
  readonly tripOffsets: Uint32Array;
  /** Where trip t's times start in arrivals and departures (one entry per stop of its pattern). */
  readonly tripTimeOffsets: Uint32Array;
  readonly arrivals: Int32Array;
  readonly departures: Int32Array;
  /** For each stop, the patterns calling at it and the position in each (a loop calls twice). */
  readonly stopPatternOffsets: Uint32Array;
  readonly stopPatterns: Uint32Array;
  readonly stopPositions: Uint32Array;
}

export interface DayTrip {
  stops: Uint32Array;
  arrivals: Int32Array;
  departures: Int32Array;
}

const day = 24 * 3600;

const previousDate = (date: string): string => {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8) - 1));
  return d.toISOString().slice(0, 10).replaceAll('-', '');
};

/** The trips running on a date (YYYY-MM-DD), with the day before's that run past midnight. */
export const tripsOn = (feed: GtfsFeed, isoDate: string): DayTrip[] => {
  const date = compactDate(isoDate);
  const before = previousDate(date);
  const out: DayTrip[] = [];
  const runs = (trip: GtfsTrip, on: string) => {
    const service = feed.services.get(trip.serviceId);
    return service !== undefined && runsOn(service, on);
  };
  for (const trip of feed.trips) {
    if (trip.stops.length < 2) continue;
    if (runs(trip, date))
      out.push({ stops: trip.stops, arrivals: trip.arrivals, departures: trip.departures });
    if ((trip.arrivals[trip.arrivals.length - 1] as number) >= day && runs(trip, before))
      out.push({
        stops: trip.stops,
        arrivals: trip.arrivals.map((s) => s - day),
        departures: trip.departures.map((s) => s - day),
      });
  }
  return out;
};

const overtakes = (a: DayTrip, b: DayTrip): boolean => {
  // b departs no earlier than a at the first stop; it must not arrive or depart earlier anywhere.
  for (let i = 0; i < a.stops.length; i++) {
    if ((b.arrivals[i] as number) < (a.arrivals[i] as number)) return true;
    if ((b.departures[i] as number) < (a.departures[i] as number)) return true;
  }
  return false;
};

export const buildTimetable = (stopCount: number, trips: readonly DayTrip[]): Timetable => {
  const groups = new Map<string, DayTrip[][]>();
  const sorted = [...trips].sort((a, b) => (a.departures[0] as number) - (b.departures[0] as number));
  for (const trip of sorted) {
    const key = trip.stops.join(',');
    let buckets = groups.get(key);
    if (!buckets) {
      buckets = [];
      groups.set(key, buckets);
    }
    const bucket = buckets.find((b) => !overtakes(b[b.length - 1] as DayTrip, trip));
    if (bucket) bucket.push(trip);
    else buckets.push([trip]);
  }
  const patterns = [...groups.values()].flat();
  const patternStopOffsets = new Uint32Array(patterns.length + 1);
  const tripOffsets = new Uint32Array(patterns.length + 1);
  let stopTotal = 0;
  let timeTotal = 0;
  patterns.forEach((p, i) => {
    const stops = (p[0] as DayTrip).stops.length;
    stopTotal += stops;
    timeTotal += stops * p.length;
    patternStopOffsets[i + 1] = stopTotal;
    tripOffsets[i + 1] = (tripOffsets[i] as number) + p.length;
  });
  const patternStops = new Uint32Array(stopTotal);
  const tripTimeOffsets = new Uint32Array(tripOffsets[patterns.length] as number);
  const arrivals = new Int32Array(timeTotal);
  const departures = new Int32Array(timeTotal);
  const stopPatternCount = new Uint32Array(stopCount + 1);
  let t = 0;
  let at = 0;
  patterns.forEach((p, i) => {
    const first = p[0] as DayTrip;
    patternStops.set(first.stops, patternStopOffsets[i] as number);
    for (const s of first.stops) stopPatternCount[s + 1] = (stopPatternCount[s + 1] as number) + 1;
    for (const trip of p) {
      tripTimeOffsets[t++] = at;
      arrivals.set(trip.arrivals, at);
      departures.set(trip.departures, at);
      at += trip.stops.length;
    }
  });
  const stopPatternOffsets = stopPatternCount;
  for (let s = 0; s < stopCount; s++)
    stopPatternOffsets[s + 1] = (stopPatternOffsets[s + 1] as number) + (stopPatternOffsets[s] as number);
  const next = stopPatternOffsets.slice(0, stopCount);
  const stopPatterns = new Uint32Array(stopTotal);
  const stopPositions = new Uint32Array(stopTotal);
  for (let p = 0; p < patterns.length; p++) {
    const start = patternStopOffsets[p] as number;
    const end = patternStopOffsets[p + 1] as number;
    for (let i = start; i < end; i++) {
      const s = patternStops[i] as number;
      const slot = next[s] as number;
      next[s] = slot + 1;
      stopPatterns[slot] = p;
      stopPositions[slot] = i - start;
    }
  }
  return {
    stopCount,
    patternCount: patterns.length,
    patternStopOffsets,
    patternStops,
    tripOffsets,
    tripTimeOffsets,
    arrivals,
    departures,
    stopPatternOffsets,
    stopPatterns,
    stopPositions,
  };
};

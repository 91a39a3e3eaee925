import type { DepartureWindow, TransitSettings, TravelPoint } from '../../model/index.js';
import type { RoadGraph } from '../graph/road-graph.js';
import type { GtfsFeed } from './gtfs/feed.js';
import type { WindowJob, WindowTimes } from './percentiles.js';
import { windowTimesInWorkers } from './pool.js';
import { buildTimetable, tripsOn } from './timetable.js';
import { streetWalks } from './walks.js';

export interface TransitTimes extends WindowTimes {
  /** Trips running on the day (with the day before's past midnight). */
  trips: number;
  departures: number;
  /** Origins with no stop within the walking limit. */
  originsWithoutStop: number;
}

/** The departures of a window: from `fromSeconds` up to but not including `toSeconds`, every `stepSeconds`. */
export const departuresOf = (window: DepartureWindow): Int32Array => {
  const out: number[] = [];
  for (let t = window.fromSeconds; t < window.toSeconds; t += window.stepSeconds) out.push(t);
  return Int32Array.from(out);
};

export interface TransitRequest {
  origins: readonly TravelPoint[];
  destinations: readonly TravelPoint[];
  window: DepartureWindow;
  settings: TransitSettings;
  threads?: number;
}

/** The day's timetable and the walks on the street network: all a window's search needs. */
export const transitJob = (
  feed: GtfsFeed,
  walkGraph: RoadGraph,
  request: TransitRequest,
): { job: WindowJob; trips: number; originsWithoutStop: number } => {
  const { settings } = request;
  const trips = tripsOn(feed, request.window.date);
  const timetable = buildTimetable(feed.stops.id.length, trips);
  const walks = streetWalks(walkGraph, {
    stops: feed.stops,
    origins: request.origins,
    destinations: request.destinations,
    maxAccessSeconds: settings.maxAccessMinutes * 60,
    maxTransferSeconds: settings.maxTransferMinutes * 60,
  });
  const job: WindowJob = {
    input: {
      timetable,
      transfers: walks.transfers,
      egress: walks.egress,
      destinationCount: request.destinations.length,
      maxRides: settings.maxRides,
    },
    access: walks.access,
    direct: walks.direct,
    departures: departuresOf(request.window),
    percentile: settings.percentile,
    maxTripSeconds: settings.maxTripMinutes * 60,
  };
  const originsWithoutStop = request.origins.filter(
    (_, o) => walks.access.offsets[o + 1] === walks.access.offsets[o],
  ).length;
  return { job, trips: trips.length, originsWithoutStop };
};

/**
 * Public transport and walking from every origin to every destination for each departure of the window,
 * summarised as the median and the chosen percentile in minutes (r5's way), walking on `walkGraph`.
 */
export const transitTravelTimes = async (
  feed: GtfsFeed,
  walkGraph: RoadGraph,
  request: TransitRequest,
): Promise<TransitTimes> => {
  const { job, trips, originsWithoutStop } = transitJob(feed, walkGraph, request);
  const times = await windowTimesInWorkers(job, request.threads);
  return { ...times, trips, departures: job.departures.length, originsWithoutStop };
};

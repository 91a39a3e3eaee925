import {
  SoteatlasError,
  type TransitChoice,
  TransitSettings,
  type TransitUse,
  TravelModeUnavailable,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { PlanarPoint } from '../access/index.js';
import { loadTravel } from '../roads/load.js';
import { loadTransitFeed } from '../transit/feed-store.js';
import { defaultServiceDay } from '../transit/service-day.js';
import { transitTravelTimes } from '../transit/travel-times.js';
import type { ScenarioTravel } from './travel.js';

const noTransit = (reason: TravelModeUnavailable, message: string) =>
  new SoteatlasError('invalidRequest', message, { details: { mode: 'transit', reason } });

/** Why public transport could not be computed, when the error says so. */
export const transitUnavailable = (error: unknown): TravelModeUnavailable | undefined => {
  if (!(error instanceof SoteatlasError) || error.details?.mode !== 'transit') return undefined;
  const reason = TravelModeUnavailable.safeParse(error.details.reason);
  return reason.success ? reason.data : undefined;
};

/**
 * Public transport with walking to, from and between stops over the road network (the one named, else
 * the active one): for each departure minute of the window, range RAPTOR's fastest arrival, summarised
 * as the chosen percentile. A cell with no journey within `maxTripMinutes` at that percentile is
 * unreachable (Infinity), never given an estimate. Refused when the store has no timetable or no road
 * network to walk on.
 */
export const transitTravel = async (
  store: Store,
  {
    networkName,
    choice,
    maxTripMinutes,
  }: { networkName: string | undefined; choice: TransitChoice; maxTripMinutes: number },
): Promise<ScenarioTravel> => {
  const [row] = await store.all<{ name: string; imported: string }>(
    'SELECT name, CAST(imported_at AS VARCHAR) AS imported FROM transit_feeds ORDER BY name LIMIT 1',
  );
  const feed = row && (await loadTransitFeed(store, row.name));
  if (!row || !feed)
    throw noTransit('noTimetable', 'The store holds no public-transport timetable (GTFS feed).');
  const {
    model: walk,
    network,
    maxSnapMetres,
  } = await loadTravel(store, {
    profile: 'walk',
    network: networkName,
  });
  if (walk.kind !== 'road' || !network)
    throw noTransit(
      'noRoadNetwork',
      'Public-transport times need a road network to walk on to and from the stops.',
    );
  const date = choice.date ?? defaultServiceDay(feed);
  if (date === undefined) throw noTransit('noWeekdayService', 'The timetable runs on no weekday.');
  const settings = TransitSettings.parse({ percentile: choice.percentile, maxTripMinutes });
  const window = {
    date,
    fromSeconds: choice.fromMinutes * 60,
    toSeconds: choice.toMinutes * 60,
    stepSeconds: 60,
  };
  // The evaluator asks with the same cells every time; their count without a stop is kept per array.
  const withoutStop = new WeakMap<readonly PlanarPoint[], number>();
  const use = (cells: readonly PlanarPoint[]): TransitUse => ({
    feed: row.name,
    date,
    fromMinutes: choice.fromMinutes,
    toMinutes: choice.toMinutes,
    percentile: settings.percentile,
    originsWithoutStop: withoutStop.get(cells) ?? 0,
  });
  return {
    kind: 'roadNetwork',
    network,
    version: [
      'transit',
      row.name,
      row.imported,
      walk.version,
      date,
      choice.fromMinutes,
      choice.toMinutes,
      settings.percentile,
      maxTripMinutes,
    ].join(';'),
    use: (cells, units) => ({
      mode: 'transit',
      network,
      profile: 'walk',
      origins: cells.length,
      destinations: units.length,
      // Walks start and end on the network; a point too far from it reaches nothing.
      straightLineOrigins: 0,
      straightLineDestinations: 0,
      // Cells with no stop in walking reach are counted in the timetable's own figures below.
      ferryOnlyOrigins: 0,
      unreachableOrigins: 0,
      unreachableDestinations: 0,
      maxSnapMetres,
      transit: use(cells),
    }),
    source: async (origins, destinations) => {
      const times = await transitTravelTimes(feed, walk, { origins, destinations, window, settings });
      withoutStop.set(origins, times.originsWithoutStop);
      return Float64Array.from(times.percentile);
    },
  };
};

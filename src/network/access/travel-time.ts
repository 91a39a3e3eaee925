/** A point in EPSG:3067 metres. */
export interface PlanarPoint {
  x: number;
  y: number;
}

/**
 * Travel times in minutes from every origin to every destination, row-major: entry
 * `origin * destinations.length + destination`. Infinity where a destination cannot be reached.
 */
export type TravelTimeSource = (
  origins: readonly PlanarPoint[],
  destinations: readonly PlanarPoint[],
) => Float64Array | Promise<Float64Array>;

export interface StraightLineOptions {
  /** Road distance per straight-line distance; 1.3 is a common figure for Finnish rural roads. */
  detourFactor?: number;
  /** Mean speed on the road, km/h. */
  speedKmh?: number;
  /** Minutes added to every trip (getting to the car, parking). */
  fixedMinutes?: number;
}

export const straightLineDefaults: Required<StraightLineOptions> = {
  detourFactor: 1.3,
  speedKmh: 60,
  fixedMinutes: 2,
};

/** Minutes by car for a straight-line distance in metres, under the fallback's assumptions. */
export const straightLineMinutes = (metres: number, options: StraightLineOptions = {}): number => {
  const { detourFactor, speedKmh, fixedMinutes } = { ...straightLineDefaults, ...options };
  return fixedMinutes + (metres * detourFactor) / ((speedKmh * 1000) / 60);
};

/**
 * Where no road network is loaded: straight-line distance times a detour factor at a mean speed. Good
 * enough to rank units by nearness; travel times in sparse areas come out shorter than by road.
 */
export const straightLineTravelTimes =
  (options: StraightLineOptions = {}): TravelTimeSource =>
  (origins, destinations) => {
    const times = new Float64Array(origins.length * destinations.length);
    let k = 0;
    for (const o of origins) {
      for (const d of destinations) {
        times[k++] = straightLineMinutes(Math.hypot(o.x - d.x, o.y - d.y), options);
      }
    }
    return times;
  };

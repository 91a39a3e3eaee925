import { type OriginWalks, RangeRaptor, type RaptorInput, unreachable, type WalkLinks } from './raptor.js';

/** Travel times over a window for a range of origins: the median and one chosen percentile, in minutes. */
export interface WindowTimes {
  /** Row-major, origin × destination: minutes, Infinity where under half (or under the percentile's share) of the departures arrive. */
  median: Float32Array;
  percentile: Float32Array;
}

/**
 * The p-th percentile by nearest rank of a sorted list (the smallest value with at least p % of the
 * list at or below it), as r5 reports travel-time percentiles over the minutes of a departure window.
 */
export const nearestRank = (sorted: ArrayLike<number>, p: number): number =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;

export interface WindowJob {
  input: RaptorInput;
  /** Walks from each origin to stops, by origin. */
  access: WalkLinks;
  /** Seconds on foot from each origin straight to each destination (origin × destination), -1 beyond the walking limit. */
  direct: Int32Array;
  departures: Int32Array;
  percentile: number;
  maxTripSeconds: number;
}

/** Origin o's walks in a job, as views on its arrays (nothing copied). */
export const originWalks = (
  job: { access: WalkLinks; direct: Int32Array; input: { destinationCount: number } },
  o: number,
): OriginWalks => {
  const { access, direct } = job;
  const u = job.input.destinationCount;
  const from = access.offsets[o] as number;
  const to = access.offsets[o + 1] as number;
  return {
    stops: access.targets.subarray(from, to),
    seconds: access.seconds.subarray(from, to),
    direct: direct.subarray(o * u, (o + 1) * u),
  };
};

const toMinutes = (s: number) => (s === unreachable ? Number.POSITIVE_INFINITY : s / 60);

/**
 * The rows of origins with no stop in walking reach: every departure takes the same walk (or none), so
 * the median and every percentile are that walk, as the round-based search would find for each departure.
 */
export const walkOnlyTimes = (
  job: Pick<WindowJob, 'access' | 'direct' | 'departures' | 'maxTripSeconds'> & {
    input: { destinationCount: number };
  },
  into: WindowTimes,
): void => {
  const { access, direct, maxTripSeconds } = job;
  const u = job.input.destinationCount;
  const origins = access.offsets.length - 1;
  // An empty window has no median, as for the searched rows.
  const none = job.departures.length === 0;
  for (let o = 0; o < origins; o++) {
    if (access.offsets[o + 1] !== access.offsets[o]) continue;
    for (let j = 0; j < u; j++) {
      const walk = direct[o * u + j] as number;
      const minutes = none ? Number.NaN : toMinutes(walk < 0 || walk > maxTripSeconds ? unreachable : walk);
      into.median[o * u + j] = minutes;
      into.percentile[o * u + j] = minutes;
    }
  }
};

/**
 * Runs range RAPTOR for each origin with a stop in walking reach and summarises every destination's
 * travel times over the departures; with `transitOnly`, the rows of the other origins are left as
 * they are (zero), else they get their walk.
 */
export const windowTimes = (job: WindowJob, transitOnly = false): WindowTimes => {
  const { input, access, departures, percentile, maxTripSeconds } = job;
  const u = input.destinationCount;
  const d = departures.length;
  const origins = access.offsets.length - 1;
  const raptor = new RangeRaptor(input);
  const out = new Int32Array(d * u);
  const column = new Int32Array(d);
  const times = { median: new Float32Array(origins * u), percentile: new Float32Array(origins * u) };
  for (let o = 0; o < origins; o++) {
    if (access.offsets[o + 1] === access.offsets[o]) continue;
    raptor.run(originWalks(job, o), departures, out);
    for (let j = 0; j < u; j++) {
      for (let k = 0; k < d; k++) {
        const s = out[k * u + j] as number;
        column[k] = s > maxTripSeconds ? unreachable : s;
      }
      column.sort();
      times.median[o * u + j] = toMinutes(nearestRank(column, 50));
      times.percentile[o * u + j] = toMinutes(nearestRank(column, percentile));
    }
  }
  if (!transitOnly) walkOnlyTimes(job, times);
  return times;
};

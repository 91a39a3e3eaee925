import { type OriginWalks, RangeRaptor, type RaptorInput, unreachable } from './raptor.js';

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
  origins: readonly OriginWalks[];
  departures: Int32Array;
  percentile: number;
  maxTripSeconds: number;
}

/** Runs range RAPTOR for each origin and summarises every destination's travel times over the departures. */
export const windowTimes = (job: WindowJob, onOrigin?: (done: number) => void): WindowTimes => {
  const { input, origins, departures, percentile, maxTripSeconds } = job;
  const u = input.destinationCount;
  const d = departures.length;
  const raptor = new RangeRaptor(input);
  const out = new Int32Array(d * u);
  const column = new Int32Array(d);
  const median = new Float32Array(origins.length * u);
  const chosen = new Float32Array(origins.length * u);
  origins.forEach((origin, o) => {
    raptor.run(origin, departures, out);
    for (let j = 0; j < u; j++) {
      for (let k = 0; k < d; k++) {
        const s = out[k * u + j] as number;
        column[k] = s > maxTripSeconds ? unreachable : s;
      }
      column.sort();
      const toMinutes = (s: number) => (s === unreachable ? Number.POSITIVE_INFINITY : s / 60);
      median[o * u + j] = toMinutes(nearestRank(column, 50));
      chosen[o * u + j] = toMinutes(nearestRank(column, percentile));
    }
    onOrigin?.(o + 1);
  });
  return { median, percentile: chosen };
};

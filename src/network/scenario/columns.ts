import type { PlanarPoint, TravelTimeSource } from '../access/index.js';

export const locationKey = (p: PlanarPoint) => `${p.x.toFixed(1)}:${p.y.toFixed(1)}`;

/** The travel-time columns (one per point, over the cells), computed once per location. */
export type TravelColumns = (points: readonly PlanarPoint[]) => Promise<Float64Array[]>;

export interface TravelColumnOptions {
  /** Locations whose columns are never dropped (the base network's units). */
  keep: readonly PlanarPoint[];
  /** Trips longer than this are no access: Infinity in the columns. */
  maxTravelMinutes: number;
  /** Columns kept besides those of `keep`. */
  spareColumns?: number;
}

export const travelColumns = (
  cellPoints: readonly PlanarPoint[],
  travel: TravelTimeSource,
  { keep, maxTravelMinutes, spareColumns = 256 }: TravelColumnOptions,
): TravelColumns => {
  const cache = new Map<string, Float64Array>();
  const kept = new Set(keep.map(locationKey));
  const maxColumns = keep.length + spareColumns;
  const add = async (missing: PlanarPoint[]) => {
    const times = await travel(cellPoints, missing);
    missing.forEach((point, d) => {
      const column = new Float64Array(cellPoints.length);
      for (let c = 0; c < cellPoints.length; c++) {
        const t = times[c * missing.length + d] as number;
        column[c] = t <= maxTravelMinutes ? t : Number.POSITIVE_INFINITY;
      }
      cache.set(locationKey(point), column);
    });
    // Moves and openings add a column each; keep the base network's and the most recent others.
    for (const key of cache.keys()) {
      if (cache.size <= maxColumns) break;
      if (!kept.has(key)) cache.delete(key);
    }
  };
  return async (points) => {
    const missing = [
      ...new Map(points.filter((p) => !cache.has(locationKey(p))).map((p) => [locationKey(p), p])).values(),
    ];
    if (missing.length > 0) await add(missing);
    return points.map((p) => cache.get(locationKey(p)) as Float64Array);
  };
};

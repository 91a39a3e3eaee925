import type { Geometry } from '../../../src/model/index.js';

/** [west, south, east, north] in degrees, as MapLibre's fitBounds takes it. */
export type Bounds = [number, number, number, number];

interface Located {
  geometry: Geometry | null;
}

const positionsOf = (geometry: Geometry | null): number[][] => {
  if (geometry === null) return [];
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString' || geometry.type === 'MultiPoint') return geometry.coordinates;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiLineString') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
};

/** The box around every position of the given features, or undefined when there are none. */
export const boundsOf = (features: readonly Located[]): Bounds | undefined => {
  let bounds: Bounds | undefined;
  for (const feature of features) {
    for (const [lon, lat] of positionsOf(feature.geometry)) {
      if (lon === undefined || lat === undefined) continue;
      bounds = bounds
        ? [
            Math.min(bounds[0], lon),
            Math.min(bounds[1], lat),
            Math.max(bounds[2], lon),
            Math.max(bounds[3], lat),
          ]
        : [lon, lat, lon, lat];
    }
  }
  return bounds;
};

export const boundsOfCollections = (...collections: { features: readonly Located[] }[]): Bounds | undefined =>
  boundsOf(collections.flatMap((collection) => collection.features));

export const centreOf = ([west, south, east, north]: Bounds): [number, number] => [
  (west + east) / 2,
  (south + north) / 2,
];

import { type Geometry, mapGeometry, toWgs84 } from '../model/index.js';

/** Six decimals of a degree are about 0.1 m: finer than any boundary held, and the documents stay small. */
const roundDegrees = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

/** An EPSG:3067 position [x, y, …] as a WGS84 one [lon, lat, …]. */
export const positionToWgs84 = ([x = Number.NaN, y = Number.NaN, ...rest]: number[]): number[] => {
  const { lon, lat } = toWgs84(x, y);
  return [roundDegrees(lon), roundDegrees(lat), ...rest];
};

export const geometryToWgs84 = (geometry: Geometry): Geometry => mapGeometry(geometry, positionToWgs84);

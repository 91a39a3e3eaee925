import { createHash } from 'node:crypto';
import type { TravelPoint } from '../../model/road.js';
import type { TravelModel, TravelTimeMatrix } from './compute.js';
import { computeInWorkers, type MatrixOptions } from './pool.js';

/** Recent matrices by model version, points and limit: a scenario's re-evaluation reuses them. */
const cache = new Map<string, Promise<TravelTimeMatrix>>();
const maxEntries = 16;

const pointsHash = (points: readonly TravelPoint[]): string => {
  const coordinates = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    coordinates[2 * i] = p.x;
    coordinates[2 * i + 1] = p.y;
  });
  return createHash('sha256').update(new Uint8Array(coordinates.buffer)).digest('hex').slice(0, 24);
};

/**
 * Travel times in minutes from every origin to every destination (row-major, origins × destinations),
 * computed in worker threads and cached per model version. The returned matrix may be shared with
 * later callers: do not modify it.
 */
export const travelTimeMatrix = (
  model: TravelModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixOptions = {},
): Promise<TravelTimeMatrix> => {
  const key = `${model.version};${options.maxMinutes ?? ''};${pointsHash(origins)};${pointsHash(destinations)}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const computing = computeInWorkers(model, origins, destinations, options);
  cache.set(key, computing);
  computing.catch(() => cache.delete(key));
  while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  return computing;
};

export const clearTravelTimeCache = (): void => cache.clear();

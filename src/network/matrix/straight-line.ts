import type { RoadSpeeds, TravelPoint, TravelProfile } from '../../model/index.js';

/** Travel time without a road network: straight-line distance × detour factor at a fixed speed. */
export interface StraightLineModel {
  readonly kind: 'straightLine';
  readonly profile: TravelProfile;
  readonly speedKmh: number;
  readonly detourFactor: number;
  readonly version: string;
}

export const straightLineModel = (speeds: RoadSpeeds, profile: TravelProfile): StraightLineModel => {
  const speedKmh = speeds.fallbackSpeedKmh[profile];
  return {
    kind: 'straightLine',
    profile,
    speedKmh,
    detourFactor: speeds.detourFactor,
    version: `straight-line;${profile};${speedKmh};${speeds.detourFactor}`,
  };
};

// Positional on purpose: called for every origin–destination pair of a matrix, where an options object would allocate on every call.
export const straightLineMinutes = (
  a: TravelPoint,
  b: TravelPoint,
  speedKmh: number,
  detourFactor: number,
): number => (Math.hypot(a.x - b.x, a.y - b.y) * detourFactor * 60) / (speedKmh * 1000);

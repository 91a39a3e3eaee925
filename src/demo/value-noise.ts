import { hashUnit } from './random.js';

/**
 * Smooth value noise in [0, 1): random values on a square lattice, blended with a smoothstep.
 * It gives borders and settlement patterns that wander the way real ones do, without any state.
 */
export const valueNoise =
  (seed: number, spacingKm: number) =>
  (eastKm: number, northKm: number): number => {
    const u = eastKm / spacingKm;
    const v = northKm / spacingKm;
    const i = Math.floor(u);
    const j = Math.floor(v);
    const fu = smoothstep(u - i);
    const fv = smoothstep(v - j);
    const bottom = lerp(hashUnit(seed, i, j), hashUnit(seed, i + 1, j), fu);
    const top = lerp(hashUnit(seed, i, j + 1), hashUnit(seed, i + 1, j + 1), fu);
    return lerp(bottom, top, fv);
  };

const smoothstep = (t: number): number => t * t * (3 - 2 * t);
const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

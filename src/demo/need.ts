import { type Geography, municipalityUrbanity } from './geography.js';
import { hashUnit } from './random.js';

/**
 * Service need relative to the county average, the demo's stand-in for THL's need coefficient:
 * higher in the older, poorer countryside, with each municipality's own variation on top, since
 * morbidity differs between neighbours too.
 */
export const needFactor = (seed: number, geography: Geography, municipality: number): number =>
  1 +
  0.3 * (0.5 - municipalityUrbanity(geography, municipality)) +
  0.12 * (hashUnit(seed, 1201, municipality) - 0.5);

export {
  binaryDecay,
  type DecayWeight,
  type FloatingCatchment,
  floatingCatchment,
  floatingCatchmentOfWeights,
  gaussianDecay,
  stepDecay,
} from './fca.js';
export { type ModeFigures, modeFigures } from './modes.js';
export { type Nearest, nearestUnits } from './nearest.js';
export {
  sharesWithin,
  summariseTimes,
  type TimeSummary,
  weightedQuantile,
  weightedQuantiles,
} from './summary.js';
export {
  type PlanarPoint,
  type StraightLineOptions,
  straightLineDefaults,
  straightLineMinutes,
  straightLineTravelTimes,
  type TravelTimeSource,
} from './travel-time.js';

export {
  binaryDecay,
  type DecayWeight,
  type FloatingCatchment,
  floatingCatchment,
  gaussianDecay,
  stepDecay,
} from './fca.js';
export { type Nearest, nearestUnits } from './nearest.js';
export { sharesWithin, sortByTime, summariseTimes, type TimeSummary, weightedQuantile } from './summary.js';
export {
  type PlanarPoint,
  type StraightLineOptions,
  straightLineDefaults,
  straightLineMinutes,
  straightLineTravelTimes,
  type TravelTimeSource,
} from './travel-time.js';

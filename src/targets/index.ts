export { type EvaluateOptions, evaluateMonitoringSet } from './evaluate.js';
export { midpointYears, periodRange } from './periods.js';
export { ensureShippedMonitoringSets, loadShippedMonitoringSets } from './seed.js';
export {
  createMonitoringSet,
  deleteMonitoringSet,
  updateMonitoringSet,
} from './set-store.js';
export { findMonitoringSet, findMonitoringSetByName, listMonitoringSets } from './sets.js';
export { assessTarget, shortfall, statusOf, statusRank, type TargetLine } from './status.js';
export {
  deleteTarget,
  findTarget,
  latestTargetOf,
  listTargets,
  saveTarget,
  updateTarget,
} from './target-store.js';
export { leastSquares, type SeriesPoint, targetTrend } from './trend.js';

export { backtest } from './backtest.js';
export { backtestInStore } from './backtest-query.js';
export { distributeDemandToCells } from './cell-demand.js';
export {
  type CellDemand,
  type CellDemandQuery,
  projectedCellDemand,
  projectedCellDemandByClass,
} from './cell-demand-query.js';
export { type CohortProjection, type CohortRates, emptyRates, projectCohorts } from './cohort.js';
export { estimateUse, projectDemand, type UseBase } from './demand.js';
export { type DemandQuery, demandTable } from './demand-query.js';
export { estimateRates, type PopulationHistory } from './estimate.js';
export { type CellStructure, distributeToCells } from './grid.js';
export {
  importOfficialProjection,
  importOfficialProjectionFile,
  type OfficialRow,
  officialLabels,
  parseOfficialProjection,
} from './official.js';
export {
  type ProjectedCounts,
  type ProjectedPopulationQuery,
  type ProjectionLevel,
  projectedCounts,
  projectedPopulation,
} from './projected-population.js';
export {
  cachedProjection,
  type ForecastContext,
  forecastContext,
  forgetProjections,
  type Projection,
  projectVariant,
} from './projection.js';
export {
  builtInVariants,
  deleteVariant,
  findStoredVariant,
  findVariant,
  listVariants,
  saveVariant,
  storedVariants,
} from './variants.js';
export {
  defaultCountyCode,
  forecastPyramid,
  forecastPyramids,
  forecastSeries,
  type ViewLevel,
} from './views.js';

export { type CohortProjection, type CohortRates, emptyRates, projectCohorts } from './cohort.js';
export { estimateRates, type PopulationHistory } from './estimate.js';
export { type CellStructure, distributeToCells } from './grid.js';
export {
  ForecastUnavailable,
  type ProjectedCounts,
  type ProjectedPopulationQuery,
  type ProjectionLevel,
  projectedCounts,
  projectedPopulation,
} from './projected-population.js';
export {
  cachedProjection,
  forecastContext,
  forgetProjections,
  type Projection,
  projectVariant,
} from './projection.js';
export { builtInVariants, deleteVariant, findVariant, listVariants, saveVariant } from './variants.js';

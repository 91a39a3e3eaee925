export { type ClassAccess, scenarioActions } from './actions.js';
export { actionsOf, municipalityNames } from './actions-service.js';
export { type AppliedScenario, applyChanges, type ScenarioUnit } from './apply.js';
export { compareResults } from './compare.js';
export type { BaseUnit, CellPopulation, ClassDemand, NetworkData } from './context-data.js';
export { type CostConfig, costsOf, loadCostConfig } from './costs.js';
export { createEvaluator, type Evaluator, type ScenarioSpec } from './evaluate.js';
export { loadNetworkData } from './load.js';
export { compareModes, type ModeRequest } from './modes.js';
export { cancelJob, findJob, solveForScenario, startOptimisation } from './optimise.js';
export {
  createScenario,
  deleteScenario,
  findScenario,
  listScenarios,
  updateScenario,
} from './scenario-store.js';
export { evaluatorFor, resolveInput, resolveYears, type Years } from './service.js';
export { type ScenarioTravel, scenarioTravel } from './travel.js';

export {
  type AgeSexStandardisationInput,
  ageSexNeedCoefficients,
  type PopulationCell,
  type ReferenceCostCell,
  thlAgeBandStarts,
} from './age-sex.js';
export { type AreaCost, ageSexStandardisedCost, needsStandardisedCostIndex } from './cost-index.js';
export { type CountyNeed, countyNeed } from './county.js';
export { countyCodeOf } from './county-codes.js';
export {
  type NeedModelArea,
  type NeedRegressionModel,
  type NeedVariable,
  sectorNeed,
  thlNeedCoefficients,
} from './regression.js';
export { countyNeedInputs, latestNeedYear } from './store-inputs.js';
export { readThlNeedWorkbook, type ThlNeedYear } from './workbook.js';

export { compareAreas } from './comparison.js';
export { compileIndicators } from './compile.js';
export { complementarySuppression, type LinearGroup } from './complementary-suppression.js';
export {
  type ComputeOptions,
  computeIndicator,
  computeIndicators,
  IndicatorRequestError,
  latestIndicatorYear,
} from './compute.js';
export { buildIndicatorCube, clientTable, cubeTable, ensureIndicatorCube } from './cube.js';
export { confidenceLevel, poissonInterval, wilsonInterval } from './intervals.js';
export {
  ageSexNeedCoefficients,
  type CountyNeed,
  countyNeed,
  type PopulationCell,
  type ReferenceCostCell,
  readThlNeedWorkbook,
  type ThlNeedYear,
  thlNeedCoefficients,
} from './need/index.js';
export { builtInIndicators, findIndicator } from './package/index.js';
export { type PeriodSpan, periodsOf } from './periods.js';
export {
  buildReferenceComparison,
  consistencyCheck,
  listReferenceIndicators,
  type OwnFigure,
  type ReferenceRow,
  referenceComparison,
} from './reference-comparison.js';
export { areaCodesInScope } from './scope.js';
export { suppressTable, type TableCell } from './suppression.js';
export { auditedSuppression } from './suppression-audit.js';

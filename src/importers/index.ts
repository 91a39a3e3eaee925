export { fieldsByKind, normaliseHeader, valueAliases } from './columns.js';
export {
  applyDigiroadLimits,
  type DigiroadLimitReport,
  type DigiroadLink,
  type DigiroadLinks,
  type DigiroadReject,
  digiroadLimitRows,
  digiroadLinks,
  type GeoPackageFeature,
  readGeoPackageLayers,
  readGeoPackageLines,
  readShapefileRelease,
  readShapefileSource,
} from './digiroad/index.js';
export { formatFields } from './fields.js';
export {
  ImportCancelled,
  type ImportOptions,
  type ImportPhase,
  importFile,
  type PriorReject,
} from './import-file.js';
export { importFiles } from './import-files.js';
export { ColumnMapping, loadMapping } from './mapping.js';
export { excelJs, loadWorkbook } from './readers/exceljs.js';
export { FileRefused, reason, reasonText, reasonTextSql } from './reasons.js';
export {
  countyOfMunicipality,
  mergerSuccessor,
  municipalityCodeOf,
  municipalityReference,
} from './reference/index.js';

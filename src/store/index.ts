export {
  type AreaQuery,
  areaGeometries,
  listAreas,
  type PopulationQuery,
  populationSummary,
} from './area-queries.js';
export {
  defaultYear,
  findImport,
  listImports,
  listProducers,
  listServiceClasses,
  listUnits,
  storeStatus,
} from './queries.js';
export { formatRejectsCsv, rejectsCsv, rejectsOf } from './reject-queries.js';
export { schemaStatements, schemaVersion } from './schema.js';
export { loadServiceClasses } from './service-classes.js';
export { openStore, type Row, type SqlParams, type Store, seedServiceClasses } from './store.js';

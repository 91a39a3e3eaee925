export { openStore, seedServiceClasses, type Store, type Row, type SqlParams } from './store.js';
export { schemaStatements, schemaVersion } from './schema.js';

import { stringify } from 'yaml';

/**
 * The mapping file that tells the importer which of a source system's headers holds which field,
 * keyed by the field names of src/importers/columns.ts.
 */
export const mappingYaml = (source: string, columns: readonly (readonly [string, string])[]): string =>
  stringify({ source, columns: Object.fromEntries(columns) });

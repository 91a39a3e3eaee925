import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type FieldSpec, normaliseHeader } from './columns.js';
import { Century, DateFormat } from './date-forms.js';

/** A value a mapping file gives: YAML reads `2025` as a number and `yes` as true, the import takes text. */
const GivenValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/**
 * How one source system names its columns and codes, kept in a small file beside its exports:
 *   source: Kotihoito Oy
 *   columns: { sourceId: "Besöks-ID", date: Datum }
 *   values: { channel: { Besök: inPerson } }
 *   constants: { level: municipality, validFromYear: 2025 }   # every row, whatever the file says
 *   defaults: { channel: inPerson }                          # where the file's value is empty
 */
export const ColumnMapping = z.object({
  source: z.string().min(1).optional(),
  columns: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Date forms beyond ISO and D.M.YYYY (see date-forms.ts); one form or several. */
  dateFormat: z
    .union([DateFormat, z.array(DateFormat).min(1)])
    .transform((f) => (Array.isArray(f) ? f : [f]))
    .optional(),
  century: Century.optional(),
  constants: z.record(z.string(), GivenValue).default({}),
  defaults: z.record(z.string(), GivenValue).default({}),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;
/** A mapping as written, before defaults are filled in. */
export type ColumnMappingInput = z.input<typeof ColumnMapping>;

export const loadMapping = (path: string): ColumnMapping => {
  const text = readFileSync(path, 'utf8');
  const data: unknown = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  return ColumnMapping.parse(data);
};

export interface ResolvedColumns {
  /** The header position of each field found in the file. */
  indexOf: Map<string, number>;
  /** Headers no field uses; they are read and ignored. */
  unused: string[];
  /** Columns the mapping file names that the file does not have, as `field: column`. */
  mappedMissing: string[];
}

/** Matches a file's headers to a kind's fields: the mapping file first, then the known names. */
export const resolveColumns = (
  headers: string[],
  fields: FieldSpec[],
  mapping?: ColumnMappingInput,
): ResolvedColumns => {
  const normalised = headers.map(normaliseHeader);
  const indexOf = new Map<string, number>();
  const taken = new Set<number>();
  for (const spec of fields) {
    const mapped = mapping?.columns?.[spec.field];
    const candidates = mapped !== undefined ? [normaliseHeader(mapped)] : spec.aliases;
    const index = candidates
      .map((c) => normalised.findIndex((h, i) => h === c && !taken.has(i)))
      .find((i) => i >= 0);
    if (index !== undefined) {
      indexOf.set(spec.field, index);
      taken.add(index);
    }
  }
  const mappedMissing = Object.entries(mapping?.columns ?? {})
    .filter(([field, column]) => !indexOf.has(field) && !normalised.includes(normaliseHeader(column)))
    .map(([field, column]) => `${field}: ${column}`);
  return { indexOf, unused: headers.filter((_, i) => !taken.has(i)), mappedMissing };
};

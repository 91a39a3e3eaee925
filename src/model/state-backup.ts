import { z } from 'zod';

/** A value of a state row as a backup keeps it: times as ISO 8601 strings in UTC. */
export const StateBackupValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One table of the state: its columns in order, and the county's rows as arrays in that order. */
export const StateBackupTable = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
  rows: z.array(z.array(StateBackupValue)),
});
export type StateBackupTable = z.infer<typeof StateBackupTable>;

/**
 * A county's state as `soteatlas backup` writes it: every table of the schema `state` that carries a
 * county, whatever migrations made it, with the migration versions it was made under.
 */
export const StateBackup = z.object({
  format: z.literal('soteatlas-state-backup'),
  formatVersion: z.literal(1),
  county: z.string(),
  backend: z.enum(['embedded', 'postgres']),
  takenAt: z.string(),
  migrations: z.array(z.int()),
  tables: z.array(StateBackupTable),
});
export type StateBackup = z.infer<typeof StateBackup>;

/** What a table holds, to compare a backup with its restore: the count and a hash of its rows. */
export const StateTableSummary = z.object({
  table: z.string(),
  rows: z.int().nonnegative(),
  sha256: z.string(),
});
export type StateTableSummary = z.infer<typeof StateTableSummary>;

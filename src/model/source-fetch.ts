import { z } from 'zod';

/** A source's last fetch, as the Data page shows it: when, from where, under which licence, what changed. */
export const SourceFetch = z.object({
  /** The service, e.g. `statfin-pxweb`, `statfin-wfs`. */
  source: z.string(),
  /** What was fetched: a table (`population`) or a layer and year (`grid-2024`). */
  dataset: z.string(),
  url: z.string(),
  licence: z.string(),
  /** Shown wherever the data appears, as the licence asks. */
  attribution: z.string(),
  fetchedAt: z.string(),
  importId: z.number().int().nullable(),
  queries: z.number().int(),
  /** Answers the service confirmed unchanged (304) or replayed from recordings. */
  unchangedAnswers: z.number().int(),
  cells: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  /** What changed since the fetch before, in words: rows added or replaced, variable codes changed. */
  changes: z.array(z.string()),
  /** What was asked beyond the dataset's name (a layer's year and scale), where the log kept it. */
  parameters: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type SourceFetch = z.infer<typeof SourceFetch>;

export const SourceFetchList = z.array(SourceFetch);
export type SourceFetchList = z.infer<typeof SourceFetchList>;

/** A fetch a user with the import permission starts from the Data page. */
export const SourceFetchRequest = z.strictObject({
  source: z.literal('statfin-pxweb'),
  dataset: z.enum(['population', 'projection', 'languages']),
  years: z.array(z.number().int().min(1900).max(2100)).max(60).optional(),
});
export type SourceFetchRequest = z.infer<typeof SourceFetchRequest>;

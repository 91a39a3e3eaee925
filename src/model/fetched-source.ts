import { z } from 'zod';

/**
 * Where data fetched from an open-data service came from, kept with what was imported from it so that
 * every figure shown can name its source, its licence and when it was fetched.
 */
export const FetchedSource = z.object({
  /** The service, e.g. `statfin-pxweb`, `thl-sotkanet`, `statfin-wfs`. */
  source: z.string().min(1),
  /** The address the answer came from (for a replayed answer, the address it was recorded from). */
  url: z.string().min(1),
  /** The licence's short name, e.g. `CC BY 4.0`. */
  licence: z.string().min(1),
  /** The attribution the licence asks for, shown wherever the data appears. */
  attribution: z.string().min(1),
  /** When the answer was fetched from the service (ISO 8601). */
  fetchedAt: z.string().datetime({ offset: true }),
});
export type FetchedSource = z.infer<typeof FetchedSource>;

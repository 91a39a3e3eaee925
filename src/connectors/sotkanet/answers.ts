import { z } from 'zod';

/**
 * The shapes of Sotkanet's answers, as far as the connector reads them. Everything else an answer
 * holds is let through untouched, so that a field THL adds does not break a fetch.
 */
const Titles = z.looseObject({
  fi: z.string().optional(),
  sv: z.string().optional(),
  en: z.string().optional(),
});

/** `/indicators/{id}`: one indicator's metadata. */
export const SotkanetIndicator = z.looseObject({
  id: z.int(),
  title: Titles,
  'data-updated': z.string().optional(),
  range: z.looseObject({ start: z.coerce.number().int(), end: z.coerce.number().int() }).optional(),
  primaryValueType: z.looseObject({ code: z.string(), title: Titles.optional() }).optional(),
  decimals: z.coerce.number().int().optional(),
  classifications: z
    .looseObject({
      region: z.looseObject({ values: z.array(z.string()) }).optional(),
      sex: z.looseObject({ values: z.array(z.string()) }).optional(),
    })
    .optional(),
  organization: z.looseObject({ id: z.int().optional(), title: Titles.optional() }).optional(),
});
export type SotkanetIndicator = z.infer<typeof SotkanetIndicator>;

/** `/regions`: every area Sotkanet publishes for, with its own id, Statistics Finland's code and a category. */
export const SotkanetRegion = z.looseObject({
  id: z.int(),
  code: z.string(),
  category: z.string(),
  title: Titles,
  memberOf: z.array(z.int()).optional(),
});
export type SotkanetRegion = z.infer<typeof SotkanetRegion>;
export const SotkanetRegions = z.array(SotkanetRegion);

/** `/json`: one value of one indicator, region, year and gender. */
export const SotkanetDataRow = z.looseObject({
  indicator: z.int(),
  region: z.int(),
  year: z.int(),
  gender: z.string(),
  value: z.union([z.number(), z.string(), z.null()]).optional(),
  absValue: z.union([z.number(), z.string(), z.null()]).optional(),
});
export type SotkanetDataRow = z.infer<typeof SotkanetDataRow>;
export const SotkanetData = z.array(SotkanetDataRow);

import { z } from 'zod';
import { Code, Year } from './common.js';
import { LocalText } from './indicator.js';

/**
 * A figure another organisation has published for an area (THL's Sotkanet), kept beside the county's
 * own figures as a reference, never mixed into them. The source's own marks (a withheld or missing
 * value) are kept as the source wrote them.
 */
export const ReferenceAreaLevel = z.enum(['country', 'county', 'municipality']);
export type ReferenceAreaLevel = z.infer<typeof ReferenceAreaLevel>;

export const ReferenceSex = z.enum(['total', 'male', 'female']);
export type ReferenceSex = z.infer<typeof ReferenceSex>;

export const ReferenceValue = z.object({
  /** The publishing service, e.g. `thl-sotkanet`. */
  referenceSource: Code,
  /** The indicator's id in that service (Sotkanet's numeric id, as text). */
  indicatorId: Code,
  indicatorTitle: z.string().trim().min(1).optional(),
  areaLevel: ReferenceAreaLevel,
  /** Statistics Finland's code: municipality `091`, wellbeing services county `01`…`21`, `90`; country `SSS`. */
  areaCode: Code,
  year: Year,
  sex: ReferenceSex,
  /** The published value; absent when the source withheld it or has none. */
  value: z.number().optional(),
  /** The count the value was worked out from, where the source gives one. */
  absoluteValue: z.number().optional(),
  /** The source's own mark for a withheld or missing value, kept verbatim. */
  mark: z.string().trim().min(1).max(64).optional(),
});
export type ReferenceValue = z.infer<typeof ReferenceValue>;

/** The attribution CC BY 4.0 asks for, shown wherever THL's figures appear. */
export const sotkanetAttribution: LocalText = {
  fi: 'Lähde: THL, Sotkanet.fi, CC BY 4.0',
  sv: 'Källa: THL, Sotkanet.fi, CC BY 4.0',
  en: 'Source: THL, Sotkanet.fi, CC BY 4.0',
};

/** An indicator's title as its publisher gives it in each language; null where it gives none. */
export const ReferenceTitles = z.object({
  fi: z.string().nullable(),
  sv: z.string().nullable(),
  en: z.string().nullable(),
});
export type ReferenceTitles = z.infer<typeof ReferenceTitles>;

/** One area's published figure in a comparison, with its rank among its peers (1 = highest value). */
export const ReferencePoint = z.object({
  areaLevel: ReferenceAreaLevel,
  areaCode: z.string(),
  areaName: z.string().nullable(),
  value: z.number().nullable(),
  absoluteValue: z.number().nullable(),
  mark: z.string().nullable(),
  rank: z.int().nullable(),
  /** The viewer's own county, or one of its municipalities. */
  own: z.boolean(),
});
export type ReferencePoint = z.infer<typeof ReferencePoint>;

/** Where the county's own figure and THL's differ, and the reasons that may explain it. */
export const ConsistencyCheck = z.object({
  indicatorId: z.string(),
  year: z.int(),
  own: z.number().nullable(),
  reference: z.number().nullable(),
  difference: z.number().nullable(),
  /** Difference as a share of THL's figure, per cent. */
  relativeDifference: z.number().nullable(),
  explanations: z.array(z.enum(['dataCutOff', 'suppression', 'definition', 'noReference', 'noOwnValue'])),
});
export type ConsistencyCheck = z.infer<typeof ConsistencyCheck>;

/** One Sotkanet indicator for the county beside all organisers, the country and its municipalities. */
export const ReferenceComparison = z.object({
  indicatorId: z.string(),
  indicatorTitle: z.string().nullable(),
  /** The title in Finnish, Swedish and English, where the source's metadata was fetched. */
  indicatorTitles: ReferenceTitles,
  referenceSource: z.string(),
  year: z.int().nullable(),
  years: z.array(z.int()),
  countyCode: z.string().nullable(),
  country: ReferencePoint.nullable(),
  /** The 21 wellbeing services counties and Helsinki, highest value first. */
  organisers: z.array(ReferencePoint),
  /** The county's own municipalities, with their place in the distribution over all municipalities. */
  municipalities: z.array(ReferencePoint.extend({ percentile: z.number().nullable() })),
  /** All municipalities' values in Finland, as quartiles, to place the county's own against. */
  nationalDistribution: z
    .object({
      min: z.number(),
      q1: z.number(),
      median: z.number(),
      q3: z.number(),
      max: z.number(),
      n: z.int(),
    })
    .nullable(),
  /** The built-in indicator with this Sotkanet id, where the county computes it too. */
  builtInIndicatorId: z.string().nullable(),
  consistency: ConsistencyCheck.nullable(),
  /** Where the built-in's definition differs from THL's, in three languages. */
  definitionNote: LocalText.nullable(),
  attribution: LocalText,
});
export type ReferenceComparison = z.infer<typeof ReferenceComparison>;

/** The reference indicators held in the store, for choosing one. */
export const ReferenceIndicatorList = z.array(
  z.object({
    indicatorId: z.string(),
    indicatorTitle: z.string().nullable(),
    indicatorTitles: ReferenceTitles,
    referenceSource: z.string(),
    years: z.array(z.int()),
    builtInIndicatorId: z.string().nullable(),
  }),
);
export type ReferenceIndicatorList = z.infer<typeof ReferenceIndicatorList>;

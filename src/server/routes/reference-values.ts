import { z } from 'zod';
import {
  computeIndicator,
  listReferenceIndicators,
  type OwnFigure,
  referenceComparison,
} from '../../indicators/index.js';
import {
  ReferenceComparison,
  ReferenceIndicatorList,
  ReferenceSex,
  SoteatlasError,
} from '../../model/index.js';
import { YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

export const referenceIndicatorsRoute = defineRoute({
  path: '/api/reference-values',
  summary: "The reference indicators held (THL's Sotkanet), with their years and the built-in each matches",
  tag: 'indicators',
  permission: 'viewAggregates',
  response: ReferenceIndicatorList,
  handler: async ({ store }) => listReferenceIndicators(store),
});

export const referenceComparisonRoute = defineRoute({
  path: '/api/reference-values/:indicatorId',
  summary:
    "THL's published figure for the county beside all wellbeing services counties, the country and its municipalities",
  description:
    'Organisers are the 21 wellbeing services counties and Helsinki (Åland left out), highest value first. Where a ' +
    "built-in indicator names this Sotkanet id, the county's own figure is computed too and its difference from " +
    "THL's explained (data cut-off, suppression, definition). Source: THL, Sotkanet.fi, CC BY 4.0.",
  tag: 'indicators',
  permission: 'viewAggregates',
  params: z.strictObject({
    indicatorId: z.string().trim().min(1).max(64).describe('Sotkanet indicator id.'),
  }),
  query: z.strictObject({
    year: YearParameter,
    sex: ReferenceSex.default('total').describe('total, male or female.'),
  }),
  response: ReferenceComparison,
  notFound: ({ indicatorId }) => `No reference values for indicator ${indicatorId}.`,
  handler: async ({ store, params, query, viewer }) => {
    const ownFigure = async (definition: Parameters<typeof computeIndicator>[1], year: number) => {
      try {
        const result = await computeIndicator(
          store,
          definition,
          { level: 'county', fromYear: year, toYear: year },
          { viewer },
        );
        const total = result.values.find((v) => v.isTotal) ?? result.values[0];
        return total ? ({ value: total.value, suppressed: total.suppressed } satisfies OwnFigure) : undefined;
      } catch (error) {
        // A year without the county's own data, or a level the viewer may not see: nothing to compare.
        if (error instanceof SoteatlasError) return undefined;
        throw error;
      }
    };
    return referenceComparison(
      store,
      params.indicatorId,
      { ...(query.year !== undefined && { year: query.year }), sex: query.sex },
      ownFigure,
    );
  },
});

import { z } from 'zod';
import { countyNeed } from '../../indicators/index.js';
import {
  discloseCount,
  NeedCoefficientSetView,
  NeedsStandardisedCost,
  seesArea,
  seesUnsuppressed,
  type Viewer,
} from '../../model/index.js';
import { YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const query = z.strictObject({
  year: YearParameter.describe('Statistical year; by default the latest with population, events and costs.'),
});

const method =
  'The store knows residents’ age and sex, not their diagnoses, so need is standardised indirectly by age and sex against the county (method "indirectAgeSex"). ';

/** The county stays the reference; of the municipalities, a viewer sees those in their scope. */
const inScope = (viewer: Viewer, areaCode: string | null): boolean =>
  areaCode === null || seesArea(viewer, { level: 'municipality', code: areaCode });

export const needCoefficientsRoute = defineRoute({
  path: '/api/need-coefficients',
  summary: 'Need coefficients of the county’s municipalities (1 = the county)',
  description: `${method}Areas of 1–4 residents have their coefficients withheld from anyone but an analyst.`,
  tag: 'indicators',
  permission: 'viewAggregates',
  query,
  response: NeedCoefficientSetView,
  notFound: () => 'The store has no year with municipal population, service events and net costs.',
  handler: async ({ store, query, viewer }) => {
    const need = await countyNeed(store, query.year);
    if (!need) return undefined;
    const open = seesUnsuppressed(viewer);
    return {
      ...need.coefficients,
      areas: need.coefficients.areas
        .filter((area) => inScope(viewer, area.areaCode))
        .map((area) => {
          const suppressed = !open && discloseCount(need.residents.get(area.areaCode ?? '') ?? 0).suppressed;
          return suppressed
            ? { ...area, health: null, social: null, elderly: null, total: null, suppressed }
            : { ...area, suppressed };
        }),
    };
  },
});

export const needsStandardisedCostRoute = defineRoute({
  path: '/api/needs-standardised-cost',
  summary:
    'Net cost per resident of the county’s municipalities, raw and needs-standardised (100 = the county)',
  description: `${method}costIndex = (cost per resident / county's cost per resident) / need coefficient × 100. Net costs are for those who may see unsuppressed figures, so nothing here is withheld.`,
  tag: 'indicators',
  permission: 'viewUnsuppressed',
  query,
  response: NeedsStandardisedCost,
  notFound: () => 'The store has no year with municipal population, service events and net costs.',
  handler: async ({ store, query, viewer }) => {
    const cost = (await countyNeed(store, query.year))?.cost;
    return cost && { ...cost, rows: cost.rows.filter((row) => inScope(viewer, row.areaCode)) };
  },
});

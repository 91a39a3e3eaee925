import { z } from 'zod';
import {
  EquityResult,
  RoadNetworkName,
  ScenarioChange,
  seesUnsuppressed,
  TransitChoice,
  TravelMode,
  VariantChoice,
  Year,
} from '../../model/index.js';
import { cellMunicipalities, scenarioEquity } from '../../network/index.js';
import { mebibytes } from '../limits/body-limit.js';
import { defineRoute } from '../route.js';
import { requestEvaluator } from './request-evaluator.js';

const EquityQuery = z.strictObject({
  serviceClass: z.string().trim().min(1).max(64).describe('Service class code.'),
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  limitMinutes: z
    .number()
    .positive()
    .max(600)
    .default(30)
    .describe('Residents beyond this time are counted.'),
  roadNetwork: RoadNetworkName.optional().describe(
    'Name of the road network to compute travel times on; default the active one.',
  ),
  mode: TravelMode.default('car').describe('How residents travel: car (default), transit, walk or bike.'),
  transit: TransitChoice.optional().describe(
    'For transit: the departure window, its day and the percentile.',
  ),
  variant: VariantChoice,
});

export const equityRoute = defineRoute({
  method: 'POST',
  path: '/api/network/equity',
  summary: 'Equity of access to a service class under the changes sent',
  description:
    'Gini and Palma of travel time to the nearest unit over residents, residents beyond the limit, and the travel-time distribution by age group and municipality. Counts of 1–4 are withheld (null, suppressed) unless the viewer is an analyst; a withheld group shows no times.',
  tag: 'network',
  permission: 'viewAggregates',
  body: EquityQuery,
  bodyLimitBytes: mebibytes(2),
  heavy: true,
  timeBudgetSeconds: 120,
  response: EquityResult,
  notFound: () => 'No such service class.',
  handler: async ({ store, state, body, viewer }) => {
    const evaluator = await requestEvaluator(store, state, body);
    if (!evaluator.data.classes.some((c) => c.serviceClass.code === body.serviceClass)) return undefined;
    const { minutes } = await evaluator.access(body.changes, body.serviceClass);
    return scenarioEquity({
      serviceClass: body.serviceClass,
      cells: evaluator.data.cells,
      minutes,
      municipalities: await cellMunicipalities(store),
      limitMinutes: body.limitMinutes,
      unsuppressed: seesUnsuppressed(viewer),
    });
  },
});

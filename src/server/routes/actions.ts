import { z } from 'zod';
import {
  RoadNetworkName,
  ScenarioActions,
  ScenarioChange,
  seesUnsuppressed,
  TransitChoice,
  TravelMode,
  VariantChoice,
  Year,
} from '../../model/index.js';
import { actionsOf, cellMunicipalities, municipalityNames } from '../../network/index.js';
import { mebibytes } from '../limits/body-limit.js';
import { defineRoute } from '../route.js';
import { requestEvaluator } from './request-evaluator.js';

const ActionsQuery = z.strictObject({
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).min(1).max(500),
  limitMinutes: z
    .number()
    .positive()
    .max(600)
    .default(30)
    .describe('Residents taken beyond this time, or brought within it, are counted.'),
  roadNetwork: RoadNetworkName.optional().describe(
    'Name of the road network to compute travel times on; default the active one.',
  ),
  mode: TravelMode.default('car').describe('How residents travel: car (default), transit, walk or bike.'),
  transit: TransitChoice.optional().describe(
    'For transit: the departure window, its day and the percentile.',
  ),
  variant: VariantChoice,
});

export const actionsRoute = defineRoute({
  method: 'POST',
  path: '/api/network/actions',
  summary: "A scenario's changes as a list of actions with who gains and who loses access",
  description:
    'One action per unit changed (its changes gathered) and one per channel shift. Per service class: residents whose trip to the nearest unit gets longer or shorter, those aged 75+, the mean change in minutes, those taken across the limit, those left with no reachable unit, the municipalities they live in, and the unit’s capacity and load before and after. Counts of 1–4 are withheld (null, suppressed) unless the viewer is an analyst; a withheld count shows no times beside it.',
  tag: 'network',
  permission: 'viewAggregates',
  body: ActionsQuery,
  bodyLimitBytes: mebibytes(2),
  heavy: true,
  timeBudgetSeconds: 120,
  response: ScenarioActions,
  handler: async ({ store, state, body, viewer }) => {
    const evaluator = await requestEvaluator(store, state, body);
    return actionsOf(evaluator, {
      changes: body.changes,
      limitMinutes: body.limitMinutes,
      municipalities: await cellMunicipalities(store),
      municipalityNames: await municipalityNames(store),
      unsuppressed: seesUnsuppressed(viewer),
    });
  },
});

import { z } from 'zod';
import {
  LanguageAccessResult,
  RoadNetworkName,
  ScenarioChange,
  seesUnsuppressed,
  VariantChoice,
  Year,
} from '../../model/index.js';
import { cellMunicipalities, languageAccess, municipalityLanguages } from '../../network/index.js';
import { mebibytes } from '../limits/body-limit.js';
import { defineRoute } from '../route.js';
import { requestEvaluator } from './request-evaluator.js';

const LanguageAccessQuery = z.strictObject({
  serviceClass: z.string().trim().min(1).max(64).describe('Service class code.'),
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  limitMinutes: z.number().positive().max(600).default(30).describe('Speakers beyond this time are counted.'),
  roadNetwork: RoadNetworkName.optional().describe(
    'Name of the road network to compute travel times on; default the active one.',
  ),
  variant: VariantChoice,
});

export const languageAccessRoute = defineRoute({
  method: 'POST',
  path: '/api/network/language-access',
  summary: "Access to a service class in one's own language under the changes sent",
  description:
    "For Finnish and Swedish speakers (each municipality's residents by language spread over its grid cells): travel time to the nearest unit of the class recorded as serving in their language, its mean, median and 90th percentile, and the speakers beyond the limit or out of reach, over the county and by municipality, with each municipality's status by the Language Act (bilingual at 8 % or 3 000 of the minority language). Counts of 1–4 are withheld unless the viewer is an analyst.",
  tag: 'network',
  permission: 'viewAggregates',
  body: LanguageAccessQuery,
  bodyLimitBytes: mebibytes(2),
  heavy: true,
  timeBudgetSeconds: 120,
  response: LanguageAccessResult,
  notFound: () => 'No such service class.',
  handler: async ({ store, state, body, viewer }) => {
    const evaluator = await requestEvaluator(store, state, body);
    if (!evaluator.data.classes.some((c) => c.serviceClass.code === body.serviceClass)) return undefined;
    const fi = await evaluator.access(body.changes, body.serviceClass, 'fi');
    const sv = await evaluator.access(body.changes, body.serviceClass, 'sv');
    const { year, languages } = await municipalityLanguages(store, evaluator.data.populationYear);
    const cells = evaluator.data.cells;
    return languageAccess({
      serviceClass: body.serviceClass,
      cellCodes: cells.codes,
      cellResidents: cells.total,
      municipalities: await cellMunicipalities(store),
      minutes: { fi: fi.minutes, sv: sv.minutes },
      unitCounts: { fi: fi.units, sv: sv.units },
      languages,
      languageYear: year,
      limitMinutes: body.limitMinutes,
      unsuppressed: seesUnsuppressed(viewer),
    });
  },
});

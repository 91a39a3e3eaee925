import { z } from 'zod';
import { areaCodesInScope } from '../../indicators/index.js';
import { PopulationSummary, populationAgeGroups } from '../../model/index.js';
import { defaultYear, populationSummary } from '../../store/index.js';
import { AreaCodeParameter, AreaLevelParameter, YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

export const populationRoute = defineRoute({
  path: '/api/population',
  summary: 'Residents by age group and sex for the areas of a level, or for one area',
  description:
    'Counts of 1–4 are withheld: null, with suppressed true on the row. The level defaults to municipality.',
  tag: 'population',
  permission: 'viewAggregates',
  query: z.strictObject({
    level: AreaLevelParameter.default('municipality'),
    year: YearParameter,
    areaCode: AreaCodeParameter.optional(),
  }),
  response: PopulationSummary,
  handler: async ({ store, query, viewer }) => {
    const year = query.year ?? (await defaultYear(store));
    const { level, areaCode } = query;
    const inScope = await areaCodesInScope(store, level, viewer);
    const rows = await populationSummary(store, { level, year, ...(areaCode !== undefined && { areaCode }) });
    return {
      level,
      year,
      areaCode: areaCode ?? null,
      ageGroups: [...populationAgeGroups],
      rows: inScope ? rows.filter((row) => inScope.has(row.areaCode)) : rows,
    };
  },
});

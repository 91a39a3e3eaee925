import { z } from 'zod';
import {
  builtInIndicators,
  compareAreas,
  computeIndicator,
  findIndicator,
  latestIndicatorYear,
} from '../../indicators/index.js';
import {
  BreakdownDimension,
  type IndicatorAreaLevel,
  IndicatorCatalogue,
  IndicatorComparison,
  IndicatorPeriodType,
  IndicatorResult,
  SoteatlasError,
  type Viewer,
} from '../../model/index.js';
import type { StateDb } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import { indicatorSourceOf } from '../indicator-source.js';
import { YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const IndicatorIdParameter = z.strictObject({
  id: z.string().trim().min(1).max(100).describe('Indicator id.'),
});

/** A list sent as "a,b" (or as a repeated parameter), checked by `list`. */
const commaList = <T extends z.ZodType>(list: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter((v) => v !== '')
        : value,
    list,
  );

const IndicatorLevelParameter = z.enum(['county', 'municipality', 'gridCell']).describe('Area level.');

/** Well past what any indicator takes on a county's data once the cube is built. */
const indicatorSeconds = 60;

export const indicatorsRoute = defineRoute({
  path: '/api/indicators',
  summary: 'The indicator definitions: what each counts, over whom, and how it may be broken down',
  description:
    'The built-in indicators, then the measures of the service chains in force (`source: "chain"`, ids such as `chain:hip-fracture:reach-final`).',
  tag: 'indicators',
  permission: 'viewAggregates',
  response: IndicatorCatalogue,
  handler: async ({ store, state }) => [
    ...builtInIndicators,
    ...(await indicatorSourceOf(store, state)).definitions,
  ],
});

const longestChainSpanYears = 20;

/**
 * A chain indicator's values: yearly, for the county or its municipalities, without breakdowns; the
 * latest year with events by default, as for the built-in indicators.
 */
const chainIndicatorValues = async (
  store: Store,
  state: StateDb,
  id: string,
  query: {
    level: IndicatorAreaLevel;
    period: IndicatorPeriodType;
    fromYear: number | undefined;
    toYear: number | undefined;
    breakdown?: readonly string[] | undefined;
    areaCodes?: readonly string[] | undefined;
  },
  viewer: Viewer,
): Promise<IndicatorResult | undefined> => {
  const source = await indicatorSourceOf(store, state);
  const definition = source.find(id);
  if (!definition) return undefined;
  const refusal =
    query.period !== 'year'
      ? `${id} is computed for years only.`
      : !definition.levels.includes(query.level)
        ? `${id} is not computed for level ${query.level}.`
        : (query.breakdown ?? []).length > 0
          ? `${id} cannot be broken down.`
          : null;
  if (refusal) throw new SoteatlasError('invalidRequest', refusal);
  const toYear = query.toYear ?? query.fromYear ?? (await latestIndicatorYear(store));
  const fromYear = query.fromYear ?? toYear;
  // One chain statement per year: a span past any series the app shows is refused rather than run.
  if (fromYear > toYear || toYear - fromYear >= longestChainSpanYears)
    throw new SoteatlasError(
      'invalidRequest',
      `From ${fromYear} to ${toYear} is not a span of 1–${longestChainSpanYears} years.`,
    );
  const result = await source.compute(id, { level: query.level, fromYear, toYear }, viewer);
  const wanted = query.areaCodes && query.areaCodes.length > 0 ? new Set(query.areaCodes) : undefined;
  return result && wanted
    ? { ...result, values: result.values.filter((value) => wanted.has(value.areaCode)) }
    : result;
};

export const indicatorValuesRoute = defineRoute({
  path: '/api/indicators/:id',
  summary: 'One indicator for every area of a level, by period and breakdown',
  description:
    'Everyone but an analyst gets figures after disclosure control: a withheld figure is null with suppressed true, ' +
    'never 0. A producer sees only its own producer’s events. `year` is short for fromYear = toYear; by default ' +
    'the latest year with events.',
  tag: 'indicators',
  permission: 'viewAggregates',
  params: IndicatorIdParameter,
  query: z.strictObject({
    level: IndicatorLevelParameter.default('municipality'),
    period: IndicatorPeriodType.default('year').describe('year, quarter, month or rolling12.'),
    year: YearParameter,
    fromYear: YearParameter,
    toYear: YearParameter,
    // The engine computes at most two at a time; a third is the client's mistake, not a failure.
    breakdown: commaList(z.array(BreakdownDimension).max(2))
      .optional()
      .describe('Comma-separated breakdown dimensions (at most two), e.g. "sex" or "ageBand,sex".'),
    areaCodes: commaList(z.array(z.string().trim().min(1).max(64)))
      .optional()
      .describe('Comma-separated area codes to return; all by default.'),
  }),
  // Grid cells and long monthly series read the events themselves, not the cube.
  timeBudgetSeconds: indicatorSeconds,
  response: IndicatorResult,
  notFound: ({ id }) => `No indicator ${id}.`,
  errors: ['forbidden'],
  handler: async ({ store, state, params, query, viewer }) => {
    const fromYear = query.fromYear ?? query.year;
    const toYear = query.toYear ?? query.year;
    const definition = findIndicator(params.id);
    if (!definition)
      return chainIndicatorValues(store, state, params.id, { ...query, fromYear, toYear }, viewer);
    return computeIndicator(
      store,
      definition,
      {
        level: query.level,
        period: query.period,
        ...(fromYear !== undefined && { fromYear }),
        ...(toYear !== undefined && { toYear }),
        breakdown: query.breakdown ?? [],
        ...(query.areaCodes && query.areaCodes.length > 0 && { areaCodes: query.areaCodes }),
      },
      { viewer },
    );
  },
});

export const indicatorComparisonRoute = defineRoute({
  path: '/api/indicators/:id/comparison',
  summary: 'Municipalities (or grid cells) against their county in one year, with ranks and intervals',
  description:
    'versusCounty says whether the area’s whole uncertainty interval lies above or below the county’s value; ' +
    'unknown when there is no interval or the figure is withheld.',
  tag: 'indicators',
  permission: 'viewAggregates',
  params: IndicatorIdParameter,
  query: z.strictObject({
    level: z.enum(['municipality', 'gridCell']).default('municipality').describe('Area level.'),
    year: YearParameter,
  }),
  heavy: true,
  timeBudgetSeconds: indicatorSeconds,
  response: IndicatorComparison,
  notFound: ({ id }) => `No indicator ${id}.`,
  errors: ['forbidden'],
  handler: async ({ store, params, query, viewer }) => {
    const definition = findIndicator(params.id);
    if (!definition) return undefined;
    return compareAreas(
      store,
      definition,
      { level: query.level, ...(query.year !== undefined && { year: query.year }) },
      { viewer },
    );
  },
});

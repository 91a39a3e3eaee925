import { z } from 'zod';
import {
  backtestInStore,
  defaultCountyCode,
  deleteVariant,
  demandTable,
  findVariant,
  forecastContext,
  forecastPyramid,
  forecastPyramids,
  forecastSeries,
  importOfficialProjection,
  listVariants,
  officialLabels,
  parseOfficialProjection,
  saveVariant,
} from '../../forecast/index.js';
import { areaCodesInScope } from '../../indicators/index.js';
import {
  ForecastBacktest,
  ForecastDemand,
  ForecastPyramid,
  ForecastPyramids,
  ForecastSeries,
  ForecastVariant,
  ForecastVariantInput,
  ForecastVariantLabels,
  ForecastVariantList,
  ForecastVariantName,
  seesUnsuppressed,
  type Viewer,
} from '../../model/index.js';
import type { CountyQueries } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import { mebibytes } from '../limits/body-limit.js';
import { AreaCodeParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const tag = 'forecast';

const numberFromText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), schema);

const VariantParameter = ForecastVariantName.default('base').describe('Name of a forecast variant.');
const ForecastLevelParameter = z
  .enum(['country', 'county', 'municipality'])
  .default('county')
  .describe('Level of the area: the county (default), a municipality, or the whole country in the store.');
const ForecastYearParameter = numberFromText(z.int().min(1900).max(2100)).describe(
  'Statistical year (31 December).',
);

/** The variant and the population history, or undefined (404) when either is missing. */
const prepare = async ({ store, state }: { store: Store; state: CountyQueries }, name: string) => {
  const context = await forecastContext(store);
  const variant = await findVariant(store, state, name);
  if (!context || !variant) return undefined;
  return { context, variant };
};

const areaOf = (
  context: NonNullable<Awaited<ReturnType<typeof prepare>>>['context'],
  level: 'country' | 'county' | 'municipality' | 'gridCell',
  code: string | undefined,
) => {
  const resolved =
    code ?? (level === 'county' ? defaultCountyCode(context) : level === 'country' ? 'SSS' : undefined);
  return resolved === undefined ? undefined : { level, code: resolved };
};

/**
 * The area asked for, or undefined when it is not there or lies outside the viewer's scope: a
 * municipality outside it is answered as one that does not exist.
 */
const scopedAreaOf = async (
  store: Store,
  context: NonNullable<Awaited<ReturnType<typeof prepare>>>['context'],
  query: { level: 'country' | 'county' | 'municipality' | 'gridCell'; areaCode?: string | undefined },
  viewer: Viewer,
) => {
  const area = areaOf(context, query.level, query.areaCode);
  if (!area) return undefined;
  const inScope = await areaCodesInScope(store, area.level, viewer);
  return !inScope || inScope.has(area.code) ? area : undefined;
};

export const forecastVariantsRoute = defineRoute({
  path: '/api/forecast/variants',
  summary: 'Forecast variants: the built-in ones, the saved ones and imported official projections',
  tag,
  permission: 'viewAggregates',
  response: ForecastVariantList,
  handler: async ({ store, state }) => ({ variants: await listVariants(store, state) }),
});

export const createForecastVariantRoute = defineRoute({
  method: 'POST',
  path: '/api/forecast/variants',
  summary: 'Save a user-defined variant (its assumptions; omitted ones take the defaults)',
  tag,
  permission: 'editScenarios',
  body: ForecastVariantInput,
  response: ForecastVariant,
  handler: async ({ state, body }) => saveVariant(state, body),
});

export const updateForecastVariantRoute = defineRoute({
  method: 'PUT',
  path: '/api/forecast/variants/:name',
  summary: "Replace a saved variant's label and assumptions (or save a built-in one's name with others)",
  tag,
  permission: 'editScenarios',
  params: z.strictObject({ name: ForecastVariantName }),
  body: ForecastVariantInput.omit({ name: true }),
  response: ForecastVariant,
  notFound: ({ name }) => `Variant ${name} is an official projection; import it again instead.`,
  handler: async ({ store, state, params, body }) => {
    const existing = await findVariant(store, state, params.name);
    if (existing?.kind === 'official') return undefined;
    return saveVariant(state, { ...body, name: params.name });
  },
});

export const deleteForecastVariantRoute = defineRoute({
  method: 'DELETE',
  path: '/api/forecast/variants/:name',
  summary: 'Delete a saved variant or an imported official projection; answers the variants left',
  tag,
  permission: 'editScenarios',
  params: z.strictObject({ name: ForecastVariantName }),
  response: ForecastVariantList,
  notFound: ({ name }) => `No saved variant ${name} (built-in variants cannot be deleted).`,
  handler: async ({ store, state, params }) => {
    const existing = await findVariant(store, state, params.name);
    if (!existing || existing.builtIn) return undefined;
    await deleteVariant(store, state, params.name);
    return { variants: await listVariants(store, state) };
  },
});

export const importOfficialForecastRoute = defineRoute({
  method: 'POST',
  path: '/api/forecast/official',
  summary:
    "Import an official population projection (JSON-stat 2.0 like Statistics Finland's 14wx) as a variant",
  tag,
  permission: 'editScenarios',
  body: z.object({
    name: ForecastVariantName.default('official'),
    label: z.string().trim().min(1).max(200).optional(),
    labels: ForecastVariantLabels.optional().describe(
      'The label in fi, sv and en; by default Statistics Finland’s name when no label is given either.',
    ),
    dataset: z.unknown(),
  }),
  // Statistics Finland's projection for the whole country, every municipality, age, sex and year.
  bodyLimitBytes: mebibytes(32),
  response: ForecastVariant,
  errors: ['invalidDataset'],
  handler: async ({ store, body }) =>
    importOfficialProjection(store, {
      name: body.name,
      label: body.label ?? officialLabels.en,
      labels: body.labels ?? (body.label === undefined ? officialLabels : undefined),
      rows: parseOfficialProjection(body.dataset),
    }),
});

export const forecastSeriesRoute = defineRoute({
  path: '/api/forecast/series',
  summary:
    "Total and age-group lines by year for an area: observed years, the variant's projection, official projections beside it",
  description:
    'Counts of 1–4 are withheld for viewers other than analysts (null, suppressed true on the point), projected ones too.',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    variant: VariantParameter,
    level: ForecastLevelParameter,
    areaCode: AreaCodeParameter.optional(),
  }),
  response: ForecastSeries,
  notFound: () => 'No such variant or area, or the store holds no population by municipality.',
  handler: async ({ store, state, query, viewer }) => {
    const ready = await prepare({ store, state }, query.variant);
    const area = ready && (await scopedAreaOf(store, ready.context, query, viewer));
    if (!ready || !area) return undefined;
    return forecastSeries(store, ready.context, {
      variant: ready.variant,
      area,
      open: seesUnsuppressed(viewer),
    });
  },
});

export const forecastPyramidRoute = defineRoute({
  path: '/api/forecast/pyramid',
  summary:
    'Residents by single-year age and sex for an area and year (observed up to the base year, projected after)',
  description:
    'Level gridCell spreads the municipalities over their 1 km cells. Counts of 1–4 are withheld for viewers other than analysts.',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    variant: VariantParameter,
    level: z.enum(['country', 'county', 'municipality', 'gridCell']).default('county'),
    areaCode: AreaCodeParameter.optional(),
    year: ForecastYearParameter,
  }),
  response: ForecastPyramid,
  notFound: () => 'No such variant, area or year, or the store holds no population by municipality.',
  handler: async ({ store, state, query, viewer }) => {
    const ready = await prepare({ store, state }, query.variant);
    const area = ready && (await scopedAreaOf(store, ready.context, query, viewer));
    if (!ready || !area) return undefined;
    const year = query.year ?? ready.context.geography.year;
    return forecastPyramid(store, ready.context, {
      variant: ready.variant,
      area,
      year,
      open: seesUnsuppressed(viewer),
    });
  },
});

export const forecastPyramidsRoute = defineRoute({
  path: '/api/forecast/pyramids',
  summary:
    'Every year of a variant as a pyramid for an area in one answer: residents by single-year age per sex and year',
  description:
    'Compact: per year one array by age (0…100) for men and one for women. Counts of 1–4 are withheld (null) for viewers other than analysts.',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    variant: VariantParameter,
    level: ForecastLevelParameter,
    areaCode: AreaCodeParameter.optional(),
  }),
  response: ForecastPyramids,
  notFound: () => 'No such variant or area, or the store holds no population by municipality.',
  handler: async ({ store, state, query, viewer }) => {
    const ready = await prepare({ store, state }, query.variant);
    const area = ready && (await scopedAreaOf(store, ready.context, query, viewer));
    if (!ready || !area || area.level === 'gridCell') return undefined;
    return forecastPyramids(store, ready.context, {
      variant: ready.variant,
      area: { level: area.level, code: area.code },
      open: seesUnsuppressed(viewer),
    });
  },
});

export const forecastDemandRoute = defineRoute({
  path: '/api/forecast/demand',
  summary:
    'Projected service demand by service class against the capacity of the area’s units, with the staff it implies',
  description:
    'Volumes (visits, care days) are not counts of people and are served as they are; a producer sees only its own units.',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    variant: VariantParameter,
    level: ForecastLevelParameter,
    areaCode: AreaCodeParameter.optional(),
    year: ForecastYearParameter,
  }),
  response: ForecastDemand,
  notFound: () => 'No such variant, area or year, or the store holds no population or events.',
  handler: async ({ store, state, query, viewer }) => {
    const ready = await prepare({ store, state }, query.variant);
    const area = ready && (await scopedAreaOf(store, ready.context, query, viewer));
    if (!ready || !area || area.level === 'gridCell') return undefined;
    const producer = viewer.producerCode;
    return demandTable(store, ready.context, {
      variant: ready.variant,
      areaLevel: area.level,
      areaCode: area.code,
      year: query.year ?? ready.context.geography.year,
      ...(producer !== undefined && { unitFilter: (unit) => unit.producerCode === producer }),
    });
  },
});

export const forecastBacktestRoute = defineRoute({
  path: '/api/forecast/backtest',
  summary:
    'A projection from an earlier base year against what was observed: MAPE by age group and municipality, beside a constant population and the official projection from that base year',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    variant: VariantParameter,
    from: ForecastYearParameter.optional().describe(
      'Base year of the backtest; by default six years before the latest.',
    ),
  }),
  response: ForecastBacktest,
  notFound: () => 'No such variant, or too few observed years before and after the base year.',
  handler: async ({ store, state, query, viewer }) => {
    const ready = await prepare({ store, state }, query.variant);
    if (!ready || ready.variant.kind === 'official') return undefined;
    const { years } = ready.context.history;
    const latest = years[years.length - 1] ?? 0;
    const from = query.from ?? Math.max(years[0] ?? latest, latest - 6);
    if (!years.includes(from) || from >= latest) return undefined;
    const result = await backtestInStore(store, ready.context, ready.variant, from);
    const inScope = await areaCodesInScope(store, 'municipality', viewer);
    return inScope
      ? { ...result, byMunicipality: result.byMunicipality.filter((r) => inScope.has(r.key)) }
      : result;
  },
});

export const forecastRoutes = [
  forecastVariantsRoute,
  createForecastVariantRoute,
  updateForecastVariantRoute,
  deleteForecastVariantRoute,
  importOfficialForecastRoute,
  forecastSeriesRoute,
  forecastPyramidRoute,
  forecastPyramidsRoute,
  forecastDemandRoute,
  forecastBacktestRoute,
];

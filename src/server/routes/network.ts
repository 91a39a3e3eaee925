import { z } from 'zod';
import {
  AccessLayer,
  defaultDecay,
  discloseCount,
  FerryList,
  OptimisationJob,
  OptimisationRequest,
  RoadNetworkList,
  RoadNetworkName,
  RoadNetworkSummary,
  Scenario,
  ScenarioChange,
  ScenarioComparison,
  ScenarioDeleted,
  ScenarioInput,
  ScenarioList,
  ScenarioResult,
  SoteatlasError,
  seesUnsuppressed,
  Thresholds,
  TransitChoice,
  TravelMode,
  TravelModeComparison,
  VariantChoice,
  type Viewer,
  Year,
} from '../../model/index.js';
import {
  activeRoadNetwork,
  cancelJob,
  chooseRoadNetwork,
  chosenRoadNetwork,
  compareModes,
  compareResults,
  createScenario,
  deleteScenario,
  evaluatorFor,
  ferryLinks,
  findJob,
  findScenario,
  gridCellMetres,
  gridSquareOf,
  listRoadNetworks,
  listScenarios,
  loadNetworkData,
  resolveInput,
  resolveYears,
  setActiveRoadNetwork,
  startOptimisation,
  updateScenario,
} from '../../network/index.js';
import type { CountyQueries } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import { mebibytes } from '../limits/body-limit.js';
import { YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';
import { positionToWgs84 } from '../wgs84.js';
import { requestEvaluator } from './request-evaluator.js';

const tag = 'network';

const IdParameter = z.strictObject({ id: z.string().trim().min(1).max(64).describe('Id of a scenario.') });
const JobParameter = z.strictObject({
  id: z.string().trim().min(1).max(64).describe('Id of an optimisation run.'),
});

/** 500 changes (the most a scenario takes) of a few hundred bytes each, with room to spare. */
const scenarioBodyLimitBytes = mebibytes(1);

/** Long enough to build an evaluator (population, units, travel times) for a large county on two cores. */
const evaluationSeconds = 120;

/** The id that stands for the base network without changes, wherever scenarios are named. */
const baseId = 'base';

/** A producer sees the network's figures but only its own units' loads and costs. */
const forViewer = (result: ScenarioResult, viewer: Viewer): ScenarioResult =>
  viewer.producerCode !== undefined
    ? { ...result, units: result.units.filter((u) => u.producerCode === viewer.producerCode) }
    : result;

const NetworkParameter = RoadNetworkName.optional().describe(
  'Name of the road network to compute travel times on; default the active one.',
);

const ModeParameter = TravelMode.default('car').describe(
  'How residents travel: car (default), transit (public transport with walking), walk or bike.',
);

const TransitParameter = TransitChoice.optional().describe(
  'For transit: the departure window in minutes after midnight (default 420–540, 7:00–9:00), its day (default the first Tuesday the timetable runs on) and the percentile of the times over its minutes (default 75).',
);

/** The network a request that names none is computed on: the county's choice, else the import's. */
const activeNetworkName = async (store: Store, state: CountyQueries): Promise<string | undefined> =>
  (await activeRoadNetwork(store, state))?.name;

/** A scenario input with the active network filled in when it names none. */
const withActiveNetwork = async (store: Store, state: CountyQueries, input: ScenarioInput) => ({
  ...input,
  roadNetwork: input.roadNetwork ?? (await activeNetworkName(store, state)),
});

const evaluateSaved = async (store: Store, scenario: Scenario) => {
  const evaluator = await evaluatorFor(store, scenario);
  return evaluator.evaluate(scenario);
};

/** A saved scenario, or the base network (id "base") of the given years. */
const scenarioOrBase = async (
  { store, state }: { store: Store; state: CountyQueries },
  id: string,
  years: {
    baseYear?: number | undefined;
    targetYear?: number | undefined;
    network?: string | undefined;
    mode?: TravelMode | undefined;
    transit?: TransitChoice | undefined;
  },
): Promise<Scenario | undefined> => {
  const chosen = async () =>
    (await chooseRoadNetwork(store, years.network ?? (await activeNetworkName(store, state)))) ?? null;
  if (id !== baseId) {
    const found = await findScenario(state, id);
    if (!found) return undefined;
    return {
      ...found,
      ...(years.network !== undefined && { roadNetwork: await chosen() }),
      ...(years.mode !== undefined && { mode: years.mode }),
    };
  }
  const resolved = await resolveYears(store, years);
  return {
    id: baseId,
    version: 1,
    name: baseId,
    description: '',
    ...resolved,
    changes: [],
    thresholds: [10, 20, 30],
    decay: defaultDecay,
    roadNetwork: await chosen(),
    mode: years.mode ?? 'car',
    ...(years.transit && { transit: years.transit }),
    createdAt: '',
    updatedAt: '',
  };
};

export const scenariosRoute = defineRoute({
  path: '/api/network/scenarios',
  summary: 'Saved service-network scenarios, each as last saved',
  tag,
  permission: 'viewAggregates',
  response: ScenarioList,
  handler: ({ state }) => listScenarios(state),
});

export const createScenarioRoute = defineRoute({
  method: 'POST',
  path: '/api/network/scenarios',
  summary: 'Save a new scenario',
  description:
    'The base year defaults to the latest year with grid-cell population, the target year to the base year.',
  tag,
  permission: 'editScenarios',
  body: ScenarioInput,
  bodyLimitBytes: scenarioBodyLimitBytes,
  response: Scenario,
  handler: async ({ store, state, body }) =>
    createScenario(state, await resolveInput(store, await withActiveNetwork(store, state, body))),
});

export const scenarioRoute = defineRoute({
  path: '/api/network/scenarios/:id',
  summary: 'One scenario, as last saved or in an earlier version',
  tag,
  permission: 'viewAggregates',
  params: IdParameter,
  query: z.strictObject({
    version: z
      .preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.int().positive())
      .optional(),
  }),
  response: Scenario,
  notFound: ({ id }) => `No scenario ${id}.`,
  handler: ({ state, params, query }) => findScenario(state, params.id, query.version),
});

export const updateScenarioRoute = defineRoute({
  method: 'PUT',
  path: '/api/network/scenarios/:id',
  summary: 'Save a new version of a scenario',
  tag,
  permission: 'editScenarios',
  params: IdParameter,
  body: ScenarioInput,
  bodyLimitBytes: scenarioBodyLimitBytes,
  response: Scenario,
  notFound: ({ id }) => `No scenario ${id}.`,
  handler: async ({ store, state, params, body }) =>
    updateScenario(state, params.id, await resolveInput(store, await withActiveNetwork(store, state, body))),
});

export const deleteScenarioRoute = defineRoute({
  method: 'DELETE',
  path: '/api/network/scenarios/:id',
  summary: 'Delete a scenario (its versions are kept for the record)',
  tag,
  permission: 'editScenarios',
  params: IdParameter,
  response: ScenarioDeleted,
  notFound: ({ id }) => `No scenario ${id}.`,
  handler: async ({ state, params }) =>
    (await deleteScenario(state, params.id)) ? { deleted: true as const } : undefined,
});

export const scenarioResultRoute = defineRoute({
  path: '/api/network/scenarios/:id/result',
  summary: "A saved scenario's results: access, unit loads, costs, staffing and monitoring figures",
  description:
    'The id "base" evaluates the base network without changes. A saved scenario is evaluated on the road network it records unless `network` names another.',
  tag,
  permission: 'viewAggregates',
  params: IdParameter,
  query: z.strictObject({
    baseYear: YearParameter,
    targetYear: YearParameter,
    network: NetworkParameter,
    mode: TravelMode.optional().describe(
      'How residents travel; default the mode the scenario was saved with.',
    ),
  }),
  heavy: true,
  timeBudgetSeconds: evaluationSeconds,
  response: ScenarioResult,
  notFound: ({ id }) => `No scenario ${id}.`,
  handler: async ({ store, state, params, query, viewer }) => {
    const scenario = await scenarioOrBase({ store, state }, params.id, query);
    return scenario && forViewer(await evaluateSaved(store, scenario), viewer);
  },
});

export const evaluateRoute = defineRoute({
  method: 'POST',
  path: '/api/network/evaluate',
  summary: 'Evaluate a scenario without saving it',
  description:
    'For live results while a planner edits: travel times and class outcomes are reused between calls, so a call after one change is quick.',
  tag,
  permission: 'editScenarios',
  body: ScenarioInput,
  bodyLimitBytes: scenarioBodyLimitBytes,
  heavy: true,
  timeBudgetSeconds: evaluationSeconds,
  response: ScenarioResult,
  errors: ['notFound'],
  handler: async ({ store, state, body, viewer }) => {
    const input = await resolveInput(store, await withActiveNetwork(store, state, body));
    const evaluator = await evaluatorFor(store, input);
    return forViewer(await evaluator.evaluate({ ...input, id: null, version: null }), viewer);
  },
});

export const compareRoute = defineRoute({
  path: '/api/network/compare',
  summary: 'Two or more scenarios side by side, with differences from the first',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    ids: z
      .string()
      .regex(/^[^,]+(,[^,]+)+$/, 'at least two ids')
      .describe('Comma-separated scenario ids (two to eight); "base" is the base network.'),
    network: NetworkParameter,
  }),
  heavy: true,
  // Up to eight scenarios, evaluated one after another.
  timeBudgetSeconds: 4 * evaluationSeconds,
  response: ScenarioComparison,
  notFound: () => 'A scenario named is not there.',
  handler: async ({ store, state, query }) => {
    const ids = query.ids.split(',').map((id) => id.trim());
    if (ids.length > 8) return undefined;
    const saved = await Promise.all(ids.filter((id) => id !== baseId).map((id) => findScenario(state, id)));
    if (saved.some((s) => s === undefined)) return undefined;
    const first = saved[0];
    const scenarios = await Promise.all(
      ids.map((id) =>
        scenarioOrBase(
          { store, state },
          id,
          first
            ? { baseYear: first.baseYear, targetYear: first.targetYear, network: query.network }
            : { network: query.network },
        ),
      ),
    );
    const results = [];
    for (const scenario of scenarios) results.push(await evaluateSaved(store, scenario as Scenario));
    return compareResults(results);
  },
});

const AccessQuery = z.strictObject({
  serviceClass: z.string().trim().min(1).max(64).describe('Service class code.'),
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  /** Changes of a reference network (often none: the base) to give each cell's difference from. */
  referenceChanges: z.array(ScenarioChange).max(500).optional(),
  roadNetwork: NetworkParameter,
  mode: ModeParameter,
  transit: TransitParameter,
  variant: VariantChoice,
});

const roundTenth = (value: number) => Math.round(value * 10) / 10;

const cellSquare = (code: string, x: number, y: number) => {
  const square = gridSquareOf(code, x, y);
  const west = square.column * gridCellMetres;
  const south = square.row * gridCellMetres;
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [west + gridCellMetres, south],
        [west + gridCellMetres, south + gridCellMetres],
        [west, south + gridCellMetres],
        [west, south],
      ].map(positionToWgs84),
    ],
  };
};

export const accessLayerRoute = defineRoute({
  method: 'POST',
  path: '/api/network/access.geojson',
  summary: 'Populated grid cells with the travel time to the nearest unit of a class, in WGS84',
  description:
    'Under the changes sent (none: the base network), with the difference of each cell from a reference network when one is sent. Residents per cell of 1–4 are withheld (null, populationSuppressed) unless the viewer is an analyst.',
  tag,
  permission: 'viewAggregates',
  body: AccessQuery,
  bodyLimitBytes: 2 * scenarioBodyLimitBytes,
  heavy: true,
  timeBudgetSeconds: evaluationSeconds,
  response: AccessLayer,
  mediaType: 'application/geo+json',
  notFound: () => 'No such service class.',
  handler: async ({ store, state, body, viewer }) => {
    const evaluator = await requestEvaluator(store, state, body);
    if (!evaluator.data.classes.some((c) => c.serviceClass.code === body.serviceClass)) return undefined;
    const { minutes, nearest, travel } = await evaluator.access(body.changes, body.serviceClass);
    const reference =
      body.referenceChanges && (await evaluator.access(body.referenceChanges, body.serviceClass));
    const { cells } = evaluator.data;
    const unsuppressed = seesUnsuppressed(viewer);
    return {
      type: 'FeatureCollection' as const,
      travel,
      features: cells.codes.map((code, c) => {
        const residents = Math.round(cells.total[c] as number);
        const disclosed = unsuppressed ? { value: residents, suppressed: false } : discloseCount(residents);
        const time = minutes[c] as number;
        const before = reference ? (reference.minutes[c] as number) : Number.NaN;
        return {
          type: 'Feature' as const,
          id: code,
          geometry: cellSquare(code, cells.x[c] as number, cells.y[c] as number),
          properties: {
            code,
            minutes: Number.isFinite(time) ? roundTenth(time) : null,
            nearestUnit: nearest[c] ?? null,
            differenceMinutes:
              Number.isFinite(time) && Number.isFinite(before) ? roundTenth(time - before) : null,
            population: disclosed.value,
            populationSuppressed: disclosed.suppressed,
          },
        };
      }),
    };
  },
});

const ModesQuery = z.strictObject({
  serviceClass: z.string().trim().min(1).max(64).describe('Service class code.'),
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  roadNetwork: NetworkParameter,
  transit: TransitParameter,
  variant: VariantChoice,
  thresholds: Thresholds.default([15, 30, 45]).describe('Times in minutes for the shares within reach.'),
});

export const compareModesRoute = defineRoute({
  method: 'POST',
  path: '/api/network/modes',
  summary: 'Access to a service class by car, public transport, on foot and by bicycle, side by side',
  description:
    'Under the changes sent (none: the base network): per mode the share of residents within each time, the median time over all residents (null when half or more reach no unit within the maximum travel time) and the share no unit reaches. Public transport is the chosen percentile over the departure window; without a timetable or a road network to walk on it is listed as unavailable, with the reason. Shares of the whole population only: no small counts.',
  tag,
  permission: 'viewAggregates',
  body: ModesQuery,
  bodyLimitBytes: scenarioBodyLimitBytes,
  heavy: true,
  // Four modes, each evaluator built once.
  timeBudgetSeconds: 4 * evaluationSeconds,
  response: TravelModeComparison,
  notFound: () => 'No such service class.',
  handler: async ({ store, state, body }) =>
    compareModes(store, {
      spec: {
        ...(await resolveYears(store, body)),
        roadNetwork: body.roadNetwork ?? (await activeNetworkName(store, state)),
        transit: body.transit,
        variant: body.variant,
      },
      serviceClass: body.serviceClass,
      changes: body.changes,
      thresholds: body.thresholds,
    }),
});

const OptimisationStart = OptimisationRequest.extend({
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  /** Changes of an unsaved scenario to start from (ignored when scenarioId is given). */
  changes: z.array(ScenarioChange).max(500).default([]),
  /** Default: the saved scenario's network, else the active one. */
  roadNetwork: NetworkParameter,
  /** Default: the saved scenario's variant, else summer with nothing closed. */
  variant: VariantChoice,
});

export const startOptimisationRoute = defineRoute({
  method: 'POST',
  path: '/api/network/optimisations',
  summary: 'Start a location optimisation for one service class; poll its progress, DELETE to cancel',
  tag,
  permission: 'editScenarios',
  body: OptimisationStart,
  bodyLimitBytes: scenarioBodyLimitBytes,
  heavy: true,
  // Until the run starts (the evaluator may have to be built); the run itself has its own time limit.
  timeBudgetSeconds: evaluationSeconds,
  response: OptimisationJob,
  notFound: () => 'No such scenario.',
  handler: async ({ store, state, body }) => {
    const { baseYear, targetYear, changes, roadNetwork, variant, ...request } = body;
    const scenario = request.scenarioId ? await findScenario(state, request.scenarioId) : undefined;
    if (request.scenarioId && !scenario) return undefined;
    const years = await resolveYears(store, scenario ?? { baseYear, targetYear });
    const evaluator = await requestEvaluator(store, state, {
      ...years,
      roadNetwork: roadNetwork ?? scenario?.roadNetwork ?? undefined,
      variant: variant ?? scenario?.variant,
    });
    // Minimax regret weighs the base year's demand beside the target year's.
    return startOptimisation(evaluator, scenario?.changes ?? changes, request, {
      baseYear: () =>
        store.shared(() => loadNetworkData(store, { baseYear: years.baseYear, targetYear: years.baseYear })),
    });
  },
});

export const optimisationRoute = defineRoute({
  path: '/api/network/optimisations/:id',
  summary: 'Progress and, once done, the result of an optimisation run',
  tag,
  permission: 'viewAggregates',
  params: JobParameter,
  response: OptimisationJob,
  notFound: ({ id }) => `No optimisation run ${id}.`,
  handler: async ({ params }) => findJob(params.id),
});

export const cancelOptimisationRoute = defineRoute({
  method: 'DELETE',
  path: '/api/network/optimisations/:id',
  summary: 'Cancel an optimisation run; the best solution found so far stays readable',
  tag,
  permission: 'editScenarios',
  params: JobParameter,
  response: OptimisationJob,
  notFound: ({ id }) => `No optimisation run ${id}.`,
  handler: async ({ params }) => cancelJob(params.id),
});

export const roadNetworksRoute = defineRoute({
  path: '/api/network/roads',
  summary: 'The road networks in the store, the active one marked',
  description:
    'Travel times are computed on the active network unless a request names another. Each network lists its revision (re-imports under its name), connected components and size.',
  tag,
  permission: 'viewAggregates',
  response: RoadNetworkList,
  handler: async ({ store, state }) => listRoadNetworks(store, await chosenRoadNetwork(state)),
});

export const ferriesRoute = defineRoute({
  path: '/api/network/roads/ferries',
  summary: 'The ferry links of a road network, which a network variant may take out of service',
  description:
    'By link id, with the length, the crossing time the network gives and where the link is. A network without link ids (OpenStreetMap) has no variants: identifiedLinks is false and no ferry is listed.',
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({ network: NetworkParameter }),
  response: FerryList,
  handler: async ({ store, state, query }) => {
    const name = query.network ?? (await activeNetworkName(store, state));
    if (name === undefined) return { network: null, identifiedLinks: false, ferries: [] };
    const { identifiedLinks, ferries } = await ferryLinks(store, name);
    return {
      network: name,
      identifiedLinks,
      ferries: ferries.map((f) => {
        const [lon, lat] = positionToWgs84([f.x, f.y]);
        return {
          linkId: f.linkId,
          lengthMetres: Math.round(f.lengthMetres),
          crossingMinutes: f.crossingSeconds > 0 ? Math.round(f.crossingSeconds / 6) / 10 : null,
          lon: lon as number,
          lat: lat as number,
        };
      }),
    };
  },
});

export const activeRoadNetworkRoute = defineRoute({
  method: 'PUT',
  path: '/api/network/roads/active',
  summary: "Choose the county's active road network",
  description: 'Producers may not choose it (403); an unknown name is a 404.',
  tag,
  permission: 'editScenarios',
  body: z.strictObject({ name: RoadNetworkName }),
  response: RoadNetworkSummary,
  errors: ['forbidden', 'notFound'],
  handler: async ({ store, state, body, viewer }) => {
    // Choosing the county's network is the county's to do, as its targets are.
    if (viewer.producerCode !== undefined)
      throw new SoteatlasError('forbidden', 'The road network is chosen by the county, not by producers.');
    return setActiveRoadNetwork(store, state, body.name);
  },
});

export const networkRoutes = [
  roadNetworksRoute,
  ferriesRoute,
  activeRoadNetworkRoute,
  scenariosRoute,
  createScenarioRoute,
  scenarioRoute,
  updateScenarioRoute,
  deleteScenarioRoute,
  scenarioResultRoute,
  evaluateRoute,
  compareRoute,
  accessLayerRoute,
  compareModesRoute,
  startOptimisationRoute,
  optimisationRoute,
  cancelOptimisationRoute,
];

import { z } from 'zod';
import { Code, EastingMetres, NorthingMetres, Year } from './common.js';
import { EquityLocationModel } from './equity-location.js';
import { ErrorCode } from './errors.js';
import { featureCollectionOf, PolygonGeometry } from './geojson.js';
import { ServiceLanguage } from './language.js';
import { NetworkVariant } from './network-variant.js';
import { LocationModel } from './optimise.js';
import { ProducerKind } from './producer.js';
import { RoadNetworkName, RoadNetworkRef, TravelUse } from './road.js';
import { TransitChoice, TravelMode } from './transit.js';

/**
 * Service-network scenarios: a base network (the units open in the base year) with changes, evaluated
 * against the population of a target year. Coordinates are EPSG:3067; results also carry WGS84.
 */

export const CloseUnit = z.object({ kind: z.literal('close'), unitCode: Code });
export const OpenUnit = z.object({
  kind: z.literal('open'),
  unitCode: Code,
  name: z.string().trim().min(1),
  serviceClasses: z.array(Code).min(1),
  x: EastingMetres,
  y: NorthingMetres,
  /** Per service class offered: visits a year, or places for care-day classes (a place is 365 care days). */
  capacityPerYear: z.number().min(0),
  producerKind: ProducerKind.default('own'),
  /** The languages the new unit serves in; absent when the plan does not say. */
  languages: z.array(ServiceLanguage).min(1).max(6).optional(),
});
export const MoveUnit = z.object({
  kind: z.literal('move'),
  unitCode: Code,
  x: EastingMetres,
  y: NorthingMetres,
});
/** A new total capacity; each service class keeps its share of the old. */
export const ChangeCapacity = z.object({
  kind: z.literal('capacity'),
  unitCode: Code,
  capacityPerYear: z.number().min(0),
});
/** Opening hours scale capacity: a unit open 30 of its usual 40 hours a week has three quarters of it. */
export const ChangeHours = z.object({
  kind: z.literal('hours'),
  unitCode: Code,
  hoursPerWeek: z.number().min(0).max(168),
  baseHoursPerWeek: z.number().positive().max(168).default(40),
});
/** A share of a service class's in-person visits moves to remote or digital channels: no travel, no seat. */
export const ShiftChannel = z.object({
  kind: z.literal('shiftChannel'),
  serviceClass: Code,
  channel: z.enum(['remote', 'digital']),
  share: z.number().min(0).max(1),
});

export const ScenarioChange = z.discriminatedUnion('kind', [
  CloseUnit,
  OpenUnit,
  MoveUnit,
  ChangeCapacity,
  ChangeHours,
  ShiftChannel,
]);
export type ScenarioChange = z.infer<typeof ScenarioChange>;

export const Thresholds = z.array(z.number().positive().max(600)).min(1).max(6);

/**
 * The distance-decay weights of the E2SFCA supply ratio: binary (plain 2SFCA, everyone within the
 * catchment counts fully), stepwise (Luo & Qi's weights 1, 0.68 and 0.22 over the catchment's thirds)
 * or gaussian (from 1 at zero to 0 at the catchment's edge).
 */
export const DecayKind = z.enum(['binary', 'stepwise', 'gaussian']);
export type DecayKind = z.infer<typeof DecayKind>;
export const DecayChoice = z.strictObject({
  kind: DecayKind.default('gaussian'),
  catchmentMinutes: z.number().positive().max(180).default(30),
});
export type DecayChoice = z.infer<typeof DecayChoice>;
export const defaultDecay: DecayChoice = { kind: 'gaussian', catchmentMinutes: 30 };

/** What a planner sends to create or update a scenario. */
export const ScenarioInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  /** The year whose open units form the base network; defaults to the latest population year. */
  baseYear: Year.optional(),
  /** The year whose (projected) population is served; defaults to the base year. */
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  /** Travel-time thresholds in minutes for the shares within reach. */
  thresholds: Thresholds.default([10, 20, 30]),
  decay: DecayChoice.default(defaultDecay),
  /** The road network to evaluate on; defaults to the county's active network when saved. */
  roadNetwork: RoadNetworkName.optional(),
  /** How residents travel to the units: car (default), public transport, walking or cycling. */
  mode: TravelMode.default('car'),
  /** For public transport: the departure window, its day and the percentile (7:00–9:00 on a weekday, 75th). */
  transit: TransitChoice.optional(),
  /** For car: the season's speeds and links out of use. None: summer, nothing closed. */
  variant: NetworkVariant.optional(),
});
export type ScenarioInput = z.infer<typeof ScenarioInput>;

/** A saved scenario. Every save makes a new version; earlier versions stay readable. */
export const Scenario = z.object({
  id: z.string(),
  version: z.int().positive(),
  name: z.string(),
  description: z.string(),
  baseYear: Year,
  targetYear: Year,
  changes: z.array(ScenarioChange),
  thresholds: z.array(z.number()),
  /** Scenarios saved before the choice existed were evaluated with the default. */
  decay: DecayChoice.default(defaultDecay),
  /**
   * The road network the scenario is evaluated on, as it was when saved (null: none, straight lines).
   * Scenarios saved before networks were named have none recorded and take the active one.
   */
  roadNetwork: RoadNetworkRef.nullable().default(null),
  /** Scenarios saved before modes were offered were evaluated by car. */
  mode: TravelMode.default('car'),
  transit: TransitChoice.optional(),
  /** Scenarios saved before variants were offered were evaluated in summer with nothing closed. */
  variant: NetworkVariant.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioList = z.array(Scenario);

export const ScenarioDeleted = z.object({ deleted: z.literal(true) });

export const ShareWithin = z.object({
  minutes: z.number(),
  /** Shares of residents (0–1); null when there are none in the group. */
  all: z.number().nullable(),
  aged75: z.number().nullable(),
  children: z.number().nullable(),
});

/** Accessibility and load of one service class. Demand is in the class's measure (visits or care days). */
export const ClassResult = z.object({
  serviceClass: z.string(),
  eventKind: z.string(),
  unitCount: z.int(),
  meanMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  within: z.array(ShareWithin),
  demand: z.number(),
  inPersonDemand: z.number(),
  /** Moved to remote or digital channels by the scenario. */
  shiftedDemand: z.number(),
  capacity: z.number(),
  served: z.number(),
  /** In-person demand not served: no unit with room for it, or none within reach (below). */
  unserved: z.number(),
  /** In-person demand of cells no unit of the class reaches within the maximum travel time. */
  unreachableDemand: z.number(),
  /** Residents of those cells. */
  unreachableResidents: z.number(),
  /** Mean travel time of in-person demand once capacity is respected. */
  meanAssignedMinutes: z.number().nullable(),
  /** E2SFCA (the result's decay): capacity per expected in-person visit, population-weighted. */
  supplyRatio: z.number().nullable(),
  costEuros: z.number(),
  staffFte: z.number(),
});
export type ClassResult = z.infer<typeof ClassResult>;

export const UnitStatus = z.enum(['unchanged', 'closed', 'opened', 'moved', 'changed']);
export type UnitStatus = z.infer<typeof UnitStatus>;

export const UnitResult = z.object({
  code: z.string(),
  name: z.string(),
  status: UnitStatus,
  /** False for a unit that serves only remotely or digitally: it adds no in-person access. */
  inPerson: z.boolean(),
  serviceClasses: z.array(z.string()),
  /** Null for a unit the scenario opens. */
  producerCode: z.string().nullable(),
  producerKind: ProducerKind.nullable(),
  x: z.number(),
  y: z.number(),
  lon: z.number(),
  lat: z.number(),
  /** In-person capacity per service class, in the class's measure per year. */
  capacity: z.record(z.string(), z.number()),
  capacityTotal: z.number(),
  load: z.number(),
  /** Load per capacity (1 = full); null without capacity. */
  utilisation: z.number().nullable(),
  overflow: z.number(),
  unserved: z.number(),
  fixedCostEuros: z.number(),
  variableCostEuros: z.number(),
  staffFte: z.number(),
});
export type UnitResult = z.infer<typeof UnitResult>;

/** Figures of the monitoring set that depend on the network. */
export const MonitoringFigure = z.object({
  code: z.string(),
  value: z.number().nullable(),
  unit: z.enum(['share', 'minutes', 'count', 'euros', 'fte']),
});

/**
 * Road-network times throughout, road-network times with some trips estimated along straight lines
 * (from or to points off the network), or straight lines throughout (no network, or all points off it).
 */
export const TravelTimeSourceKind = z.enum(['roadNetwork', 'roadNetworkWithStraightLines', 'straightLine']);
export type TravelTimeSourceKind = z.infer<typeof TravelTimeSourceKind>;

export const travelTimeSourceOf = (use: TravelUse): TravelTimeSourceKind => {
  const allOff = (count: number, off: number) => count > 0 && off === count;
  if (
    use.network === null ||
    allOff(use.origins, use.straightLineOrigins) ||
    allOff(use.destinations, use.straightLineDestinations)
  )
    return 'straightLine';
  return use.straightLineOrigins > 0 || use.straightLineDestinations > 0
    ? 'roadNetworkWithStraightLines'
    : 'roadNetwork';
};

export const ScenarioResult = z.object({
  scenarioId: z.string().nullable(),
  version: z.int().nullable(),
  name: z.string(),
  baseYear: z.int(),
  targetYear: z.int(),
  populationYear: z.int(),
  populationSource: z.enum(['forecast', 'latestPopulation', 'gridAgeGroups']),
  /** Why the population is what it is, e.g. no forecast yet for the target year. */
  populationNote: z.string(),
  travelTimeSource: TravelTimeSourceKind,
  /** The road network the travel times were computed on, and how many cells and units were off it. */
  travel: TravelUse,
  /** Trips longer than this count as no access: their cells' demand is unreachable and unserved. */
  maxTravelMinutes: z.number(),
  /**
   * Where the demand per cell comes from: the forecast's projected demand by cell (the Forecast page's
   * demand table spread over cells) for a projected target year, or use rates × the cells' residents.
   */
  demandSource: z.enum(['forecastCellDemand', 'useRates']),
  demandNote: z.string(),
  decay: DecayChoice,
  thresholds: z.array(z.number()),
  residents: z.number(),
  classes: z.array(ClassResult),
  units: z.array(UnitResult),
  costs: z.object({
    fixedEuros: z.number(),
    variableEuros: z.number(),
    remoteEuros: z.number(),
    totalEuros: z.number(),
  }),
  staffFte: z.number(),
  monitoring: z.array(MonitoringFigure),
  evaluationMs: z.number(),
});
export type ScenarioResult = z.infer<typeof ScenarioResult>;

export const ComparisonRow = z.object({
  metric: z.string(),
  serviceClass: z.string().nullable(),
  unit: z.enum(['share', 'minutes', 'count', 'euros', 'fte', 'demand']),
  /** Whether a larger value is better (true), worse (false), or neither (null). */
  higherIsBetter: z.boolean().nullable(),
  values: z.array(z.number().nullable()),
  /** Each scenario's value minus the first's. */
  differences: z.array(z.number().nullable()),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const ScenarioComparison = z.object({
  scenarios: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      version: z.int().nullable(),
      targetYear: z.int(),
      /** The road network each was evaluated on: results on different networks differ by it too. */
      travel: TravelUse,
    }),
  ),
  rows: z.array(ComparisonRow),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

export const AccessCell = z.object({
  code: z.string(),
  /** Minutes to the nearest unit of the class; null where none is reachable. */
  minutes: z.number().nullable(),
  nearestUnit: z.string().nullable(),
  /** Minutes minus those under the reference changes, when a reference was asked for; null otherwise. */
  differenceMinutes: z.number().nullable(),
  /** Residents; null when withheld (1–4) for viewers who see suppressed figures. */
  population: z.int().nullable(),
  populationSuppressed: z.boolean(),
});
export type AccessCell = z.infer<typeof AccessCell>;

export const AccessLayer = featureCollectionOf(PolygonGeometry, AccessCell).extend({
  /** The road network the times came from and the cells and units off it (a GeoJSON foreign member). */
  travel: TravelUse,
});
export type AccessLayer = z.infer<typeof AccessLayer>;

export const OptimisationRequest = z.strictObject({
  scenarioId: z.string().optional(),
  serviceClass: Code,
  /**
   * minimax-regret weighs the base-year and the target-year demand as two scenarios (one when the years
   * are the same); capacitated-covering serves the most demand within coverMinutes and each unit's capacity.
   */
  model: z.enum([...LocationModel.options, ...EquityLocationModel.options]).default('p-median'),
  /** How many units to have open in all; defaults to the number open now. */
  p: z.int().positive().optional(),
  /** "Close k of n": close this many of the units open now, adding no new sites. */
  closeCount: z.int().min(0).optional(),
  /** Covering radius in minutes for the covering models. */
  coverMinutes: z.number().positive().default(20),
  /**
   * Equity: no resident farther than this from its unit (p-median, p-center, capacitated p-median); a
   * resident with no site within it makes the answer infeasible, naming the grid cells.
   */
  maxTravelMinutes: z.number().positive().optional(),
  /** Units that must stay open. */
  fixed: z.array(Code).default([]),
  /** The most populated grid cells offered as sites where a unit could open (0: existing units only). */
  candidateSites: z.int().min(0).max(200).default(30),
  timeLimitSeconds: z.number().positive().max(600).default(10),
});
export type OptimisationRequest = z.infer<typeof OptimisationRequest>;

export const OptimisationJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** 0–1. */
  progress: z.number(),
  message: z.string().nullable(),
  /** Why a failed run failed, for the app to say in the reader's language; message is for developers. */
  failure: ErrorCode.optional(),
  request: OptimisationRequest,
  result: z
    .object({
      /** Units of the network that stay open, and those the solution closes. */
      keep: z.array(z.string()),
      close: z.array(z.string()),
      /** New sites the solution opens, at the centres of grid cells. */
      open: z.array(
        z.object({ cellCode: z.string(), x: z.number(), y: z.number(), lon: z.number(), lat: z.number() }),
      ),
      /** Null when no solution was found (status infeasible or unknown); nothing opens or closes then. */
      objective: z.number().nullable(),
      bound: z.number().nullable(),
      gap: z.number().nullable(),
      /** Mean travel time of the class's in-person demand to its nearest open site. */
      meanMinutes: z.number().nullable(),
      /** Equity models: whether the answer is proven best (by enumerating every set of sites). */
      exact: z.boolean().optional(),
      /** minimax-regret: per demand scenario, the choice's weighted travel, that scenario's best and the gap. */
      scenarios: z
        .array(z.object({ name: z.string(), cost: z.number(), best: z.number(), regret: z.number() }))
        .optional(),
      maxRegret: z.number().optional(),
      /** capacitated-covering: demand served within the radius and the units' room, and each site's share. */
      covered: z.number().optional(),
      loads: z.array(z.object({ site: z.string(), load: z.number(), capacity: z.number() })).optional(),
      /** With maxTravelMinutes: the grid cells with residents and no site within it (why it is infeasible). */
      beyondReach: z.array(z.string()).optional(),
      method: z.string(),
      status: z.string(),
      /** The changes that would turn the scenario into this solution. */
      changes: z.array(ScenarioChange),
      /** The road network the travel times came from; destinations are the sites considered. */
      travel: TravelUse,
    })
    .nullable(),
});
export type OptimisationJob = z.infer<typeof OptimisationJob>;

/** Why a mode could not be computed for a comparison: no timetable, no road network to walk on, no weekday service. */
export const TravelModeUnavailable = z.enum(['noTimetable', 'noRoadNetwork', 'noWeekdayService']);
export type TravelModeUnavailable = z.infer<typeof TravelModeUnavailable>;

/** Access to one service class by one mode: shares of all residents within each time, and the median. */
export const TravelModeAccess = z.object({
  mode: TravelMode,
  /** Null when the mode could be computed; else why not (no figures then). */
  unavailable: TravelModeUnavailable.nullable(),
  /** Shares (0–1) of all residents whose nearest unit is within each of the comparison's times. */
  within: z.array(z.object({ minutes: z.number(), share: z.number().nullable() })),
  /**
   * Median over all residents of the time to the nearest unit; residents no unit reaches count as
   * beyond every time, so the median is null when they are half or more.
   */
  medianMinutes: z.number().nullable(),
  /** Share (0–1) of residents with no unit within the maximum travel time by this mode. */
  unreachableShare: z.number().nullable(),
  travel: TravelUse.nullable(),
});
export type TravelModeAccess = z.infer<typeof TravelModeAccess>;

/** Access to one service class by car, public transport, on foot and by bicycle, side by side. */
export const TravelModeComparison = z.object({
  serviceClass: z.string(),
  thresholds: z.array(z.number()),
  maxTravelMinutes: z.number(),
  modes: z.array(TravelModeAccess),
});
export type TravelModeComparison = z.infer<typeof TravelModeComparison>;

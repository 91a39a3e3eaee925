import type {
  DecayChoice,
  ScenarioChange,
  ScenarioResult,
  ServiceLanguage,
  TravelUse,
} from '../../model/index.js';
import { defaultDecay, travelTimeSourceOf } from '../../model/index.js';
import type { PlanarPoint, TravelTimeSource } from '../access/index.js';
import { type AppliedScenario, applyChanges, type ScenarioUnit } from './apply.js';
import { type ClassOutcome, classOutcome, sum } from './class-outcome.js';
import { locationKey, type TravelColumns, travelColumns } from './columns.js';
import { type ClassDemand, cellDemand, type NetworkData } from './context-data.js';
import { type CostConfig, costsOf } from './costs.js';
import { decayedColumns, decayKey } from './decay.js';
import { monitoringFigures } from './monitoring.js';
import { nearestUnits, reachOfMembers } from './reach.js';
import { straightLineLabel, type TravelLabel } from './travel.js';
import { unitResults } from './unit-results.js';

export { decayWeight } from './decay.js';

export interface ScenarioSpec {
  id?: string | null;
  version?: number | null;
  name: string;
  changes: readonly ScenarioChange[];
  thresholds: readonly number[];
  decay?: DecayChoice | undefined;
}

/**
 * Longer trips count as no access: in a county two hours by car is beyond any service's reach, and a
 * cell the road network does not connect (an island without a ferry link) comes back as Infinity.
 */
export const defaultMaxTravelMinutes = 120;

export interface EvaluatorOptions {
  /** Where the travel times come from, as the results say: the network and the points off it. */
  travel?: TravelLabel;
  /** Trips longer than this are no access. */
  maxTravelMinutes?: number;
}

export interface Evaluator {
  readonly data: NetworkData;
  /** Whether the evaluator has a road network; each result says how much of it was used. */
  readonly travelTimeSource: TravelLabel['kind'];
  readonly travel: TravelLabel;
  /** Trips longer than this are no access: Infinity in the columns. */
  readonly maxTravelMinutes: number;
  evaluate(spec: ScenarioSpec): Promise<ScenarioResult>;
  /**
   * Per cell: travel time to the nearest open unit of the class under the changes, and that unit; with
   * a language, only units recorded as serving in it count.
   */
  access(
    changes: readonly ScenarioChange[],
    serviceClass: string,
    language?: ServiceLanguage,
  ): Promise<{ minutes: Float64Array; nearest: (string | null)[]; travel: TravelUse; units: number }>;
  /** The travel-time columns (one per point, over the cells), computed once per location. */
  columns(points: readonly PlanarPoint[]): Promise<Float64Array[]>;
}

/** The units that offer a class in person under a scenario. */
const membersOf = (applied: AppliedScenario, code: string) =>
  applied.units.filter(
    (u) => u.open && u.inPerson && u.serviceClasses.includes(code) && (u.capacity[code] ?? 0) >= 0,
  );

/**
 * Evaluates scenarios over one network data set (base year, target year, store state). Travel times are
 * computed once per location and kept; a class's outcome is kept per set of units and capacities that
 * serve it, so that after one change only the classes that change touches are worked out again.
 */
export const createEvaluator = (
  data: NetworkData,
  travel: TravelTimeSource,
  costs: CostConfig,
  {
    travel: travelLabel = straightLineLabel(),
    maxTravelMinutes = defaultMaxTravelMinutes,
  }: EvaluatorOptions = {},
): Evaluator => {
  const cells = data.cells;
  const cellPoints: PlanarPoint[] = cells.codes.map((_, c) => ({
    x: cells.x[c] as number,
    y: cells.y[c] as number,
  }));
  const columns = travelColumns(cellPoints, travel, { keep: data.units, maxTravelMinutes });
  const outcomeOf = cachedClassOutcomes(data, costs, columns);

  const evaluate = async (spec: ScenarioSpec): Promise<ScenarioResult> => {
    const started = performance.now();
    const decay = spec.decay ?? defaultDecay;
    const applied = applyChanges(data.units, spec.changes, data.classes);
    const outcomes: ClassOutcome[] = [];
    for (const demand of data.classes) {
      const code = demand.serviceClass.code;
      const shift = applied.shifted.get(code) ?? 0;
      outcomes.push(
        await outcomeOf(demand, membersOf(applied, code), { shift, thresholds: spec.thresholds, decay }),
      );
    }
    const use = travelLabel.use(
      cellPoints,
      applied.units.filter((u) => u.open && u.inPerson),
    );
    const travelUsed = { travelTimeSource: travelTimeSourceOf(use), travel: use, maxTravelMinutes };
    return {
      ...scenarioResult({ data, costs, spec, decay, applied, outcomes, travelUsed }),
      evaluationMs: performance.now() - started,
    };
  };

  const access = async (
    changes: readonly ScenarioChange[],
    serviceClass: string,
    language?: ServiceLanguage,
  ) => {
    const members = membersOf(applyChanges(data.units, changes, data.classes), serviceClass).filter(
      (u) => language === undefined || (u.languages?.includes(language) ?? false),
    );
    const { nearest, minutes } = nearestUnits(await columns(members), cells.codes.length);
    return {
      minutes,
      nearest: Array.from(nearest, (u) => members[u]?.code ?? null),
      travel: travelLabel.use(cellPoints, members),
      units: members.length,
    };
  };

  return {
    data,
    travelTimeSource: travelLabel.kind,
    travel: travelLabel,
    maxTravelMinutes,
    evaluate,
    access,
    columns,
  };
};

interface ClassScenario {
  shift: number;
  thresholds: readonly number[];
  decay: DecayChoice;
}

/**
 * A class's outcome, kept per class, shift, thresholds, decay and members' places and capacities; the
 * demand per cell and the reach of a set of places are kept too.
 */
const cachedClassOutcomes = (data: NetworkData, costs: CostConfig, columns: TravelColumns) => {
  const { cells } = data;
  const outcomes = new Map<string, ClassOutcome>();
  const demands = new Map<string, Float64Array>();
  const reachOf = reachOfMembers(cells);
  const decayed = decayedColumns();
  const demandOf = (demand: ClassDemand) => {
    const code = demand.serviceClass.code;
    let cached = demands.get(code);
    if (!cached) {
      cached = cellDemand(cells, demand);
      demands.set(code, cached);
    }
    return cached;
  };
  return async (demand: ClassDemand, members: ScenarioUnit[], scenario: ClassScenario) => {
    const code = demand.serviceClass.code;
    const { shift, thresholds, decay } = scenario;
    const signature = [
      code,
      shift,
      thresholds.join(','),
      decayKey(decay),
      ...members.map((u) => `${u.code}@${locationKey(u)}=${u.capacity[code] ?? 0}`),
    ].join('|');
    const cached = outcomes.get(signature);
    if (cached) return cached;
    const unitColumns = await columns(members);
    const reach = reachOf(members, unitColumns, thresholds);
    const cellDemand = demandOf(demand);
    const outcome = classOutcome({
      cells,
      demand,
      cellDemand,
      members,
      unitColumns,
      reach,
      ...scenario,
      decayed,
      costs,
    });
    // Keep the cache bounded: a planner's session touches a few hundred variants at most.
    if (outcomes.size > 2000) outcomes.clear();
    outcomes.set(signature, outcome);
    return outcome;
  };
};

interface ScenarioOutcomes {
  data: NetworkData;
  costs: CostConfig;
  spec: ScenarioSpec;
  decay: DecayChoice;
  applied: AppliedScenario;
  outcomes: readonly ClassOutcome[];
  travelUsed: Pick<ScenarioResult, 'travelTimeSource' | 'travel' | 'maxTravelMinutes'>;
}

/** The scenario's result from its classes' outcomes: units, costs, staff and the monitoring figures. */
const scenarioResult = ({ data, costs, spec, decay, applied, outcomes, travelUsed }: ScenarioOutcomes) => {
  const units = unitResults(applied.units, outcomes, costs);
  const classes = outcomes.map((o) => o.result);
  const totalCost = classes.reduce((a, c) => a + c.costEuros, 0);
  const fixedEuros = units.reduce((a, u) => a + u.fixedCostEuros, 0);
  const inPersonVariable = classes.reduce(
    (a, c) => a + c.inPersonDemand * costsOf(costs, c.serviceClass).variableEurosPerVisit,
    0,
  );
  const staffFte = classes.reduce((a, c) => a + c.staffFte, 0);
  const residents = sum(data.cells.total);
  return {
    scenarioId: spec.id ?? null,
    version: spec.version ?? null,
    name: spec.name,
    baseYear: data.baseYear,
    targetYear: data.targetYear,
    populationYear: data.populationYear,
    populationSource: data.populationSource,
    populationNote: data.populationNote,
    ...travelUsed,
    demandSource: data.demandSource,
    demandNote: data.demandNote,
    decay: { ...decay },
    thresholds: [...spec.thresholds],
    residents,
    classes,
    units,
    costs: {
      fixedEuros,
      variableEuros: inPersonVariable,
      remoteEuros: totalCost - fixedEuros - inPersonVariable,
      totalEuros: totalCost,
    },
    staffFte,
    monitoring: monitoringFigures({
      classes,
      units,
      thresholds: spec.thresholds,
      totalCostEuros: totalCost,
      residents,
    }),
  };
};

import type {
  ClassResult,
  DecayChoice,
  ScenarioChange,
  ScenarioResult,
  UnitResult,
} from '../../model/index.js';
import { defaultDecay, toWgs84 } from '../../model/index.js';
import {
  binaryDecay,
  type DecayWeight,
  floatingCatchmentOfWeights,
  gaussianDecay,
  type PlanarPoint,
  sharesWithin,
  stepDecay,
  summariseTimes,
  type TravelTimeSource,
} from '../access/index.js';
import { assignCapacitated } from '../capacity/index.js';
import { type AppliedScenario, applyChanges, type ScenarioUnit } from './apply.js';
import { type ClassDemand, cellDemand, type NetworkData } from './context-data.js';
import { type CostConfig, costsOf } from './costs.js';

export interface ScenarioSpec {
  id?: string | null;
  version?: number | null;
  name: string;
  changes: readonly ScenarioChange[];
  thresholds: readonly number[];
  decay?: DecayChoice | undefined;
}

/** What one service class's evaluation leaves for the units, the map and the summary. */
interface ClassOutcome {
  result: ClassResult;
  /** Codes of the units that offer the class in person, in the order used below. */
  members: string[];
  /** Each cell's nearest member (index into members; -1 none) and its travel time. */
  nearest: Int32Array;
  minutes: Float64Array;
  load: Float64Array;
  overflow: Float64Array;
  unserved: Float64Array;
}

interface Reach {
  nearest: Int32Array;
  minutes: Float64Array;
  summary: ReturnType<typeof summariseTimes>;
  shareAll: (number | null)[];
  shareOld: (number | null)[];
  shareYoung: (number | null)[];
}

const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
};

const locationKey = (p: PlanarPoint) => `${p.x.toFixed(1)}:${p.y.toFixed(1)}`;

/** The E2SFCA weights of a decay choice; stepwise takes Luo & Qi's weights over the catchment's thirds. */
export const decayWeight = (decay: DecayChoice): DecayWeight => {
  const edge = decay.catchmentMinutes;
  if (decay.kind === 'binary') return binaryDecay(edge);
  if (decay.kind === 'stepwise')
    return stepDecay([
      { upTo: edge / 3, weight: 1 },
      { upTo: (2 * edge) / 3, weight: 0.68 },
      { upTo: edge, weight: 0.22 },
    ]);
  return gaussianDecay(edge);
};

const decayKey = (decay: DecayChoice) => `${decay.kind}:${decay.catchmentMinutes}`;

/**
 * Longer trips count as no access: in a county two hours by car is beyond any service's reach, and a
 * cell the road network does not connect (an island without a ferry link) comes back as Infinity.
 */
export const defaultMaxTravelMinutes = 120;

export interface Evaluator {
  readonly data: NetworkData;
  readonly travelTimeSource: ScenarioResult['travelTimeSource'];
  /** Trips longer than this are no access: Infinity in the columns. */
  readonly maxTravelMinutes: number;
  evaluate(spec: ScenarioSpec): Promise<ScenarioResult>;
  /** Per cell: travel time to the nearest open unit of the class under the changes, and that unit. */
  access(
    changes: readonly ScenarioChange[],
    serviceClass: string,
  ): Promise<{ minutes: Float64Array; nearest: (string | null)[] }>;
  /** The travel-time columns (one per point, over the cells), computed once per location. */
  columns(points: readonly PlanarPoint[]): Promise<Float64Array[]>;
}

/**
 * Evaluates scenarios over one network data set (base year, target year, store state). Travel times are
 * computed once per location and kept; a class's outcome is kept per set of units and capacities that
 * serve it, so that after one change only the classes that change touches are worked out again.
 */
export const createEvaluator = (
  data: NetworkData,
  travel: TravelTimeSource,
  costs: CostConfig,
  travelTimeSource: ScenarioResult['travelTimeSource'] = 'straightLine',
  maxTravelMinutes = defaultMaxTravelMinutes,
): Evaluator => {
  const cells = data.cells;
  const cellPoints: PlanarPoint[] = cells.codes.map((_, c) => ({
    x: cells.x[c] as number,
    y: cells.y[c] as number,
  }));
  const columnCache = new Map<string, Float64Array>();
  const baseLocations = new Set(data.units.map(locationKey));
  const maxColumns = data.units.length + 256;
  const outcomeCache = new Map<string, ClassOutcome>();
  const demandCache = new Map<string, Float64Array>();
  // Decay weights depend only on a column's travel times, so each location's are worked out once per decay.
  const decayCaches = new Map<
    string,
    { weight: DecayWeight; byColumn: WeakMap<Float64Array, Float64Array> }
  >();
  const decayOf = (decay: DecayChoice, column: Float64Array) => {
    const key = decayKey(decay);
    let cache = decayCaches.get(key);
    if (!cache) {
      cache = { weight: decayWeight(decay), byColumn: new WeakMap() };
      decayCaches.set(key, cache);
    }
    let weights = cache.byColumn.get(column);
    if (!weights) {
      weights = column.map(cache.weight);
      cache.byColumn.set(column, weights);
    }
    return weights;
  };

  const columns = async (points: readonly PlanarPoint[]) => {
    const missing = [
      ...new Map(
        points.filter((p) => !columnCache.has(locationKey(p))).map((p) => [locationKey(p), p]),
      ).values(),
    ];
    if (missing.length > 0) {
      const times = await travel(cellPoints, missing);
      missing.forEach((point, d) => {
        const column = new Float64Array(cellPoints.length);
        for (let c = 0; c < cellPoints.length; c++) {
          const t = times[c * missing.length + d] as number;
          column[c] = t <= maxTravelMinutes ? t : Number.POSITIVE_INFINITY;
        }
        columnCache.set(locationKey(point), column);
      });
      // Moves and openings add a column each; keep the base network's and the most recent others.
      for (const key of columnCache.keys()) {
        if (columnCache.size <= maxColumns) break;
        if (!baseLocations.has(key)) columnCache.delete(key);
      }
    }
    return points.map((p) => columnCache.get(locationKey(p)) as Float64Array);
  };

  const demandOf = (demand: ClassDemand) => {
    const code = demand.serviceClass.code;
    let cached = demandCache.get(code);
    if (!cached) {
      cached = cellDemand(cells, demand);
      demandCache.set(code, cached);
    }
    return cached;
  };

  const membersOf = (applied: AppliedScenario, code: string) =>
    applied.units.filter(
      (u) => u.open && u.inPerson && u.serviceClasses.includes(code) && (u.capacity[code] ?? 0) >= 0,
    );

  /**
   * Nearest unit, travel time and residents' summaries depend only on where the members are, not on
   * their capacities: kept per set of locations, so a capacity or hours click reuses them.
   */
  const reachCache = new Map<string, Reach>();
  const reachOf = (members: ScenarioUnit[], unitColumns: Float64Array[], thresholds: readonly number[]) => {
    const key = [thresholds.join(','), ...members.map(locationKey)].join('|');
    const cached = reachCache.get(key);
    if (cached) return cached;
    const n = cells.codes.length;
    const nearest = new Int32Array(n).fill(-1);
    const minutes = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    unitColumns.forEach((column, u) => {
      for (let c = 0; c < n; c++) {
        if ((column[c] as number) < (minutes[c] as number)) {
          minutes[c] = column[c] as number;
          nearest[c] = u;
        }
      }
    });
    const reach: Reach = {
      nearest,
      minutes,
      summary: summariseTimes(minutes, cells.total),
      shareAll: sharesWithin(minutes, cells.total, thresholds),
      shareOld: sharesWithin(minutes, cells.aged75, thresholds),
      shareYoung: sharesWithin(minutes, cells.children, thresholds),
    };
    if (reachCache.size > 500) reachCache.clear();
    reachCache.set(key, reach);
    return reach;
  };

  const evaluateClass = async (
    demand: ClassDemand,
    members: ScenarioUnit[],
    shift: number,
    thresholds: readonly number[],
    decay: DecayChoice,
  ): Promise<ClassOutcome> => {
    const code = demand.serviceClass.code;
    const signature = [
      code,
      shift,
      thresholds.join(','),
      decayKey(decay),
      ...members.map((u) => `${u.code}@${locationKey(u)}=${u.capacity[code] ?? 0}`),
    ].join('|');
    const cached = outcomeCache.get(signature);
    if (cached) return cached;

    const unitColumns = await columns(members);
    const capacity = members.map((u) => u.capacity[code] ?? 0);
    const all = demandOf(demand);
    const inPersonFactor = demand.inPersonShare * (1 - shift);
    const inPerson = all.map((d) => d * inPersonFactor);
    const n = cells.codes.length;
    const { nearest, minutes, summary, shareAll, shareOld, shareYoung } = reachOf(
      members,
      unitColumns,
      thresholds,
    );
    const assignment = assignCapacitated(unitColumns, inPerson, capacity);
    const fca = floatingCatchmentOfWeights(
      unitColumns.map((column) => decayOf(decay, column)),
      capacity,
      inPerson,
    );
    // Cells with no unit of the class within the maximum time: their demand cannot be served at all.
    let unreachableDemand = 0;
    let unreachableResidents = 0;
    for (let c = 0; c < n; c++) {
      if ((nearest[c] as number) >= 0) continue;
      unreachableDemand += inPerson[c] as number;
      unreachableResidents += cells.total[c] as number;
    }
    const totalResidents = sum(cells.total);
    let ratioWeighted = 0;
    for (let c = 0; c < n; c++) ratioWeighted += (cells.total[c] as number) * (fca.cellRatio[c] as number);

    const price = costsOf(costs, code);
    const demandTotal = sum(all);
    const inPersonTotal = sum(inPerson);
    const remoteTotal = demandTotal - inPersonTotal;
    const costEuros =
      members.length * price.fixedEurosPerUnit +
      inPersonTotal * price.variableEurosPerVisit +
      remoteTotal * price.variableEurosPerVisit * price.remoteCostFactor;
    const staffFte = (inPersonTotal + remoteTotal * price.remoteCostFactor) / price.visitsPerFte;
    const outcome: ClassOutcome = {
      members: members.map((u) => u.code),
      nearest,
      minutes,
      load: assignment.load,
      overflow: assignment.overflow,
      unserved: assignment.unserved,
      result: {
        serviceClass: code,
        eventKind: demand.serviceClass.eventKind,
        unitCount: members.length,
        meanMinutes: summary.mean,
        medianMinutes: summary.median,
        p90Minutes: summary.p90,
        within: thresholds.map((limit, k) => ({
          minutes: limit,
          all: shareAll[k] ?? null,
          aged75: shareOld[k] ?? null,
          children: shareYoung[k] ?? null,
        })),
        demand: demandTotal,
        inPersonDemand: inPersonTotal,
        shiftedDemand: demandTotal * demand.inPersonShare * shift,
        capacity: sum(capacity),
        served: sum(assignment.load),
        unserved: sum(assignment.unserved) + unreachableDemand,
        unreachableDemand,
        unreachableResidents,
        meanAssignedMinutes: assignment.meanMinutes,
        supplyRatio: members.length > 0 && totalResidents > 0 ? ratioWeighted / totalResidents : null,
        costEuros,
        staffFte,
      },
    };
    // Keep the cache bounded: a planner's session touches a few hundred variants at most.
    if (outcomeCache.size > 2000) outcomeCache.clear();
    outcomeCache.set(signature, outcome);
    return outcome;
  };

  const evaluate = async (spec: ScenarioSpec): Promise<ScenarioResult> => {
    const started = performance.now();
    const decay = spec.decay ?? defaultDecay;
    const applied = applyChanges(data.units, spec.changes, data.classes);
    const outcomes: ClassOutcome[] = [];
    for (const demand of data.classes) {
      const code = demand.serviceClass.code;
      outcomes.push(
        await evaluateClass(
          demand,
          membersOf(applied, code),
          applied.shifted.get(code) ?? 0,
          spec.thresholds,
          decay,
        ),
      );
    }
    const perUnit = new Map<
      string,
      { load: number; overflow: number; unserved: number; fixed: number; variable: number; staff: number }
    >();
    outcomes.forEach((outcome) => {
      const code = outcome.result.serviceClass;
      const price = costsOf(costs, code);
      outcome.members.forEach((unitCode, u) => {
        const entry = perUnit.get(unitCode) ?? {
          load: 0,
          overflow: 0,
          unserved: 0,
          fixed: 0,
          variable: 0,
          staff: 0,
        };
        const load = outcome.load[u] as number;
        entry.load += load;
        entry.overflow += outcome.overflow[u] as number;
        entry.unserved += outcome.unserved[u] as number;
        entry.fixed += price.fixedEurosPerUnit;
        entry.variable += load * price.variableEurosPerVisit;
        entry.staff += load / price.visitsPerFte;
        perUnit.set(unitCode, entry);
      });
    });
    const units: UnitResult[] = applied.units.map((unit) => {
      const entry = perUnit.get(unit.code);
      const capacityTotal = unit.open ? Object.values(unit.capacity).reduce((a, b) => a + b, 0) : 0;
      const load = entry?.load ?? 0;
      return {
        code: unit.code,
        name: unit.name,
        status: unit.status,
        inPerson: unit.inPerson,
        serviceClasses: unit.serviceClasses,
        producerCode: unit.producerCode,
        producerKind: unit.producerKind,
        x: unit.x,
        y: unit.y,
        ...toWgs84(unit.x, unit.y),
        capacity: unit.open ? unit.capacity : {},
        capacityTotal,
        load,
        utilisation: capacityTotal > 0 ? load / capacityTotal : null,
        overflow: entry?.overflow ?? 0,
        unserved: entry?.unserved ?? 0,
        fixedCostEuros: entry?.fixed ?? 0,
        variableCostEuros: entry?.variable ?? 0,
        staffFte: entry?.staff ?? 0,
      };
    });
    const classes = outcomes.map((o) => o.result);
    const totalCost = classes.reduce((a, c) => a + c.costEuros, 0);
    const fixedEuros = units.reduce((a, u) => a + u.fixedCostEuros, 0);
    const inPersonVariable = classes.reduce(
      (a, c) => a + c.inPersonDemand * costsOf(costs, c.serviceClass).variableEurosPerVisit,
      0,
    );
    const staffFte = classes.reduce((a, c) => a + c.staffFte, 0);
    const residents = sum(cells.total);
    return {
      scenarioId: spec.id ?? null,
      version: spec.version ?? null,
      name: spec.name,
      baseYear: data.baseYear,
      targetYear: data.targetYear,
      populationYear: data.populationYear,
      populationSource: data.populationSource,
      populationNote: data.populationNote,
      travelTimeSource,
      maxTravelMinutes,
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
      monitoring: monitoringFigures(classes, units, spec.thresholds, totalCost, residents),
      evaluationMs: performance.now() - started,
    };
  };

  const access = async (changes: readonly ScenarioChange[], serviceClass: string) => {
    const applied = applyChanges(data.units, changes, data.classes);
    const members = membersOf(applied, serviceClass);
    const unitColumns = await columns(members);
    const n = cells.codes.length;
    const minutes = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const nearest: (string | null)[] = new Array(n).fill(null);
    unitColumns.forEach((column, u) => {
      for (let c = 0; c < n; c++) {
        if ((column[c] as number) < (minutes[c] as number)) {
          minutes[c] = column[c] as number;
          nearest[c] = members[u]?.code ?? null;
        }
      }
    });
    return { minutes, nearest };
  };

  return { data, travelTimeSource, maxTravelMinutes, evaluate, access, columns };
};

/** The monitoring-set figures that depend on the network: access to primary care, load, cost per resident. */
const monitoringFigures = (
  classes: ClassResult[],
  units: UnitResult[],
  thresholds: readonly number[],
  totalCost: number,
  residents: number,
): ScenarioResult['monitoring'] => {
  const primary = classes.find((c) => c.serviceClass === 'HC') ?? classes[0];
  const limit = thresholds.includes(20) ? 20 : (thresholds[Math.min(1, thresholds.length - 1)] as number);
  const share = primary?.within.find((w) => w.minutes === limit);
  const open = units.filter((u) => u.status !== 'closed' && u.utilisation !== null);
  const demand = classes.reduce((a, c) => a + c.inPersonDemand, 0);
  const unserved = classes.reduce((a, c) => a + c.unserved, 0);
  return [
    { code: `primaryCareWithin${limit}Min`, value: share?.all ?? null, unit: 'share' },
    { code: `primaryCareWithin${limit}MinAged75`, value: share?.aged75 ?? null, unit: 'share' },
    { code: 'primaryCareMeanMinutes', value: primary?.meanMinutes ?? null, unit: 'minutes' },
    {
      code: 'meanUtilisation',
      value: open.length > 0 ? open.reduce((a, u) => a + (u.utilisation ?? 0), 0) / open.length : null,
      unit: 'share',
    },
    {
      code: 'unitsAtCapacity',
      value: open.filter((u) => (u.utilisation ?? 0) >= 0.995).length,
      unit: 'count',
    },
    { code: 'unservedShare', value: demand > 0 ? unserved / demand : null, unit: 'share' },
    { code: 'costPerResident', value: residents > 0 ? totalCost / residents : null, unit: 'euros' },
  ];
};

import type { ClassResult, DecayChoice } from '../../model/index.js';
import { floatingCatchmentOfWeights } from '../access/index.js';
import { assignCapacitated } from '../capacity/index.js';
import type { ScenarioUnit } from './apply.js';
import type { CellPopulation, ClassDemand } from './context-data.js';
import { type ClassCosts, type CostConfig, costsOf } from './costs.js';
import type { DecayedColumn } from './decay.js';
import type { Reach } from './reach.js';

/** What one service class's evaluation leaves for the units, the map and the summary. */
export interface ClassOutcome {
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

/** One class under a scenario: its demand per cell, the units that offer it and where they reach. */
export interface ClassEvaluation {
  cells: CellPopulation;
  demand: ClassDemand;
  /** All channels' demand per cell. */
  cellDemand: Float64Array;
  members: readonly ScenarioUnit[];
  unitColumns: readonly Float64Array[];
  reach: Reach;
  /** Share of the in-person demand shifted to remote channels. */
  shift: number;
  thresholds: readonly number[];
  decay: DecayChoice;
  decayed: DecayedColumn;
  costs: CostConfig;
}

export const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
};

export const classOutcome = (evaluation: ClassEvaluation): ClassOutcome => {
  const { cells, demand, cellDemand, members, unitColumns, reach, shift, thresholds } = evaluation;
  const code = demand.serviceClass.code;
  const capacity = members.map((u) => u.capacity[code] ?? 0);
  const inPersonFactor = demand.inPersonShare * (1 - shift);
  const inPerson = cellDemand.map((d) => d * inPersonFactor);
  const assignment = assignCapacitated(unitColumns, inPerson, capacity);
  const fca = floatingCatchmentOfWeights(
    unitColumns.map((column) => evaluation.decayed(evaluation.decay, column)),
    capacity,
    inPerson,
  );
  const unreachable = unreachableBy(cells, reach.nearest, inPerson);
  const demandTotal = sum(cellDemand);
  const inPersonTotal = sum(inPerson);
  return {
    members: members.map((u) => u.code),
    nearest: reach.nearest,
    minutes: reach.minutes,
    load: assignment.load,
    overflow: assignment.overflow,
    unserved: assignment.unserved,
    result: {
      serviceClass: code,
      eventKind: demand.serviceClass.eventKind,
      unitCount: members.length,
      meanMinutes: reach.summary.mean,
      medianMinutes: reach.summary.median,
      p90Minutes: reach.summary.p90,
      within: thresholds.map((limit, k) => ({
        minutes: limit,
        all: reach.shareAll[k] ?? null,
        aged75: reach.shareOld[k] ?? null,
        children: reach.shareYoung[k] ?? null,
      })),
      demand: demandTotal,
      inPersonDemand: inPersonTotal,
      shiftedDemand: demandTotal * demand.inPersonShare * shift,
      capacity: sum(capacity),
      served: sum(assignment.load),
      unserved: sum(assignment.unserved) + unreachable.demand,
      unreachableDemand: unreachable.demand,
      unreachableResidents: unreachable.residents,
      meanAssignedMinutes: assignment.meanMinutes,
      supplyRatio: supplyRatio(cells, fca.cellRatio, members.length),
      ...classCost(costsOf(evaluation.costs, code), members.length, {
        all: demandTotal,
        inPerson: inPersonTotal,
      }),
    },
  };
};

/** Cells with no unit of the class within the maximum time: their demand cannot be served at all. */
const unreachableBy = (cells: CellPopulation, nearest: Int32Array, inPerson: Float64Array) => {
  let demand = 0;
  let residents = 0;
  for (let c = 0; c < cells.codes.length; c++) {
    if ((nearest[c] as number) >= 0) continue;
    demand += inPerson[c] as number;
    residents += cells.total[c] as number;
  }
  return { demand, residents };
};

/** The residents' mean E2SFCA supply ratio; none without units or residents. */
const supplyRatio = (cells: CellPopulation, cellRatio: ArrayLike<number>, unitCount: number) => {
  const totalResidents = sum(cells.total);
  let ratioWeighted = 0;
  for (let c = 0; c < cells.codes.length; c++)
    ratioWeighted += (cells.total[c] as number) * (cellRatio[c] as number);
  return unitCount > 0 && totalResidents > 0 ? ratioWeighted / totalResidents : null;
};

/** Fixed costs per unit, variable per visit (remote visits at their factor), and the staff they take. */
const classCost = (price: ClassCosts, unitCount: number, demand: { all: number; inPerson: number }) => {
  const inPersonTotal = demand.inPerson;
  const remoteTotal = demand.all - inPersonTotal;
  const costEuros =
    unitCount * price.fixedEurosPerUnit +
    inPersonTotal * price.variableEurosPerVisit +
    remoteTotal * price.variableEurosPerVisit * price.remoteCostFactor;
  const staffFte = (inPersonTotal + remoteTotal * price.remoteCostFactor) / price.visitsPerFte;
  return { costEuros, staffFte };
};

import { toWgs84, type UnitResult } from '../../model/index.js';
import type { ScenarioUnit } from './apply.js';
import type { ClassOutcome } from './class-outcome.js';
import { type CostConfig, costsOf } from './costs.js';

/** One unit's load and costs summed over the classes it serves. */
interface UnitTotals {
  load: number;
  overflow: number;
  unserved: number;
  fixed: number;
  variable: number;
  staff: number;
}

/** Each unit of the scenario with its load, utilisation, costs and staff over all its classes. */
export const unitResults = (
  units: readonly ScenarioUnit[],
  outcomes: readonly ClassOutcome[],
  costs: CostConfig,
): UnitResult[] => {
  const perUnit = totalsByUnit(outcomes, costs);
  return units.map((unit) => {
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
};

const totalsByUnit = (outcomes: readonly ClassOutcome[], costs: CostConfig): Map<string, UnitTotals> => {
  const perUnit = new Map<string, UnitTotals>();
  for (const outcome of outcomes) {
    const price = costsOf(costs, outcome.result.serviceClass);
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
  }
  return perUnit;
};

import type { ScenarioActions, ScenarioChange } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { type ClassAccess, scenarioActions } from './actions.js';
import type { Evaluator } from './evaluate.js';

/** Municipality names by code, in Finnish and (where the municipality has one) Swedish. */
export const municipalityNames = async (
  store: Store,
): Promise<Map<string, { fi: string; sv: string | null }>> => {
  const rows = await store.all<{ code: string; fi: string; sv: string | null }>(
    `SELECT code, any_value(name_fi) AS fi, any_value(name_sv) AS sv
     FROM areas WHERE level = 'municipality' GROUP BY code`,
  );
  return new Map(rows.map((r) => [r.code, { fi: r.fi, sv: r.sv }]));
};

/** The service classes the changes touch: those of the units changed and of the channels shifted. */
const touchedClasses = (evaluator: Evaluator, changes: readonly ScenarioChange[]): string[] => {
  const units = new Map(evaluator.data.units.map((u) => [u.code, u]));
  const codes = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'shiftChannel') codes.add(change.serviceClass);
    else if (change.kind === 'open') for (const code of change.serviceClasses) codes.add(code);
    else for (const code of units.get(change.unitCode)?.serviceClasses ?? []) codes.add(code);
  }
  const known = new Set(evaluator.data.classes.map((c) => c.serviceClass.code));
  return [...codes].filter((code) => known.has(code));
};

/** Works out the access and unit results a scenario's action list needs, and builds the list. */
export const actionsOf = async (
  evaluator: Evaluator,
  input: {
    changes: readonly ScenarioChange[];
    limitMinutes: number;
    municipalities: ReadonlyMap<string, string>;
    municipalityNames: ReadonlyMap<string, { fi: string; sv: string | null }>;
    unsuppressed: boolean;
  },
): Promise<ScenarioActions> => {
  const classes = touchedClasses(evaluator, input.changes);
  const before = new Map<string, ClassAccess>();
  const after = new Map<string, ClassAccess>();
  for (const code of classes) {
    before.set(code, await evaluator.access([], code));
    after.set(code, await evaluator.access(input.changes, code));
  }
  const thresholds = [input.limitMinutes];
  const base = await evaluator.evaluate({ name: 'base', changes: [], thresholds });
  const changed = await evaluator.evaluate({ name: 'scenario', changes: input.changes, thresholds });
  const demand = (result: typeof base) =>
    new Map(result.classes.map((c) => [c.serviceClass, c.inPersonDemand]));
  return scenarioActions({
    changes: input.changes,
    cells: evaluator.data.cells,
    before,
    after,
    unitsBefore: base.units,
    unitsAfter: changed.units,
    demandBefore: demand(base),
    demandAfter: demand(changed),
    municipalities: input.municipalities,
    municipalityNames: input.municipalityNames,
    limitMinutes: input.limitMinutes,
    maxTravelMinutes: evaluator.maxTravelMinutes,
    unsuppressed: input.unsuppressed,
  });
};

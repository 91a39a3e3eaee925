import type { ScenarioInput } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { type CostConfig, loadCostConfig } from './costs.js';
import { createEvaluator, type Evaluator } from './evaluate.js';
import { loadNetworkData } from './load.js';
import { scenarioTravel } from './travel.js';

export interface Years {
  baseYear: number;
  targetYear: number;
}

/** Base year defaults to the latest year with grid-cell population; the target year to the base year. */
export const resolveYears = async (
  store: Store,
  years: { baseYear?: number | undefined; targetYear?: number | undefined },
): Promise<Years> => {
  let baseYear = years.baseYear;
  if (baseYear === undefined) {
    const [row] = await store.all<{ year: number | null }>(
      `SELECT coalesce((SELECT max(year) FROM population WHERE area_level = 'gridCell'), (SELECT max(year) FROM population)) AS year`,
    );
    baseYear = row?.year ?? new Date().getUTCFullYear();
  }
  return { baseYear, targetYear: years.targetYear ?? baseYear };
};

export const resolveInput = async (store: Store, input: ScenarioInput) => ({
  ...input,
  ...(await resolveYears(store, input)),
});

const evaluators = new WeakMap<Store, Map<string, Promise<Evaluator>>>();
let costConfig: CostConfig | undefined;

/**
 * The evaluator for a base and target year over the store as it is now: built once (population, rates,
 * units, the cells × units travel times) and reused until an import or a new road network changes what
 * it was built from.
 */
export const evaluatorFor = async (store: Store, years: Years): Promise<Evaluator> => {
  const [state] = await store.all<{ imports: number }>(
    `SELECT coalesce(max(import_id), 0) AS imports FROM imports`,
  );
  const travel = await scenarioTravel(store);
  const key = `${years.baseYear};${years.targetYear};${state?.imports ?? 0};${travel.version}`;
  let byKey = evaluators.get(store);
  if (!byKey) {
    byKey = new Map();
    evaluators.set(store, byKey);
  }
  let evaluator = byKey.get(key);
  if (!evaluator) {
    costConfig ??= loadCostConfig();
    const costs = costConfig;
    evaluator = loadNetworkData(store, years).then(async (data) => {
      const built = createEvaluator(data, travel.source, costs, { travelTimeSource: travel.kind });
      // The base network's travel times, all at once: a click later needs at most one new column.
      await built.columns(data.units.filter((u) => u.inPerson));
      return built;
    });
    byKey.set(key, evaluator);
    evaluator.catch(() => byKey.delete(key));
    while (byKey.size > 4) byKey.delete(byKey.keys().next().value as string);
  }
  return evaluator;
};

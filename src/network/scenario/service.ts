import {
  type NetworkVariant,
  type RoadNetworkRef,
  type ScenarioInput,
  TransitChoice,
  type TravelMode,
  variantKey,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { chooseRoadNetwork } from '../roads/load.js';
import { type CostConfig, loadCostConfig } from './costs.js';
import { createEvaluator, defaultMaxTravelMinutes, type Evaluator } from './evaluate.js';
import { loadNetworkData } from './load.js';
import { transitTravel } from './transit-travel.js';
import { type ScenarioTravel, scenarioTravel } from './travel.js';
import { variantTravel } from './variant-travel.js';

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

/** A scenario input with its years and road network (the one named, else the active one) settled. */
export type ResolvedInput = Omit<ScenarioInput, 'roadNetwork'> &
  Years & {
    roadNetwork: RoadNetworkRef | null;
  };

export const resolveInput = async (store: Store, input: ScenarioInput): Promise<ResolvedInput> => ({
  ...input,
  ...(await resolveYears(store, input)),
  roadNetwork: (await chooseRoadNetwork(store, input.roadNetwork)) ?? null,
});

/**
 * What an evaluator is built for: its years, the road network by name or as a scenario records it, and
 * how residents travel (default by car; public transport in the window and percentile chosen), and for
 * car the network variant (season, links out of use; none: summer with nothing closed).
 */
export type EvaluatorSpec = Years & {
  roadNetwork?: string | RoadNetworkRef | null | undefined;
  mode?: TravelMode | undefined;
  transit?: TransitChoice | undefined;
  variant?: NetworkVariant | undefined;
};

/**
 * The travel times of a mode: on the road network for car, walking and cycling; else public transport.
 * A car variant other than summer with nothing closed is computed on its customised hierarchy; the
 * variant does not change the other modes.
 */
export const travelFor = (store: Store, spec: Omit<EvaluatorSpec, keyof Years>): Promise<ScenarioTravel> => {
  const networkName = networkNameOf(spec);
  const mode = spec.mode ?? 'car';
  if (mode === 'car' && spec.variant && variantKey(spec.variant) !== '')
    return variantTravel(store, networkName, spec.variant);
  return mode === 'transit'
    ? transitTravel(store, {
        networkName,
        choice: spec.transit ?? TransitChoice.parse({}),
        maxTripMinutes: defaultMaxTravelMinutes,
      })
    : scenarioTravel(store, networkName, mode);
};

const networkNameOf = (spec: Pick<EvaluatorSpec, 'roadNetwork'>): string | undefined =>
  typeof spec.roadNetwork === 'string' ? spec.roadNetwork : (spec.roadNetwork?.name ?? undefined);

const evaluators = new WeakMap<Store, Map<string, Promise<Evaluator>>>();
let costConfig: CostConfig | undefined;

/**
 * The evaluator for a base and target year over the store as it is now: built once (population, rates,
 * units, the cells × units travel times) and reused until an import or a new road network changes what
 * it was built from.
 */
export const evaluatorFor = async (store: Store, spec: EvaluatorSpec): Promise<Evaluator> => {
  const years = { baseYear: spec.baseYear, targetYear: spec.targetYear };
  const [state] = await store.all<{ imports: number }>(
    `SELECT coalesce(max(import_id), 0) AS imports FROM imports`,
  );
  const travel = await travelFor(store, spec);
  const network = travel.network ? `${travel.network.name}@${travel.network.revision}` : '';
  const key = `${years.baseYear};${years.targetYear};${state?.imports ?? 0};${travel.version};${network}`;
  let byKey = evaluators.get(store);
  if (!byKey) {
    byKey = new Map();
    evaluators.set(store, byKey);
  }
  let evaluator = byKey.get(key);
  if (!evaluator) {
    costConfig ??= loadCostConfig();
    const costs = costConfig;
    // Built once for every request that asks, so no one request's time budget interrupts it.
    evaluator = store.shared(() =>
      loadNetworkData(store, years).then(async (data) => {
        const built = createEvaluator(data, travel.source, costs, { travel });
        // The base network's travel times, all at once: a click later needs at most one new column.
        await built.columns(data.units.filter((u) => u.inPerson));
        return built;
      }),
    );
    byKey.set(key, evaluator);
    evaluator.catch(() => byKey.delete(key));
    // Room for every mode of two year pairs.
    while (byKey.size > 8) byKey.delete(byKey.keys().next().value as string);
  }
  return evaluator;
};

import type { RoadNetworkRef, TravelProfile, TravelUse } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { PlanarPoint, TravelTimeSource } from '../access/index.js';
import { travelTimeMatrix } from '../matrix/cache.js';
import { islandCounts, offNetworkCount, type TravelModel } from '../matrix/compute.js';
import { loadTravel } from '../roads/load.js';

/** What an evaluation says of its travel times: their source, and per result the network and fallbacks. */
export interface TravelLabel {
  kind: 'roadNetwork' | 'straightLine';
  /** The network used and how many of these cells (origins) and units (destinations) were off it. */
  use(cells: readonly PlanarPoint[], units: readonly PlanarPoint[]): TravelUse;
}

export interface ScenarioTravel extends TravelLabel {
  source: TravelTimeSource;
  /** Changes when the road network or its speeds change, so that cached evaluations are dropped. */
  version: string;
  network: RoadNetworkRef | null;
}

/** Straight lines throughout: every origin and destination counted as such. */
export const straightLineLabel = (maxSnapMetres = 0, profile: TravelProfile = 'car'): TravelLabel => ({
  kind: 'straightLine',
  use: (cells, units) => ({
    mode: profile,
    network: null,
    profile,
    origins: cells.length,
    destinations: units.length,
    straightLineOrigins: cells.length,
    straightLineDestinations: units.length,
    ferryOnlyOrigins: 0,
    unreachableOrigins: 0,
    unreachableDestinations: 0,
    maxSnapMetres,
    transit: null,
  }),
});

export const roadLabel = (
  model: TravelModel,
  network: RoadNetworkRef,
  maxSnapMetres: number,
): TravelLabel => {
  if (model.kind !== 'road') return straightLineLabel(maxSnapMetres, model.profile);
  // The cells stay the same for an evaluator's lifetime; only units move.
  const counted = new WeakMap<
    readonly PlanarPoint[],
    { straightLine: number; ferryOnly: number; unreachable: number }
  >();
  return {
    kind: 'roadNetwork',
    use: (cells, units) => {
      let origins = counted.get(cells);
      if (origins === undefined) {
        origins = { straightLine: offNetworkCount(model, cells), ...islandCounts(model, cells) };
        counted.set(cells, origins);
      }
      return {
        mode: model.profile,
        network,
        profile: model.profile,
        origins: cells.length,
        destinations: units.length,
        straightLineOrigins: origins.straightLine,
        straightLineDestinations: offNetworkCount(model, units),
        ferryOnlyOrigins: origins.ferryOnly,
        unreachableOrigins: origins.unreachable,
        unreachableDestinations: islandCounts(model, units).unreachable,
        maxSnapMetres,
        transit: null,
      };
    },
  };
};

/**
 * Travel times on the road network for a profile (car, walking, cycling) over the named road network,
 * else the active one, or straight-line × detour factor at the profile's speed where the store has none.
 */
export const scenarioTravel = async (
  store: Store,
  networkName?: string,
  profile: TravelProfile = 'car',
): Promise<ScenarioTravel> => {
  const { model, network, maxSnapMetres } = await loadTravel(store, { profile, network: networkName });
  const label = network
    ? roadLabel(model, network, maxSnapMetres)
    : straightLineLabel(maxSnapMetres, profile);
  return {
    ...label,
    network,
    version: model.version,
    source: async (origins, destinations) =>
      Float64Array.from((await travelTimeMatrix(model, origins, destinations)).minutes),
  };
};

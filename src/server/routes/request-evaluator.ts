import type { NetworkVariant, RoadNetworkRef, TransitChoice, TravelMode } from '../../model/index.js';
import { activeRoadNetwork, evaluatorFor, resolveYears } from '../../network/index.js';
import type { CountyQueries } from '../../state/index.js';
import type { Store } from '../../store/index.js';

/**
 * The evaluator a network request asks for: its years, its road network (by default the county's active
 * one), and its mode and variant (season, links out of use) where it names them. Every route that
 * computes travel times for a scenario builds its evaluator here, so that each takes the same choices.
 */
export const requestEvaluator = async (
  store: Store,
  state: CountyQueries,
  body: {
    baseYear?: number | undefined;
    targetYear?: number | undefined;
    /** By name, or as a saved scenario records it. */
    roadNetwork?: string | RoadNetworkRef | undefined;
    mode?: TravelMode | undefined;
    transit?: TransitChoice | undefined;
    variant?: NetworkVariant | undefined;
  },
) =>
  evaluatorFor(store, {
    ...(await resolveYears(store, body)),
    roadNetwork: body.roadNetwork ?? (await activeRoadNetwork(store, state))?.name,
    mode: body.mode,
    transit: body.transit,
    variant: body.variant,
  });

import type { NetworkVariant, TransitChoice, TravelMode } from '../../model/index.js';
import { activeRoadNetwork, evaluatorFor, resolveYears } from '../../network/index.js';
import type { CountyQueries } from '../../state/index.js';
import type { Store } from '../../store/index.js';

/**
 * The evaluator a network request asks for: its years, its road network (by default the county's active
 * one), and its mode and variant where it names them.
 */
export const requestEvaluator = async (
  store: Store,
  state: CountyQueries,
  body: {
    baseYear?: number | undefined;
    targetYear?: number | undefined;
    roadNetwork?: string | undefined;
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

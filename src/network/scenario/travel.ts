import type { Store } from '../../store/index.js';
import type { TravelTimeSource } from '../access/index.js';
import { travelTimeMatrix } from '../matrix/cache.js';
import { loadTravelModel } from '../roads/load.js';

export interface ScenarioTravel {
  source: TravelTimeSource;
  kind: 'roadNetwork' | 'straightLine';
  /** Changes when the road network or its speeds change, so that cached evaluations are dropped. */
  version: string;
}

/** Car travel times over the store's road network, or straight-line × detour factor where it has none. */
export const scenarioTravel = async (store: Store): Promise<ScenarioTravel> => {
  const model = await loadTravelModel(store, { profile: 'car' });
  return {
    kind: model.kind === 'road' ? 'roadNetwork' : 'straightLine',
    version: model.version,
    source: async (origins, destinations) =>
      Float64Array.from((await travelTimeMatrix(model, origins, destinations)).minutes),
  };
};

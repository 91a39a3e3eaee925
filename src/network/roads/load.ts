import { type RoadSpeeds, SoteatlasError, type TravelProfile } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildRoadGraph, type RoadGraph } from '../graph/road-graph.js';
import type { TravelModel } from '../matrix/compute.js';
import { rememberHierarchy } from '../matrix/pool.js';
import { straightLineModel } from '../matrix/straight-line.js';
import { readHierarchy } from './hierarchy-store.js';
import { listRoadNetworks, readRoadNetwork } from './road-store.js';
import { loadRoadSpeeds } from './speeds.js';

export interface LoadOptions {
  profile?: TravelProfile;
  /** Which stored network; default the most recently imported. */
  network?: string;
  speeds?: RoadSpeeds;
}

/** Built graphs by store, network version and profile: reading and building a big network takes seconds. */
const graphs = new Map<string, Promise<RoadGraph>>();

/**
 * The stored road network as a routable graph for a profile, or undefined when the store has none.
 * A contraction hierarchy stored for the graph's version is made known to the matrix workers.
 */
export const loadRoadGraph = async (
  store: Store,
  options: LoadOptions = {},
): Promise<RoadGraph | undefined> => {
  const profile = options.profile ?? 'car';
  const networks = await listRoadNetworks(store);
  const chosen = options.network ? networks.find((n) => n.name === options.network) : networks[0];
  if (!chosen) {
    if (options.network)
      throw new SoteatlasError('notFound', `no road network named "${options.network}" in the store`, {
        details: { network: options.network },
      });
    return undefined;
  }
  const speeds = options.speeds ?? loadRoadSpeeds();
  const key = `${store.path};${chosen.name};${chosen.version};${profile};${JSON.stringify(speeds)}`;
  let graph = graphs.get(key);
  if (!graph) {
    graph = readRoadNetwork(store, chosen.name).then(async (network) => {
      const built = buildRoadGraph(network, speeds, profile);
      const hierarchy = await readHierarchy(store, built.version);
      if (hierarchy) rememberHierarchy(built.version, hierarchy);
      return built;
    });
    graphs.set(key, graph);
    graph.catch(() => graphs.delete(key));
    while (graphs.size > 4) graphs.delete(graphs.keys().next().value as string);
  }
  return graph;
};

/** The road graph when the store holds a network, otherwise the straight-line × detour-factor model. */
export const loadTravelModel = async (store: Store, options: LoadOptions = {}): Promise<TravelModel> => {
  const graph = await loadRoadGraph(store, options);
  return graph ?? straightLineModel(options.speeds ?? loadRoadSpeeds(), options.profile ?? 'car');
};

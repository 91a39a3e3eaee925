import type { RoadNetworkRef, RoadSpeeds, TravelProfile } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildRoadGraph, type RoadGraph } from '../graph/road-graph.js';
import type { TravelModel } from '../matrix/compute.js';
import { rememberHierarchy } from '../matrix/pool.js';
import { straightLineModel } from '../matrix/straight-line.js';
import { readHierarchy } from './hierarchy-store.js';
import { listRoadNetworks, readRoadNetwork, unknownRoadNetwork } from './road-store.js';
import { loadRoadSpeeds } from './speeds.js';

export interface LoadOptions {
  profile?: TravelProfile;
  /** Which stored network; default the active one. */
  network?: string | undefined;
  speeds?: RoadSpeeds;
}

/** Built graphs by store, network version and profile: reading and building a big network takes seconds. */
const graphs = new Map<string, Promise<RoadGraph>>();

/** The network asked for by name, or the active one; undefined when none is asked for and none is active. */
export const chooseRoadNetwork = async (
  store: Store,
  name: string | undefined,
): Promise<RoadNetworkRef | undefined> => {
  const networks = await listRoadNetworks(store);
  const chosen = name === undefined ? networks.find((n) => n.active) : networks.find((n) => n.name === name);
  if (!chosen && name !== undefined)
    throw unknownRoadNetwork(
      name,
      networks.map((n) => n.name),
    );
  return chosen && { name: chosen.name, revision: chosen.revision, version: chosen.version };
};

const graphOf = (
  store: Store,
  chosen: RoadNetworkRef,
  { speeds, profile }: { speeds: RoadSpeeds; profile: TravelProfile },
) => {
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

/**
 * The stored road network (the one named, else the active one) as a routable graph for a profile, or
 * undefined when none is named and none is active. A contraction hierarchy stored for the graph's
 * version is made known to the matrix workers.
 */
export const loadRoadGraph = async (
  store: Store,
  options: LoadOptions = {},
): Promise<RoadGraph | undefined> => {
  const chosen = await chooseRoadNetwork(store, options.network);
  return (
    chosen &&
    graphOf(store, chosen, {
      speeds: options.speeds ?? loadRoadSpeeds(),
      profile: options.profile ?? 'car',
    })
  );
};

/**
 * The travel model with the network it comes from: the road graph of the named or active network,
 * otherwise the straight-line × detour-factor model (network null).
 */
export const loadTravel = async (
  store: Store,
  options: LoadOptions = {},
): Promise<{ model: TravelModel; network: RoadNetworkRef | null; maxSnapMetres: number }> => {
  const speeds = options.speeds ?? loadRoadSpeeds();
  const profile = options.profile ?? 'car';
  const chosen = await chooseRoadNetwork(store, options.network);
  return {
    model: chosen ? await graphOf(store, chosen, { speeds, profile }) : straightLineModel(speeds, profile),
    network: chosen ?? null,
    maxSnapMetres: speeds.maxSnapMetres,
  };
};

/** The road graph of the named or active network, otherwise the straight-line × detour-factor model. */
export const loadTravelModel = async (store: Store, options: LoadOptions = {}): Promise<TravelModel> =>
  (await loadTravel(store, options)).model;

import {
  type NetworkVariant,
  type RoadNetworkRef,
  type RoadSpeeds,
  SoteatlasError,
  variantKey,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { ContractionHierarchy } from '../graph/contraction.js';
import { graphFromArcs, type RoadGraph } from '../graph/road-graph.js';
import { travelTimeMatrix } from '../matrix/cache.js';
import { rememberHierarchy } from '../matrix/pool.js';
import { chooseRoadNetwork } from '../roads/load.js';
import { readRoadNetwork } from '../roads/road-store.js';
import { loadRoadSpeeds } from '../roads/speeds.js';
import {
  type CchTopology,
  cchTopology,
  customise,
  notFerries,
  unknownLinks,
  type VariantGraph,
  variantGraphOf,
  variantSeconds,
} from '../variants/index.js';
import { roadLabel, type ScenarioTravel } from './travel.js';

interface VariantBase {
  graph: VariantGraph;
  /** Node order and shortcuts, once per network: every variant only re-weights them. */
  topology: CchTopology;
}

interface Customised {
  model: RoadGraph;
  hierarchy: ContractionHierarchy;
}

const bases = new Map<string, Promise<VariantBase>>();
const customised = new Map<string, Customised>();

const refused = (message: string, details: Record<string, unknown> = {}) =>
  new SoteatlasError('invalidRequest', message, { details: { variant: true, ...details } });

const baseOf = (store: Store, network: RoadNetworkRef, speeds: RoadSpeeds): Promise<VariantBase> => {
  const key = `${store.path};${network.name};${network.version};${JSON.stringify(speeds)}`;
  let base = bases.get(key);
  if (!base) {
    const ferrySpeedKmh = speeds.car.ferry;
    if (!(ferrySpeedKmh && ferrySpeedKmh > 0))
      throw refused('Network variants need a ferry speed for cars in the road speeds.');
    base = readRoadNetwork(store, network.name).then((stored) => {
      if (!stored.links)
        throw refused(
          `The road network ${network.name} has no link ids: variants need a network of identified links (Digiroad).`,
        );
      const graph = variantGraphOf(stored, { speeds, ferrySpeedKmh });
      return { graph, topology: cchTopology(graph.graph.forward) };
    });
    bases.set(key, base);
    base.catch(() => bases.delete(key));
    while (bases.size > 2) bases.delete(bases.keys().next().value as string);
  }
  return base;
};

/**
 * The variant's car graph: the base graph's nodes with the variant's costs, arcs out of use left out (so
 * that a place cut off by a closure is reported unreachable, never snapped across), and its hierarchy
 * by customisation of the base topology.
 */
const customiseVariant = (base: VariantBase, variant: NetworkVariant, speeds: RoadSpeeds): Customised => {
  const { graph } = base.graph;
  const seconds = variantSeconds(base.graph, variant);
  const tails: number[] = [];
  const heads: number[] = [];
  const costs: number[] = [];
  const ferry: number[] = [];
  const { offsets } = graph.forward;
  for (let v = 0; v < graph.nodeCount; v++) {
    for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
      const cost = seconds[a] as number;
      if (!Number.isFinite(cost)) continue;
      tails.push(v);
      heads.push(graph.forward.heads[a] as number);
      costs.push(cost);
      ferry.push(base.graph.arcFerry[a] as number);
    }
  }
  const model = graphFromArcs({
    profile: 'car',
    x: graph.x,
    y: graph.y,
    tails: Uint32Array.from(tails),
    heads: Uint32Array.from(heads),
    seconds: Float64Array.from(costs),
    ferry: Uint8Array.from(ferry),
    accessSpeedKmh: speeds.accessSpeedKmh.car,
    detourFactor: speeds.detourFactor,
    maxSnapMetres: speeds.maxSnapMetres,
    fallbackSpeedKmh: speeds.fallbackSpeedKmh.car,
  });
  return { model, hierarchy: customise(base.topology, seconds) };
};

/**
 * Car travel times on a variant of the road network (the one named, else the active one): the
 * season's speeds and links out of use, over a customisable contraction hierarchy whose topology is
 * built once per network and re-weighted once per variant. Refused when there is no network of
 * identified links, or the variant names links the network does not hold or ferries that are not.
 */
export const variantTravel = async (
  store: Store,
  networkName: string | undefined,
  variant: NetworkVariant,
  speeds: RoadSpeeds = loadRoadSpeeds(),
): Promise<ScenarioTravel> => {
  const network = await chooseRoadNetwork(store, networkName);
  if (!network) throw refused('A network variant needs a road network; the store has none active.');
  const base = await baseOf(store, network, speeds);
  const unknown = unknownLinks(base.graph, variant);
  if (unknown.length > 0)
    throw refused(`The road network ${network.name} holds no link ${unknown.slice(0, 5).join(', ')}.`, {
      unknownLinks: unknown.slice(0, 100),
    });
  const notFerry = notFerries(base.graph, variant);
  if (notFerry.length > 0)
    throw refused(`Not ferry links: ${notFerry.slice(0, 5).join(', ')}.`, {
      notFerries: notFerry.slice(0, 100),
    });
  const key = `${store.path};${network.name};${network.version};${JSON.stringify(speeds)};${variantKey(variant)}`;
  let built = customised.get(key);
  if (!built) {
    built = customiseVariant(base, variant, speeds);
    customised.set(key, built);
    while (customised.size > 4) customised.delete(customised.keys().next().value as string);
  }
  const { model, hierarchy } = built;
  return {
    ...roadLabel(model, network, speeds.maxSnapMetres),
    network,
    version: model.version,
    source: async (origins, destinations) => {
      // Known again at each use: the matrix workers keep only a few hierarchies.
      rememberHierarchy(model.version, hierarchy);
      return Float64Array.from((await travelTimeMatrix(model, origins, destinations)).minutes);
    },
  };
};

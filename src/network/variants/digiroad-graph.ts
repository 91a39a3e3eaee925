import type { DigiroadLink } from '../../importers/index.js';
import type { NetworkVariant, RoadSpeeds } from '../../model/index.js';
import { toAdjacency } from '../graph/csr.js';
import { graphFromArcs, type RoadGraph } from '../graph/road-graph.js';
import type { RoadNetwork } from '../graph/road-network.js';
import { digiroadNetwork } from '../roads/digiroad.js';

/**
 * A routable graph from Digiroad links, and every arc's costs for each season, so that a variant is a
 * new array of weights over the same arcs (see cch.ts). Links meet where their end points coincide to
 * the centimetre, which is how Digiroad draws its junctions (roads/digiroad.ts); a link's length follows
 * all its vertices.
 */
export interface VariantGraph {
  /** The summer network without closures: the base every variant re-weights. */
  readonly graph: RoadGraph;
  /** Per arc of graph.forward: seconds in summer and in winter, and the index of its link. */
  readonly summerSeconds: Float64Array;
  readonly winterSeconds: Float64Array;
  readonly arcLink: Uint32Array;
  /** 1 for arcs on a ferry link. */
  readonly arcFerry: Uint8Array;
  /** Each distinct link id once; arcLink indexes it. */
  readonly linkIds: readonly string[];
}

export interface VariantGraphOptions {
  speeds: RoadSpeeds;
  /**
   * Speed for a ferry crossing whose time the file does not give, km/h. Stated by whoever builds the
   * graph (the county's configuration), never assumed here.
   */
  ferrySpeedKmh: number;
}

/**
 * The car graph of a network of identified links (Digiroad's, as imported or as stored): class speed
 * unless the link's limit is lower, ferries at their crossing time or at their limit, else at
 * `ferrySpeedKmh`. Edges without an identified link cannot be closed by id, so such a network is refused.
 */
export const variantGraphOf = (network: RoadNetwork, options: VariantGraphOptions): VariantGraph => {
  const links = network.links;
  if (!links)
    throw new Error('the road network has no link ids: variants need a network of identified links');
  const linkIndex = new Map<string, number>();
  const linkIds: string[] = [];
  const tails: number[] = [];
  const heads: number[] = [];
  const summer: number[] = [];
  const winter: number[] = [];
  const linkOf: number[] = [];
  const ferry: number[] = [];
  for (let e = 0; e < network.edgeFrom.length; e++) {
    const id = links.id[e] as string;
    let index = linkIndex.get(id);
    if (index === undefined) {
      index = linkIds.push(id) - 1;
      linkIndex.set(id, index);
    }
    const isFerry = network.classNames[network.edgeClass[e] as number] === 'ferry';
    const roadClass = network.classNames[network.edgeClass[e] as number] as string;
    const classSpeed = isFerry ? options.ferrySpeedKmh : (options.speeds.car[roadClass] ?? 0);
    const speedKmh = network.edgeMaxSpeedKmh[e] as number;
    const limit = speedKmh > 0 && (isFerry || speedKmh < classSpeed) ? speedKmh : classSpeed;
    if (!(limit > 0)) continue;
    const winterKmh = links.winterSpeedKmh[e] as number;
    const winterLimit = winterKmh > 0 && winterKmh < limit ? winterKmh : limit;
    const metres = network.edgeLengthMetres[e] as number;
    const crossing = isFerry ? (links.crossingSeconds[e] as number) : 0;
    const summerCost = crossing > 0 ? crossing : (metres / 1000 / limit) * 3600;
    const winterCost = crossing > 0 ? crossing : (metres / 1000 / winterLimit) * 3600;
    const add = (a: number, b: number) => {
      tails.push(a);
      heads.push(b);
      summer.push(summerCost);
      winter.push(winterCost);
      linkOf.push(index);
      ferry.push(isFerry ? 1 : 0);
    };
    const from = network.edgeFrom[e] as number;
    const to = network.edgeTo[e] as number;
    const oneway = network.edgeOneway[e] as number;
    if (oneway >= 0) add(from, to);
    if (oneway <= 0) add(to, from);
  }
  const nodeCount = network.nodeX.length;
  const tailArray = Uint32Array.from(tails);
  const headArray = Uint32Array.from(heads);
  // The same stable sort graphFromArcs applies, carrying each arc's index, aligns the arrays with its arcs.
  const order = toAdjacency(nodeCount, {
    tails: tailArray,
    heads: headArray,
    seconds: Float64Array.from(tails, (_, i) => i),
  }).seconds;
  const aligned = (values: number[]) => Float64Array.from(order, (i) => values[i] as number);
  const graph = graphFromArcs({
    profile: 'car',
    x: network.nodeX,
    y: network.nodeY,
    tails: tailArray,
    heads: headArray,
    seconds: Float64Array.from(summer),
    ferry: Uint8Array.from(ferry),
    accessSpeedKmh: options.speeds.accessSpeedKmh.car,
    detourFactor: options.speeds.detourFactor,
    maxSnapMetres: options.speeds.maxSnapMetres,
    fallbackSpeedKmh: options.speeds.fallbackSpeedKmh.car,
  });
  return {
    graph,
    summerSeconds: aligned(summer),
    winterSeconds: aligned(winter),
    arcLink: Uint32Array.from(order, (i) => linkOf[i] as number),
    arcFerry: Uint8Array.from(order, (i) => ferry[i] as number),
    linkIds,
  };
};

/** The variant graph of Digiroad links as read from a file (see variantGraphOf). */
export const digiroadGraph = (links: readonly DigiroadLink[], options: VariantGraphOptions): VariantGraph =>
  variantGraphOf(digiroadNetwork(links), options);

/** The arc costs of a variant: the season's, with every arc of a closed link or ferry out at Infinity. */
export const variantSeconds = (graph: VariantGraph, variant: NetworkVariant): Float64Array => {
  const seconds = (variant.season === 'winter' ? graph.winterSeconds : graph.summerSeconds).slice();
  const closed = new Set([...variant.closedLinks, ...variant.ferriesOut]);
  if (closed.size === 0) return seconds;
  const closedIndex = new Uint8Array(graph.linkIds.length);
  graph.linkIds.forEach((id, i) => {
    if (closed.has(id)) closedIndex[i] = 1;
  });
  for (let a = 0; a < seconds.length; a++) {
    if (closedIndex[graph.arcLink[a] as number] === 1) seconds[a] = Number.POSITIVE_INFINITY;
  }
  return seconds;
};

/** Link ids a variant names that the network does not hold (a typo, or another network's ids). */
export const unknownLinks = (graph: VariantGraph, variant: NetworkVariant): string[] => {
  const known = new Set(graph.linkIds);
  return [...variant.closedLinks, ...variant.ferriesOut].filter((id) => !known.has(id));
};

/** Ferries out of service that the network holds but not as ferry links. */
export const notFerries = (graph: VariantGraph, variant: NetworkVariant): string[] => {
  const ferries = new Set<string>();
  graph.arcFerry.forEach((isFerry, a) => {
    if (isFerry === 1) ferries.add(graph.linkIds[graph.arcLink[a] as number] as string);
  });
  const known = new Set(graph.linkIds);
  return variant.ferriesOut.filter((id) => known.has(id) && !ferries.has(id));
};

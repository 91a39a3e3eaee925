import type { DigiroadLink } from '../../importers/index.js';
import type { NetworkVariant, RoadSpeeds } from '../../model/index.js';
import { toAdjacency } from '../graph/csr.js';
import { graphFromArcs, type RoadGraph } from '../graph/road-graph.js';

/**
 * A routable graph from Digiroad links, and every arc's costs for each season, so that a variant is a
 * new array of weights over the same arcs (see cch.ts). Links meet where their end points coincide to
 * the centimetre, which is how Digiroad draws its junctions; a link's length follows all its vertices.
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

const lengthOf = (lines: readonly Float64Array[]): number => {
  let metres = 0;
  for (const xy of lines) {
    for (let i = 2; i < xy.length; i += 2) {
      metres += Math.hypot(
        (xy[i] as number) - (xy[i - 2] as number),
        (xy[i + 1] as number) - (xy[i - 1] as number),
      );
    }
  }
  return metres;
};

/** Car graph of the links: class speed unless the link's limit is lower, ferries at their crossing time. */
export const digiroadGraph = (links: readonly DigiroadLink[], options: VariantGraphOptions): VariantGraph => {
  const nodeIds = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const nodeAt = (x: number, y: number): number => {
    const key = `${Math.round(x * 100)},${Math.round(y * 100)}`;
    let id = nodeIds.get(key);
    if (id === undefined) {
      id = xs.length;
      nodeIds.set(key, id);
      xs.push(x);
      ys.push(y);
    }
    return id;
  };
  const tails: number[] = [];
  const heads: number[] = [];
  const summer: number[] = [];
  const winter: number[] = [];
  const linkOf: number[] = [];
  const ferry: number[] = [];
  links.forEach((link, index) => {
    const classSpeed = link.ferry ? options.ferrySpeedKmh : (options.speeds.car[link.roadClass] ?? 0);
    const limit =
      link.speedKmh > 0 && (link.ferry || link.speedKmh < classSpeed) ? link.speedKmh : classSpeed;
    if (!(limit > 0)) return;
    const winterLimit = link.winterSpeedKmh > 0 && link.winterSpeedKmh < limit ? link.winterSpeedKmh : limit;
    for (const xy of link.lines) {
      const from = nodeAt(xy[0] as number, xy[1] as number);
      const to = nodeAt(xy[xy.length - 2] as number, xy[xy.length - 1] as number);
      if (from === to) continue;
      const metres = lengthOf([xy]);
      const crossing = link.ferry && link.crossingSeconds > 0 ? link.crossingSeconds : 0;
      const summerCost = crossing > 0 ? crossing : (metres / 1000 / limit) * 3600;
      const winterCost = crossing > 0 ? crossing : (metres / 1000 / winterLimit) * 3600;
      const add = (a: number, b: number) => {
        tails.push(a);
        heads.push(b);
        summer.push(summerCost);
        winter.push(winterCost);
        linkOf.push(index);
        ferry.push(link.ferry ? 1 : 0);
      };
      if (link.oneway >= 0) add(from, to);
      if (link.oneway <= 0) add(to, from);
    }
  });
  const nodeCount = xs.length;
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
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
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
    linkIds: links.map((link) => link.linkId),
  };
};

/** The arc costs of a variant: the season's, with every arc of a closed link at Infinity. */
export const variantSeconds = (graph: VariantGraph, variant: NetworkVariant): Float64Array => {
  const seconds = (variant.season === 'winter' ? graph.winterSeconds : graph.summerSeconds).slice();
  if (variant.closedLinks.length === 0) return seconds;
  const closed = new Set(variant.closedLinks);
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
  return variant.closedLinks.filter((id) => !known.has(id));
};

import type { TravelPoint } from '../../model/index.js';
import { ShortestPathSearch } from '../graph/dijkstra.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { snapToGraph } from '../matrix/snap.js';
import type { WalkLinks } from './raptor.js';

/** Walks on the street network (a walking graph): to stops from origins, from stops to destinations, between stops. */
export interface StreetWalks {
  /** Walks from each origin to stops, by origin, stops in increasing order. */
  access: WalkLinks;
  /** Seconds on foot from each origin straight to each destination (origin × destination), -1 beyond the limit. */
  direct: Int32Array;
  egress: WalkLinks;
  transfers: WalkLinks;
}

const toLinks = (lists: [number, number][][]): WalkLinks => {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, i) => {
    offsets[i + 1] = (offsets[i] as number) + l.length;
  });
  const total = offsets[lists.length] as number;
  const targets = new Uint32Array(total);
  const seconds = new Int32Array(total);
  let at = 0;
  for (const l of lists)
    for (const [target, s] of l) {
      targets[at] = target;
      seconds[at++] = s;
    }
  return { offsets, targets, seconds };
};

/**
 * Walking times over the graph, each point joined to its nearest node by a straight line at the graph's
 * access speed (as car trips are); the walk straight to a destination counts too where it is quicker,
 * as in walking-only times. Walks longer than the limits are left out: a stop farther than
 * `maxAccessSeconds` from an origin is not walked to, and a destination farther than that is reached
 * only by public transport.
 *
 * One search backwards from each stop and each destination finds every origin near it: there are far
 * fewer stops and destinations than origins (grid cells), and most cells have no stop in walking reach.
 */
export const streetWalks = (
  graph: RoadGraph,
  input: {
    stops: { x: Float64Array; y: Float64Array };
    origins: readonly TravelPoint[];
    destinations: readonly TravelPoint[];
    maxAccessSeconds: number;
    maxTransferSeconds: number;
  },
): StreetWalks => {
  const accessMetresPerSecond = graph.accessSpeedKmh / 3.6;
  const stopPoints = Array.from(input.stops.x, (x, i) => ({ x, y: input.stops.y[i] as number }));
  const stops = snapToGraph(graph, stopPoints);
  const origins = snapToGraph(graph, input.origins);
  const destinations = snapToGraph(graph, input.destinations);
  const search = new ShortestPathSearch(graph.nodeCount);
  const distance = search.distance;
  const stopCount = stopPoints.length;
  const originCount = input.origins.length;
  const destinationCount = input.destinations.length;
  const limit = input.maxAccessSeconds;
  const within = (limit: number, from: Float64Array, at: number, d: number, to: Float64Array, j: number) => {
    if (d > limit) return -1;
    const total = (from[at] as number) + d + (to[j] as number);
    return total <= limit ? Math.round(total) : -1;
  };
  // The origins within walking reach of the network, grouped by the node each is joined to.
  const nodeFirst = new Int32Array(graph.nodeCount).fill(-1);
  const nextOrigin = new Int32Array(originCount).fill(-1);
  const originNodes: number[] = [];
  for (let o = originCount - 1; o >= 0; o--) {
    if ((origins.accessSeconds[o] as number) > limit) continue;
    const node = origins.node[o] as number;
    if (nodeFirst[node] === -1) originNodes.push(node);
    nextOrigin[o] = nodeFirst[node] as number;
    nodeFirst[node] = o;
  }
  /** Calls `visit(o, seconds)` for each origin walking to `to[j]` within the limit, after a backward search to it. */
  const nearOrigins = (to: Float64Array, j: number, visit: (o: number, seconds: number) => void) => {
    for (const node of originNodes) {
      const d = distance[node] as number;
      if (d > limit) continue;
      for (let o = nodeFirst[node] as number; o >= 0; o = nextOrigin[o] as number) {
        const w = within(limit, origins.accessSeconds, o, d, to, j);
        if (w >= 0) visit(o, w);
      }
    }
  };
  // Origin to stops: collected stop by stop, so each origin's stops come out in increasing order.
  const accessCount = new Uint32Array(originCount + 1);
  const reachedOrigin: number[] = [];
  const reachedStop: number[] = [];
  const reachedSeconds: number[] = [];
  for (let s = 0; s < stopCount; s++) {
    search.run(graph.backward, stops.node[s] as number, undefined, limit);
    nearOrigins(stops.accessSeconds, s, (o, w) => {
      reachedOrigin.push(o);
      reachedStop.push(s);
      reachedSeconds.push(w);
      accessCount[o + 1] = (accessCount[o + 1] as number) + 1;
    });
  }
  for (let o = 0; o < originCount; o++)
    accessCount[o + 1] = (accessCount[o + 1] as number) + (accessCount[o] as number);
  const next = accessCount.slice(0, originCount);
  const accessStops = new Uint32Array(reachedOrigin.length);
  const accessSeconds = new Int32Array(reachedOrigin.length);
  reachedOrigin.forEach((o, i) => {
    const slot = next[o] as number;
    next[o] = slot + 1;
    accessStops[slot] = reachedStop[i] as number;
    accessSeconds[slot] = reachedSeconds[i] as number;
  });
  const access: WalkLinks = { offsets: accessCount, targets: accessStops, seconds: accessSeconds };
  // Stops to each destination (egress), and each origin's walk to it on the network.
  const direct = new Int32Array(originCount * destinationCount).fill(-1);
  const egress = input.destinations.map((_, u) => {
    const out: [number, number][] = [];
    search.run(graph.backward, destinations.node[u] as number, undefined, limit);
    for (let s = 0; s < stopCount; s++) {
      const d = distance[stops.node[s] as number] as number;
      const w = within(limit, destinations.accessSeconds, u, d, stops.accessSeconds, s);
      if (w >= 0) out.push([s, w]);
    }
    nearOrigins(destinations.accessSeconds, u, (o, w) => {
      direct[o * destinationCount + u] = w;
    });
    return out;
  });
  // As walking-only times do: a near destination may be walked to straight (× the detour factor)
  // when that is quicker than by way of the network.
  input.origins.forEach((origin, o) => {
    input.destinations.forEach((destination, u) => {
      const straight = Math.round(
        (Math.hypot(destination.x - origin.x, destination.y - origin.y) * graph.detourFactor) /
          accessMetresPerSecond,
      );
      const walked = direct[o * destinationCount + u] as number;
      if (straight <= limit && (walked < 0 || straight < walked)) direct[o * destinationCount + u] = straight;
    });
  });
  const transfers = stopPoints.map((_, s) => {
    const out: [number, number][] = [];
    const limit = input.maxTransferSeconds;
    search.run(graph.forward, stops.node[s] as number, undefined, limit);
    for (let q = 0; q < stopCount; q++) {
      if (q === s) continue;
      const d = distance[stops.node[q] as number] as number;
      const w = within(limit, stops.accessSeconds, s, d, stops.accessSeconds, q);
      if (w >= 0) out.push([q, w]);
    }
    return out;
  });
  return { access, direct, egress: toLinks(egress), transfers: toLinks(transfers) };
};

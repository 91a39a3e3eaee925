import type { TravelPoint } from '../../model/index.js';
import { ShortestPathSearch } from '../graph/dijkstra.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { snapToGraph } from '../matrix/snap.js';
import type { OriginWalks, WalkLinks } from './raptor.js';

/** Walks on the street network (a walking graph): to stops from origins, from stops to destinations, between stops. */
export interface StreetWalks {
  origins: OriginWalks[];
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
  const within = (
    limit: number,
    from: Float64Array,
    at: number,
    node: number,
    to: Float64Array,
    j: number,
  ) => {
    const d = distance[node] as number;
    if (d > limit) return -1;
    const total = (from[at] as number) + d + (to[j] as number);
    return total <= limit ? Math.round(total) : -1;
  };
  const originWalks = input.origins.map((_, o): OriginWalks => {
    const limit = input.maxAccessSeconds;
    const reached: number[] = [];
    const seconds: number[] = [];
    const direct = new Int32Array(input.destinations.length).fill(-1);
    if ((origins.accessSeconds[o] as number) <= limit) {
      search.run(graph.forward, origins.node[o] as number, undefined, limit);
      for (let s = 0; s < stopCount; s++) {
        const w = within(limit, origins.accessSeconds, o, stops.node[s] as number, stops.accessSeconds, s);
        if (w >= 0) {
          reached.push(s);
          seconds.push(w);
        }
      }
      for (let u = 0; u < input.destinations.length; u++)
        direct[u] = within(
          limit,
          origins.accessSeconds,
          o,
          destinations.node[u] as number,
          destinations.accessSeconds,
          u,
        );
    }
    // As walking-only times do: a near destination may be walked to straight (× the detour factor)
    // when that is quicker than by way of the network.
    const origin = input.origins[o] as TravelPoint;
    input.destinations.forEach((destination, u) => {
      const straight = Math.round(
        (Math.hypot(destination.x - origin.x, destination.y - origin.y) * graph.detourFactor) /
          accessMetresPerSecond,
      );
      const walked = direct[u] as number;
      if (straight <= limit && (walked < 0 || straight < walked)) direct[u] = straight;
    });
    return { stops: Uint32Array.from(reached), seconds: Int32Array.from(seconds), direct };
  });
  const egress = input.destinations.map((_, u) => {
    const out: [number, number][] = [];
    const limit = input.maxAccessSeconds;
    search.run(graph.backward, destinations.node[u] as number, undefined, limit);
    for (let s = 0; s < stopCount; s++) {
      const w = within(limit, destinations.accessSeconds, u, stops.node[s] as number, stops.accessSeconds, s);
      if (w >= 0) out.push([s, w]);
    }
    return out;
  });
  const transfers = stopPoints.map((_, s) => {
    const out: [number, number][] = [];
    const limit = input.maxTransferSeconds;
    search.run(graph.forward, stops.node[s] as number, undefined, limit);
    for (let q = 0; q < stopCount; q++) {
      if (q === s) continue;
      const w = within(limit, stops.accessSeconds, s, stops.node[q] as number, stops.accessSeconds, q);
      if (w >= 0) out.push([q, w]);
    }
    return out;
  });
  return { origins: originWalks, egress: toLinks(egress), transfers: toLinks(transfers) };
};

import type { TravelPoint, TravelProfile } from '../../model/road.js';
import { ShortestPathSearch } from '../graph/dijkstra.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { type Snapped, snapToGraph } from './snap.js';
import { type StraightLineModel, straightLineMinutes } from './straight-line.js';

/** What travel times are computed over: a routable road graph, or the straight-line fallback. */
export type TravelModel = RoadGraph | StraightLineModel;

export interface TravelTimeMatrix {
  readonly originCount: number;
  readonly destinationCount: number;
  /** Row-major origins × destinations, minutes; Infinity where unreachable or beyond `maxMinutes`. */
  readonly minutes: Float32Array;
  readonly profile: TravelProfile;
  readonly method: 'road' | 'straightLine';
  /** The model's version: equal versions and points give equal matrices. */
  readonly version: string;
}

export interface MatrixComputeOptions {
  /** Times above this are not searched for and come back as Infinity. */
  maxMinutes?: number;
  /** An AbortSignal, or anything with `aborted` (a worker reads a shared flag). */
  signal?: { readonly aborted: boolean };
  /** Called after each shortest-path search (or row, for the straight-line model). */
  onProgress?: (done: number, total: number) => void;
}

export const abortError = (): Error => {
  const error = new Error('the travel-time computation was cancelled');
  error.name = 'AbortError';
  return error;
};

const straightLineMatrix = (
  model: StraightLineModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixComputeOptions,
): Float32Array => {
  const minutes = new Float32Array(origins.length * destinations.length);
  const limit = options.maxMinutes ?? Number.POSITIVE_INFINITY;
  origins.forEach((origin, o) => {
    if (options.signal?.aborted) throw abortError();
    destinations.forEach((destination, d) => {
      const time = straightLineMinutes(origin, destination, model.speedKmh, model.detourFactor);
      minutes[o * destinations.length + d] = time > limit ? Number.POSITIVE_INFINITY : time;
    });
    options.onProgress?.(o + 1, origins.length);
  });
  return minutes;
};

/** Points of one side grouped by snapped node, so each distinct node is searched once. */
const groupByNode = (snapped: Snapped): { nodes: Uint32Array; start: Uint32Array; members: Uint32Array } => {
  const order = Array.from(snapped.node.keys()).sort(
    (a, b) => (snapped.node[a] as number) - (snapped.node[b] as number),
  );
  const nodes: number[] = [];
  const start: number[] = [];
  order.forEach((point, i) => {
    const node = snapped.node[point] as number;
    if (i === 0 || node !== nodes[nodes.length - 1]) {
      nodes.push(node);
      start.push(i);
    }
  });
  start.push(order.length);
  return { nodes: Uint32Array.from(nodes), start: Uint32Array.from(start), members: Uint32Array.from(order) };
};

/**
 * Exact road travel times: one shortest-path search per distinct snapped node on the smaller side
 * (over reversed arcs when that side is the destinations), each stopping once the other side's nodes
 * are all settled. A time is the access walk or drive to the snapped node, the network time and the
 * egress from the other snapped node; a pair closer to each other than to the network keeps the
 * straight-line time at access speed when that is shorter.
 */
const roadMatrix = (
  graph: RoadGraph,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixComputeOptions,
  searchRange?: readonly [number, number],
): Float32Array => {
  const columns = destinations.length;
  const minutes = new Float32Array(origins.length * columns).fill(Number.NaN);
  const fromOrigins = origins.length < destinations.length;
  const searchSide = fromOrigins ? origins : destinations;
  const otherSide = fromOrigins ? destinations : origins;
  const searchSnapped = snapToGraph(graph, searchSide);
  const otherSnapped = snapToGraph(graph, otherSide);
  const groups = groupByNode(searchSnapped);
  const adjacency = fromOrigins ? graph.forward : graph.backward;
  const limitSeconds = (options.maxMinutes ?? Number.POSITIVE_INFINITY) * 60;
  const search = new ShortestPathSearch(graph.nodeCount);
  const accessMetresPerSecond = graph.accessSpeedKmh / 3.6;
  const [first, last] = searchRange ?? [0, groups.nodes.length];
  for (let g = first; g < last; g++) {
    if (options.signal?.aborted) throw abortError();
    search.run(adjacency, groups.nodes[g] as number, otherSnapped.node, limitSeconds);
    const distance = search.distance;
    for (let k = groups.start[g] as number; k < (groups.start[g + 1] as number); k++) {
      const s = groups.members[k] as number;
      const sPoint = searchSide[s] as TravelPoint;
      const sAccess = searchSnapped.accessSeconds[s] as number;
      for (let t = 0; t < otherSide.length; t++) {
        const network = distance[otherSnapped.node[t] as number] as number;
        let seconds = sAccess + network + (otherSnapped.accessSeconds[t] as number);
        const tPoint = otherSide[t] as TravelPoint;
        const direct =
          (Math.hypot(sPoint.x - tPoint.x, sPoint.y - tPoint.y) * graph.detourFactor) / accessMetresPerSecond;
        if (direct < seconds) seconds = direct;
        const value = seconds > limitSeconds ? Number.POSITIVE_INFINITY : seconds / 60;
        minutes[fromOrigins ? s * columns + t : t * columns + s] = value;
      }
    }
    options.onProgress?.(g + 1 - first, last - first);
  }
  return minutes;
};

/** How many searches a road matrix runs: the distinct snapped nodes of its smaller side. */
export const searchCount = (
  graph: RoadGraph,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
): number => {
  const side = origins.length < destinations.length ? origins : destinations;
  return new Set(snapToGraph(graph, side).node).size;
};

/**
 * The matrix in the calling thread. `searchRange` computes only those searches (the rest stays NaN),
 * so that workers can share one matrix.
 */
export const computeTravelTimeMatrix = (
  model: TravelModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixComputeOptions = {},
  searchRange?: readonly [number, number],
): TravelTimeMatrix => ({
  originCount: origins.length,
  destinationCount: destinations.length,
  minutes:
    model.kind === 'road'
      ? roadMatrix(model, origins, destinations, options, searchRange)
      : straightLineMatrix(model, origins, destinations, options),
  profile: model.profile,
  method: model.kind,
  version: model.version,
});

import type { TravelPoint, TravelProfile } from '../../model/index.js';
import type { ContractionHierarchy } from '../graph/contraction.js';
import { ShortestPathSearch } from '../graph/dijkstra.js';
import { nodeReachCodes } from '../graph/islands.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { restrictSweep, sweep, UpwardSearch } from './rphast.js';
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
  /**
   * Origins and destinations whose times are straight-line estimates: every one without a road
   * network, those off the network (farther than its snapping limit from it) with one.
   */
  readonly straightLineOrigins: number;
  readonly straightLineDestinations: number;
  /**
   * Origins and destinations whose nearest road is on a piece of the network that does not reach the
   * rest (an island without a ferry in the data): their times are Infinity, never a snap across water.
   */
  readonly unreachableOrigins: number;
  readonly unreachableDestinations: number;
  /** Origins whose nearest road reaches the rest of the network only by ferry: their times include it. */
  readonly ferryOnlyOrigins: number;
}

export interface MatrixComputeOptions {
  /** Times above this are not searched for and come back as Infinity. */
  maxMinutes?: number;
  /** An AbortSignal, or anything with `aborted` (a worker reads a shared flag). */
  signal?: { readonly aborted: boolean };
  /** Called after each shortest-path search (or row, for the straight-line model). */
  onProgress?: (done: number, total: number) => void;
  /** The graph's contraction hierarchy: searches then take a fraction of a plain Dijkstra's time. */
  hierarchy?: ContractionHierarchy;
  /** Computes only these searches (the rest stays NaN), so that workers can share one matrix. */
  searchRange?: readonly [number, number];
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

/** Row-major rows × columns → row-major columns × rows, in cache-sized blocks. */
const transpose = (matrix: Float32Array, rows: number, columns: number): Float32Array => {
  const out = new Float32Array(matrix.length);
  const block = 64;
  for (let r0 = 0; r0 < rows; r0 += block) {
    const r1 = Math.min(r0 + block, rows);
    for (let c0 = 0; c0 < columns; c0 += block) {
      const c1 = Math.min(c0 + block, columns);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = matrix[r * columns + c] as number;
      }
    }
  }
  return out;
};

/** Searches run together: the hierarchy's sweep reads each arc once per batch. */
const batchSize = 8;

/**
 * Searches from a batch of nodes, giving network seconds to (fromOrigins) or from every point of the
 * other side, `out[j][t]`: plain Dijkstra stopping once the other side is settled, or, with a
 * contraction hierarchy, upward searches and one sweep over the part of the hierarchy above the other
 * side (RPHAST).
 */
const networkSearch = (
  graph: RoadGraph,
  {
    fromOrigins,
    otherNode,
    limitSeconds,
    hierarchy,
  }: {
    fromOrigins: boolean;
    /** The other side's snapped nodes. */
    otherNode: Uint32Array;
    limitSeconds: number;
    hierarchy: ContractionHierarchy | undefined;
  },
): ((nodes: readonly number[], out: readonly Float64Array[]) => void) => {
  if (!hierarchy) {
    const search = new ShortestPathSearch(graph.nodeCount);
    const adjacency = fromOrigins ? graph.forward : graph.backward;
    return (nodes, out) => {
      nodes.forEach((node, j) => {
        const row = out[j] as Float64Array;
        search.run(adjacency, node, otherNode, limitSeconds);
        for (let t = 0; t < otherNode.length; t++) row[t] = search.distance[otherNode[t] as number] as number;
      });
    };
  }
  // From origins: climb from the origin upwards, sweep down to the destinations over downward arcs.
  const searchUp = fromOrigins ? hierarchy.upward : hierarchy.downward;
  const sweepUp = fromOrigins ? hierarchy.downward : hierarchy.upward;
  const restricted = restrictSweep(hierarchy, sweepUp, otherNode);
  const localOther = Uint32Array.from(otherNode, (node) => restricted.localOf(node));
  const upward = Array.from({ length: batchSize }, () => new UpwardSearch(graph.nodeCount));
  const distances = new Map<number, Float64Array>();
  return (nodes, out) => {
    const batch = nodes.length;
    nodes.forEach((node, j) => {
      (upward[j] as UpwardSearch).run(searchUp, node);
    });
    let distance = distances.get(batch);
    if (!distance) {
      distance = new Float64Array(restricted.nodes.length * batch);
      distances.set(batch, distance);
    }
    sweep(restricted, upward.slice(0, batch), distance);
    for (let j = 0; j < batch; j++) {
      const row = out[j] as Float64Array;
      for (let t = 0; t < localOther.length; t++)
        row[t] = distance[(localOther[t] as number) * batch + j] as number;
    }
  };
};

/**
 * Exact road travel times: one search per distinct snapped node on the smaller side (over reversed
 * arcs when that side is the destinations). A time is the access walk or drive to the snapped node, the network time and the
 * egress from the other snapped node; a pair closer to each other than to the network keeps the
 * straight-line time at access speed when that is shorter. A trip from or to a point off the network
 * (farther than the snapping limit from it: an island without a road, or a network of somewhere else)
 * is a straight-line estimate at the fallback speed, as without a network, and is counted as such.
 */
const roadMatrix = (
  graph: RoadGraph,
  { origins, destinations }: { origins: readonly TravelPoint[]; destinations: readonly TravelPoint[] },
  options: MatrixComputeOptions,
): Float32Array => {
  const { searchRange, hierarchy } = options;
  const bySearch = new Float32Array(origins.length * destinations.length).fill(Number.NaN);
  const fromOrigins = origins.length < destinations.length;
  const searchSide = fromOrigins ? origins : destinations;
  const otherSide = fromOrigins ? destinations : origins;
  const searchSnapped = snapToGraph(graph, searchSide);
  const otherSnapped = snapToGraph(graph, otherSide);
  const groups = groupByNode(searchSnapped);
  const limitSeconds = (options.maxMinutes ?? Number.POSITIVE_INFINITY) * 60;
  const accessMetresPerSecond = graph.accessSpeedKmh / 3.6;
  const otherNode = otherSnapped.node;
  // Network seconds from (or to) each searched node of a batch, by the other side's point index.
  const networkSeconds = Array.from({ length: batchSize }, () => new Float64Array(otherSide.length));
  const searchFrom = networkSearch(graph, { fromOrigins, otherNode, limitSeconds, hierarchy });
  const otherX = Float64Array.from(otherSide, (p) => p.x);
  const otherY = Float64Array.from(otherSide, (p) => p.y);
  const otherAccess = otherSnapped.accessSeconds;
  const otherOff = offNetwork(graph, otherSnapped);
  const searchOff = offNetwork(graph, searchSnapped);
  const otherUnreachable = Uint8Array.from(otherSnapped.reach, (code) =>
    code === nodeReachCodes.unreachable ? 1 : 0,
  );
  const otherFerryOnly = Uint8Array.from(otherSnapped.reach, (code) =>
    code === nodeReachCodes.ferryOnly ? 1 : 0,
  );
  const directFactor = graph.detourFactor / accessMetresPerSecond;
  const fallbackFactor = graph.detourFactor / (graph.fallbackSpeedKmh / 3.6);
  const [first, last] = searchRange ?? [0, groups.nodes.length];
  for (let batchStart = first; batchStart < last; batchStart += batchSize) {
    if (options.signal?.aborted) throw abortError();
    const batchEnd = Math.min(batchStart + batchSize, last);
    const batchNodes: number[] = [];
    for (let g = batchStart; g < batchEnd; g++) batchNodes.push(groups.nodes[g] as number);
    searchFrom(batchNodes, networkSeconds);
    for (let g = batchStart; g < batchEnd; g++) {
      const network = networkSeconds[g - batchStart] as Float64Array;
      for (let k = groups.start[g] as number; k < (groups.start[g + 1] as number); k++) {
        const s = groups.members[k] as number;
        const sPoint = searchSide[s] as TravelPoint;
        const sx = sPoint.x;
        const sy = sPoint.y;
        const sAccess = searchSnapped.accessSeconds[s] as number;
        const sOff = searchOff[s] === 1;
        const sUnreachable = searchSnapped.reach[s] === nodeReachCodes.unreachable;
        const sFerryOnly = searchSnapped.reach[s] === nodeReachCodes.ferryOnly;
        // Each search fills a row of `bySearch`: contiguous writes; transposed at the end if need be.
        const base = s * otherSide.length;
        for (let t = 0; t < otherSide.length; t++) {
          const dx = sx - (otherX[t] as number);
          const dy = sy - (otherY[t] as number);
          const metres = Math.sqrt(dx * dx + dy * dy);
          let seconds: number;
          if (sUnreachable || otherUnreachable[t] === 1) {
            seconds = Number.POSITIVE_INFINITY;
          } else if (sOff || otherOff[t] === 1) {
            seconds = metres * fallbackFactor;
          } else {
            seconds = sAccess + (network[t] as number) + (otherAccess[t] as number);
            // Not from or to a ferry island: the straight line would cross the water.
            const direct = sFerryOnly || otherFerryOnly[t] === 1 ? seconds : metres * directFactor;
            if (direct < seconds) seconds = direct;
          }
          bySearch[base + t] = seconds > limitSeconds ? Number.POSITIVE_INFINITY : seconds / 60;
        }
      }
    }
    options.onProgress?.(batchEnd - first, last - first);
  }
  return fromOrigins ? bySearch : transpose(bySearch, destinations.length, origins.length);
};

/** 1 for each point farther from the network than its snapping limit (and not near an unreachable piece). */
const offNetwork = (graph: RoadGraph, snapped: Snapped): Uint8Array =>
  Uint8Array.from(snapped.accessMetres, (metres, i) =>
    metres > graph.maxSnapMetres && snapped.reach[i] !== nodeReachCodes.unreachable ? 1 : 0,
  );

/** How many of the points reach the network only by ferry, and how many not at all. */
export const islandCounts = (
  graph: RoadGraph,
  points: readonly TravelPoint[],
): { ferryOnly: number; unreachable: number } => {
  const counts = { ferryOnly: 0, unreachable: 0 };
  if (points.length === 0 || graph.nodeReach.every((code) => code === nodeReachCodes.road)) return counts;
  for (const code of snapToGraph(graph, points).reach) {
    if (code === nodeReachCodes.ferryOnly) counts.ferryOnly++;
    if (code === nodeReachCodes.unreachable) counts.unreachable++;
  }
  return counts;
};

/** How many of the points are off the network: their trips are straight-line estimates. */
export const offNetworkCount = (graph: RoadGraph, points: readonly TravelPoint[]): number => {
  if (points.length === 0) return 0;
  let count = 0;
  for (const flag of offNetwork(graph, snapToGraph(graph, points))) count += flag;
  return count;
};

/** The straight-line counts of a matrix between these points on this model. */
export const straightLineCounts = (
  model: TravelModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
): Pick<
  TravelTimeMatrix,
  | 'straightLineOrigins'
  | 'straightLineDestinations'
  | 'unreachableOrigins'
  | 'unreachableDestinations'
  | 'ferryOnlyOrigins'
> => {
  if (model.kind !== 'road') {
    return {
      straightLineOrigins: origins.length,
      straightLineDestinations: destinations.length,
      unreachableOrigins: 0,
      unreachableDestinations: 0,
      ferryOnlyOrigins: 0,
    };
  }
  const fromOrigins = islandCounts(model, origins);
  return {
    straightLineOrigins: offNetworkCount(model, origins),
    straightLineDestinations: offNetworkCount(model, destinations),
    unreachableOrigins: fromOrigins.unreachable,
    unreachableDestinations: islandCounts(model, destinations).unreachable,
    ferryOnlyOrigins: fromOrigins.ferryOnly,
  };
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

/** The matrix in the calling thread. */
export const computeTravelTimeMatrix = (
  model: TravelModel,
  origins: readonly TravelPoint[],
  destinations: readonly TravelPoint[],
  options: MatrixComputeOptions = {},
): TravelTimeMatrix => ({
  originCount: origins.length,
  destinationCount: destinations.length,
  minutes:
    model.kind === 'road'
      ? roadMatrix(model, { origins, destinations }, options)
      : straightLineMatrix(model, origins, destinations, options),
  profile: model.profile,
  method: model.kind,
  version: model.version,
  ...straightLineCounts(model, origins, destinations),
});

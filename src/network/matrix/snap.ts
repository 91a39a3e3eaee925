import type { TravelPoint } from '../../model/index.js';
import { gridIndex } from '../graph/grid-index.js';
import { nodeReachCodes } from '../graph/islands.js';
import type { RoadGraph } from '../graph/road-graph.js';

/** Each point's nearest routable node and the time to cover the straight line to it, seconds. */
export interface Snapped {
  readonly node: Uint32Array;
  readonly accessSeconds: Float64Array;
  readonly accessMetres: Float64Array;
  /**
   * How the point's nearest node of any kind, within the snapping limit, reaches the network (the
   * graph's nodeReach codes): 1 only by ferry, 2 not at all, so the point is unreachable rather than
   * snapped across the water; 0 by road, or no node within the limit.
   */
  readonly reach: Uint8Array;
}

const indexes = new WeakMap<RoadGraph, ReturnType<typeof gridIndex>>();
const allNodeIndexes = new WeakMap<RoadGraph, ReturnType<typeof gridIndex>>();

const cached = (
  cache: WeakMap<RoadGraph, ReturnType<typeof gridIndex>>,
  graph: RoadGraph,
  include?: Uint8Array,
) => {
  let index = cache.get(graph);
  if (!index) {
    index = gridIndex(graph.x, graph.y, include);
    cache.set(graph, index);
  }
  return index;
};

export const snapToGraph = (graph: RoadGraph, points: readonly TravelPoint[]): Snapped => {
  const index = cached(indexes, graph, graph.snappable);
  const islands = graph.nodeReach.some((code) => code !== nodeReachCodes.road);
  const node = new Uint32Array(points.length);
  const accessSeconds = new Float64Array(points.length);
  const accessMetres = new Float64Array(points.length);
  const reach = new Uint8Array(points.length);
  const metresPerSecond = graph.accessSpeedKmh / 3.6;
  points.forEach((point, i) => {
    const { index: nearest, distance } = index.nearest(point.x, point.y);
    if (nearest < 0) throw new Error('the road graph has no nodes to snap to');
    node[i] = nearest;
    accessMetres[i] = distance;
    accessSeconds[i] = (distance * graph.detourFactor) / metresPerSecond;
    if (!islands) return;
    const any = cached(allNodeIndexes, graph).nearest(point.x, point.y);
    if (any.index >= 0 && any.distance <= graph.maxSnapMetres)
      reach[i] = graph.nodeReach[any.index] as number;
  });
  return { node, accessSeconds, accessMetres, reach };
};

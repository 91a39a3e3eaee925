import type { TravelPoint } from '../../model/index.js';
import { gridIndex } from '../graph/grid-index.js';
import type { RoadGraph } from '../graph/road-graph.js';

/** Each point's nearest routable node and the time to cover the straight line to it, seconds. */
export interface Snapped {
  readonly node: Uint32Array;
  readonly accessSeconds: Float64Array;
  readonly accessMetres: Float64Array;
}

const indexes = new WeakMap<RoadGraph, ReturnType<typeof gridIndex>>();

export const snapToGraph = (graph: RoadGraph, points: readonly TravelPoint[]): Snapped => {
  let index = indexes.get(graph);
  if (!index) {
    index = gridIndex(graph.x, graph.y, graph.snappable);
    indexes.set(graph, index);
  }
  const node = new Uint32Array(points.length);
  const accessSeconds = new Float64Array(points.length);
  const accessMetres = new Float64Array(points.length);
  const metresPerSecond = graph.accessSpeedKmh / 3.6;
  points.forEach((point, i) => {
    const { index: nearest, distance } = index.nearest(point.x, point.y);
    if (nearest < 0) throw new Error('the road graph has no nodes to snap to');
    node[i] = nearest;
    accessMetres[i] = distance;
    accessSeconds[i] = (distance * graph.detourFactor) / metresPerSecond;
  });
  return { node, accessSeconds, accessMetres };
};

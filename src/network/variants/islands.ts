import type { OriginReach, TravelPoint } from '../../model/index.js';
import type { VariantGraph } from './digiroad-graph.js';

export interface OriginOnNetwork {
  readonly id: string;
  readonly point: TravelPoint;
  readonly residents: number;
}

export interface OriginReachRow {
  readonly id: string;
  readonly residents: number;
  readonly reach: OriginReach;
  /** The node the origin joins the network at: its nearest node, on whatever shore that is. */
  readonly node: number;
}

export interface IslandReport {
  readonly origins: OriginReachRow[];
  readonly residents: Record<OriginReach, number>;
}

/** Undirected components of the graph, over the arcs `use` keeps; labels by lowest-numbered discovery. */
const components = (graph: VariantGraph, use: (arc: number) => boolean): Int32Array => {
  const { forward, backward, nodeCount } = graph.graph;
  const label = new Int32Array(nodeCount).fill(-1);
  // The backward adjacency's arcs are the forward arcs reversed, but in another order: keep an arc
  // there when some forward arc between the same two nodes is kept.
  const kept = new Set<number>();
  for (let v = 0; v < nodeCount; v++) {
    for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
      if (use(a)) kept.add(v * nodeCount + (forward.heads[a] as number));
    }
  }
  let next = 0;
  const stack: number[] = [];
  for (let s = 0; s < nodeCount; s++) {
    if (label[s] !== -1) continue;
    label[s] = next;
    stack.push(s);
    while (stack.length > 0) {
      const v = stack.pop() as number;
      for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
        const w = forward.heads[a] as number;
        if (use(a) && label[w] === -1) {
          label[w] = next;
          stack.push(w);
        }
      }
      for (let a = backward.offsets[v] as number; a < (backward.offsets[v + 1] as number); a++) {
        const w = backward.heads[a] as number;
        if (label[w] === -1 && kept.has(w * nodeCount + v)) {
          label[w] = next;
          stack.push(w);
        }
      }
    }
    next++;
  }
  return label;
};

const largest = (label: Int32Array): number => {
  const sizes = new Map<number, number>();
  for (const l of label) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  let best = -1;
  let bestSize = -1;
  for (const [l, size] of sizes) if (size > bestSize) [best, bestSize] = [l, size];
  return best;
};

/**
 * How each origin reaches the road network. An origin joins the network at its nearest node within
 * `maxSnapMetres`, whichever shore that is on; it is never moved to a farther node across water. It
 * is `road` when that node is on the largest piece of the network without ferries, `ferryOnly` when
 * ferries join it to that piece, `unreachable` when nothing does, `offNetwork` beyond the snap limit.
 */
export const originReach = (
  graph: VariantGraph,
  origins: readonly OriginOnNetwork[],
  maxSnapMetres = graph.graph.maxSnapMetres,
): IslandReport => {
  const byRoad = components(graph, (a) => graph.arcFerry[a] === 0);
  const withFerries = components(graph, () => true);
  const mainland = largest(byRoad);
  const { x, y, nodeCount } = graph.graph;
  let mainlandNode = -1;
  for (let v = 0; v < nodeCount && mainlandNode < 0; v++) if (byRoad[v] === mainland) mainlandNode = v;
  const residents: Record<OriginReach, number> = { road: 0, ferryOnly: 0, unreachable: 0, offNetwork: 0 };
  const rows = origins.map((origin): OriginReachRow => {
    let node = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let v = 0; v < nodeCount; v++) {
      const d = Math.hypot((x[v] as number) - origin.point.x, (y[v] as number) - origin.point.y);
      if (d < best) [node, best] = [v, d];
    }
    const reach: OriginReach =
      node < 0 || best > maxSnapMetres
        ? 'offNetwork'
        : byRoad[node] === mainland
          ? 'road'
          : mainlandNode >= 0 && withFerries[node] === withFerries[mainlandNode]
            ? 'ferryOnly'
            : 'unreachable';
    residents[reach] += origin.residents;
    return { id: origin.id, residents: origin.residents, reach, node };
  });
  return { origins: rows, residents };
};

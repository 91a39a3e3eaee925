import type { RoadComponents } from '../../model/index.js';
import type { RoadNetwork } from '../graph/road-network.js';

/** Union–find root with path halving. */
const rootOf = (parent: Uint32Array, node: number): number => {
  let v = node;
  while (parent[v] !== v) {
    const grandparent = parent[parent[v] as number] as number;
    parent[v] = grandparent;
    v = grandparent;
  }
  return v;
};

/**
 * Connected components of the network with every way taken as two-way (one-way streets and profiles
 * aside: this is about pieces that no road joins, such as an island or an extract cut at its edge).
 * The largest is the one with the most nodes.
 */
export const roadComponents = (network: RoadNetwork): RoadComponents => {
  const nodeCount = network.nodeX.length;
  if (nodeCount === 0) return { count: 0, largestNodeShare: 0, largestLengthShare: 0 };
  const parent = Uint32Array.from({ length: nodeCount }, (_, i) => i);
  const size = new Uint32Array(nodeCount).fill(1);
  for (let e = 0; e < network.edgeFrom.length; e++) {
    let a = rootOf(parent, network.edgeFrom[e] as number);
    let b = rootOf(parent, network.edgeTo[e] as number);
    if (a === b) continue;
    if ((size[a] as number) < (size[b] as number)) [a, b] = [b, a];
    parent[b] = a;
    size[a] = (size[a] as number) + (size[b] as number);
  }
  let count = 0;
  let largest = -1;
  for (let v = 0; v < nodeCount; v++) {
    if (parent[v] !== v) continue;
    count++;
    if (largest < 0 || (size[v] as number) > (size[largest] as number)) largest = v;
  }
  let totalMetres = 0;
  let largestMetres = 0;
  for (let e = 0; e < network.edgeFrom.length; e++) {
    const metres = network.edgeLengthMetres[e] as number;
    totalMetres += metres;
    if (rootOf(parent, network.edgeFrom[e] as number) === largest) largestMetres += metres;
  }
  return {
    count,
    largestNodeShare: (size[largest] as number) / nodeCount,
    largestLengthShare: totalMetres > 0 ? largestMetres / totalMetres : 1,
  };
};

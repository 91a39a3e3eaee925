import type { ContractionHierarchy } from '../graph/contraction.js';
import type { Adjacency } from '../graph/csr.js';

/**
 * Restricted PHAST (Delling, Goldberg & Werneck 2011) over a contraction hierarchy. For a fixed set of
 * "sweep" nodes, the part of the hierarchy above them is extracted once, in descending rank order; then
 * each search node costs one small upward search plus one linear sweep over that part. A shortest path
 * climbs from the sweep node and descends to the search node, so distance(v) = min(its own upward-search
 * label, cost(v→u) + distance(u)) over v's upward arcs, with u always processed before v.
 */
export interface RestrictedSweep {
  /** Nodes of the extracted part, highest rank first. */
  readonly nodes: Uint32Array;
  /** Local index of each requested sweep node. */
  readonly localOf: (node: number) => number;
  readonly offsets: Uint32Array;
  /** Local indices of arc heads: always smaller than the tail's own. */
  readonly heads: Uint32Array;
  readonly seconds: Float64Array;
}

/**
 * Extracts what the sweep needs. `climb` holds the arcs the sweep nodes climb by: the hierarchy's upward
 * arcs to get times from the sweep nodes, its downward arcs to get times to them.
 */
export const restrictSweep = (
  hierarchy: ContractionHierarchy,
  climb: Adjacency,
  sweepNodes: Uint32Array,
): RestrictedSweep => {
  const n = hierarchy.nodeCount;
  const local = new Int32Array(n).fill(-1);
  const found: number[] = [];
  for (const s of sweepNodes) {
    if (local[s] !== -1) continue;
    local[s] = 0;
    found.push(s);
  }
  for (let i = 0; i < found.length; i++) {
    const v = found[i] as number;
    for (let a = climb.offsets[v] as number; a < (climb.offsets[v + 1] as number); a++) {
      const u = climb.heads[a] as number;
      if (local[u] !== -1) continue;
      local[u] = 0;
      found.push(u);
    }
  }
  const rank = hierarchy.rank;
  const nodes = Uint32Array.from(found).sort((a, b) => (rank[b] as number) - (rank[a] as number));
  nodes.forEach((v, i) => {
    local[v] = i;
  });
  const offsets = new Uint32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i] as number;
    offsets[i + 1] = (offsets[i] as number) + (climb.offsets[v + 1] as number) - (climb.offsets[v] as number);
  }
  const heads = new Uint32Array(offsets[nodes.length] as number);
  const seconds = new Float64Array(heads.length);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i] as number;
    let k = offsets[i] as number;
    for (let a = climb.offsets[v] as number; a < (climb.offsets[v + 1] as number); a++) {
      heads[k] = local[climb.heads[a] as number] as number;
      seconds[k++] = climb.seconds[a] as number;
    }
  }
  return { nodes, localOf: (node) => local[node] as number, offsets, heads, seconds };
};

/** Upward Dijkstra from one node; labels land in `label` (Infinity elsewhere, reset by the caller's list). */
export class UpwardSearch {
  readonly label: Float64Array;
  readonly touched: number[] = [];
  readonly #heapNodes: number[] = [];
  readonly #heapKeys: number[] = [];

  constructor(nodeCount: number) {
    this.label = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  }

  run(up: Adjacency, source: number): void {
    const label = this.label;
    for (const v of this.touched) label[v] = Number.POSITIVE_INFINITY;
    this.touched.length = 0;
    const nodes = this.#heapNodes;
    const keys = this.#heapKeys;
    nodes.length = 0;
    keys.length = 0;
    label[source] = 0;
    this.touched.push(source);
    nodes.push(source);
    keys.push(0);
    while (nodes.length > 0) {
      const v = nodes[0] as number;
      const key = keys[0] as number;
      const lastNode = nodes.pop() as number;
      const lastKey = keys.pop() as number;
      const size = nodes.length;
      if (size > 0) {
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          if (child + 1 < size && (keys[child + 1] as number) < (keys[child] as number)) child++;
          if ((keys[child] as number) >= lastKey) break;
          nodes[i] = nodes[child] as number;
          keys[i] = keys[child] as number;
          i = child;
        }
        nodes[i] = lastNode;
        keys[i] = lastKey;
      }
      if (key > (label[v] as number)) continue;
      for (let a = up.offsets[v] as number; a < (up.offsets[v + 1] as number); a++) {
        const w = up.heads[a] as number;
        const candidate = key + (up.seconds[a] as number);
        if (candidate >= (label[w] as number)) continue;
        if (label[w] === Number.POSITIVE_INFINITY) this.touched.push(w);
        label[w] = candidate;
        let i = nodes.length;
        nodes.push(w);
        keys.push(candidate);
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if ((keys[parent] as number) <= candidate) break;
          nodes[i] = nodes[parent] as number;
          keys[i] = keys[parent] as number;
          i = parent;
        }
        nodes[i] = w;
        keys[i] = candidate;
      }
    }
  }
}

/**
 * The sweep for a batch of searched nodes at once: `searches[j]` is the j-th upward search, and
 * `distance[i * batch + j]` receives its distance to (or from) extracted node i. Labels are scattered
 * in from each search's touched list (a few thousand nodes) rather than read for every extracted node,
 * and each arc is read once for the whole batch: that is what makes the sweep cheap per search.
 */
export const sweep = (
  restricted: RestrictedSweep,
  searches: readonly UpwardSearch[],
  distance: Float64Array,
): void => {
  const { nodes, offsets, heads, seconds } = restricted;
  const batch = searches.length;
  distance.fill(Number.POSITIVE_INFINITY, 0, nodes.length * batch);
  searches.forEach((search, j) => {
    for (const node of search.touched) {
      const local = restricted.localOf(node);
      if (local >= 0) distance[local * batch + j] = search.label[node] as number;
    }
  });
  for (let i = 0; i < nodes.length; i++) {
    const row = i * batch;
    const end = offsets[i + 1] as number;
    for (let a = offsets[i] as number; a < end; a++) {
      const cost = seconds[a] as number;
      const from = (heads[a] as number) * batch;
      for (let j = 0; j < batch; j++) {
        const candidate = cost + (distance[from + j] as number);
        if (candidate < (distance[row + j] as number)) distance[row + j] = candidate;
      }
    }
  }
};

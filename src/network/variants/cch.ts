import type { ContractionHierarchy } from '../graph/contraction.js';
import type { Adjacency } from '../graph/csr.js';

/**
 * A customisable contraction hierarchy (Dibbelt, Strasser & Wagner 2016), in two phases:
 *
 * 1. Topology, once per road network and independent of any travel times: nodes are eliminated in a
 *    minimum-degree order of the undirected graph, and eliminating x joins all its not yet eliminated
 *    neighbours pairwise. The result is chordal: every pair of upward neighbours of a node is itself
 *    an edge, and the lower triangles of every edge are listed once here.
 * 2. Customisation, per set of travel times (a variant: winter speeds, a ferry out of service, a
 *    closed bridge): each edge gets the cheapest direct arc each way, then every lower triangle is
 *    relaxed bottom-up. No witness search, no reordering: only a pass over the triangles.
 *
 * The customised result is an ordinary `ContractionHierarchy`, so the matrix code queries it unchanged.
 */
export interface CchTopology {
  readonly nodeCount: number;
  readonly rank: Uint32Array;
  /** Edges {low, high} in CSR by the lower-ranked node; an edge's id is its position in `heads`. */
  readonly offsets: Uint32Array;
  readonly heads: Uint32Array;
  /** Per arc of the input graph: the edge it lies on, and 1 when it runs upwards (low → high). */
  readonly arcEdge: Uint32Array;
  readonly arcUpward: Uint8Array;
  /** Lower triangles as triples (edge x–v, edge x–u, edge v–u) with x below v below u, in order of x. */
  readonly triangles: Uint32Array;
}

/** Minimum-degree elimination over the undirected graph of `forward`; ties go to the lower node id. */
const eliminationOrder = (forward: Adjacency): { rank: Uint32Array; upper: number[][] } => {
  const n = forward.offsets.length - 1;
  const neighbours: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let v = 0; v < n; v++) {
    for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
      const w = forward.heads[a] as number;
      if (w === v) continue;
      (neighbours[v] as Set<number>).add(w);
      (neighbours[w] as Set<number>).add(v);
    }
  }
  const rank = new Uint32Array(n);
  const eliminated = new Uint8Array(n);
  const upper: number[][] = new Array(n);
  // Lazy heap of (degree, node): stale entries are skipped when popped.
  const heap = new MinHeap();
  for (let v = 0; v < n; v++) heap.push((neighbours[v] as Set<number>).size, v);
  let next = 0;
  while (next < n) {
    const [degree, x] = heap.pop();
    if (eliminated[x] || degree !== (neighbours[x] as Set<number>).size) continue;
    eliminated[x] = 1;
    rank[x] = next++;
    const around = [...(neighbours[x] as Set<number>)];
    upper[x] = around;
    for (const v of around) (neighbours[v] as Set<number>).delete(x);
    for (let i = 0; i < around.length; i++) {
      const a = neighbours[around[i] as number] as Set<number>;
      for (let j = i + 1; j < around.length; j++) {
        const b = around[j] as number;
        if (a.has(b)) continue;
        a.add(b);
        (neighbours[b] as Set<number>).add(around[i] as number);
      }
    }
    for (const v of around) heap.push((neighbours[v] as Set<number>).size, v);
    neighbours[x] = new Set();
  }
  return { rank, upper };
};

/** The metric-independent phase: order, chordal edges, each input arc's edge, the lower triangles. */
export const cchTopology = (forward: Adjacency): CchTopology => {
  const n = forward.offsets.length - 1;
  const { rank, upper } = eliminationOrder(forward);
  const offsets = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v] as number) + (upper[v] as number[]).length;
  const heads = new Uint32Array(offsets[n] as number);
  for (let v = 0; v < n; v++) {
    // Sorted by node id, so an edge is found by binary search.
    const sorted = Uint32Array.from(upper[v] as number[]).sort();
    heads.set(sorted, offsets[v] as number);
  }
  const edgeOf = (low: number, high: number): number => {
    let lo = offsets[low] as number;
    let hi = (offsets[low + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = heads[mid] as number;
      if (value === high) return mid;
      if (value < high) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`no edge ${low}–${high} in the chordal graph`);
  };
  const arcCount = forward.heads.length;
  const arcEdge = new Uint32Array(arcCount);
  const arcUpward = new Uint8Array(arcCount);
  for (let v = 0; v < n; v++) {
    for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
      const w = forward.heads[a] as number;
      if (w === v) {
        // A self-loop never shortens a path: mark it with an impossible edge id.
        arcEdge[a] = 0xffffffff;
        continue;
      }
      const up = (rank[v] as number) < (rank[w] as number);
      arcUpward[a] = up ? 1 : 0;
      arcEdge[a] = up ? edgeOf(v, w) : edgeOf(w, v);
    }
  }
  const byRank = new Uint32Array(n);
  for (let v = 0; v < n; v++) byRank[rank[v] as number] = v;
  const triangles: number[] = [];
  for (let r = 0; r < n; r++) {
    const x = byRank[r] as number;
    const begin = offsets[x] as number;
    const end = offsets[x + 1] as number;
    for (let i = begin; i < end; i++) {
      for (let j = begin; j < end; j++) {
        if (i === j) continue;
        const v = heads[i] as number;
        const u = heads[j] as number;
        if ((rank[v] as number) > (rank[u] as number)) continue;
        triangles.push(i, j, edgeOf(v, u));
      }
    }
  }
  return { nodeCount: n, rank, offsets, heads, arcEdge, arcUpward, triangles: Uint32Array.from(triangles) };
};

/**
 * The metric-dependent phase: `seconds[a]` is the cost of arc a of the graph the topology was made from
 * (Infinity for an arc closed in this variant). Returns a hierarchy whose searches give exact times.
 */
export const customise = (topology: CchTopology, seconds: Float64Array): ContractionHierarchy => {
  const edgeCount = topology.heads.length;
  const up = new Float64Array(edgeCount).fill(Number.POSITIVE_INFINITY);
  const down = new Float64Array(edgeCount).fill(Number.POSITIVE_INFINITY);
  const { arcEdge, arcUpward, triangles } = topology;
  for (let a = 0; a < arcEdge.length; a++) {
    const e = arcEdge[a] as number;
    if (e === 0xffffffff) continue;
    const cost = seconds[a] as number;
    const weights = arcUpward[a] === 1 ? up : down;
    if (cost < (weights[e] as number)) weights[e] = cost;
  }
  for (let t = 0; t < triangles.length; t += 3) {
    const xv = triangles[t] as number;
    const xu = triangles[t + 1] as number;
    const vu = triangles[t + 2] as number;
    // v → x → u and u → x → v.
    const forward = (down[xv] as number) + (up[xu] as number);
    if (forward < (up[vu] as number)) up[vu] = forward;
    const backward = (down[xu] as number) + (up[xv] as number);
    if (backward < (down[vu] as number)) down[vu] = backward;
  }
  let shortcutCount = edgeCount;
  for (const e of arcEdge) if (e !== 0xffffffff) shortcutCount--;
  return {
    nodeCount: topology.nodeCount,
    rank: topology.rank,
    upward: { offsets: topology.offsets, heads: topology.heads, seconds: up },
    downward: { offsets: topology.offsets, heads: topology.heads, seconds: down },
    shortcutCount: Math.max(0, shortcutCount),
  };
};

/** Binary min-heap of (key, node) pairs in plain arrays; ties go to the lower node. */
class MinHeap {
  readonly #keys: number[] = [];
  readonly #nodes: number[] = [];

  #before(i: number, j: number): boolean {
    const a = this.#keys[i] as number;
    const b = this.#keys[j] as number;
    return a < b || (a === b && (this.#nodes[i] as number) < (this.#nodes[j] as number));
  }

  #swap(i: number, j: number): void {
    const k = this.#keys[i] as number;
    const n = this.#nodes[i] as number;
    this.#keys[i] = this.#keys[j] as number;
    this.#nodes[i] = this.#nodes[j] as number;
    this.#keys[j] = k;
    this.#nodes[j] = n;
  }

  push(key: number, node: number): void {
    this.#keys.push(key);
    this.#nodes.push(node);
    let i = this.#keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.#keys[0] as number, this.#nodes[0] as number];
    const lastKey = this.#keys.pop() as number;
    const lastNode = this.#nodes.pop() as number;
    if (this.#keys.length > 0) {
      this.#keys[0] = lastKey;
      this.#nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= this.#keys.length) break;
        if (child + 1 < this.#keys.length && this.#before(child + 1, child)) child++;
        if (!this.#before(child, i)) break;
        this.#swap(i, child);
        i = child;
      }
    }
    return top;
  }
}

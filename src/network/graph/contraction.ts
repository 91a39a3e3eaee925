import type { Adjacency } from './csr.js';
import { toAdjacency } from './csr.js';

/**
 * A contraction hierarchy (Geisberger, Sanders, Schultes & Delling 2008): nodes are contracted one by
 * one in order of importance, adding a shortcut u→w wherever the only shortest path u→v→w ran through
 * the contracted v. Every shortest path then climbs to higher-ranked nodes and descends again, so a
 * search only ever looks upwards.
 */
export interface ContractionHierarchy {
  readonly nodeCount: number;
  readonly rank: Uint32Array;
  /** Arcs v→u to higher-ranked u, cost of v→u. */
  readonly upward: Adjacency;
  /** Arcs stored at v for higher-ranked u with the cost of u→v: the upward graph of the reversed network. */
  readonly downward: Adjacency;
  readonly shortcutCount: number;
}

/** Bounded Dijkstra among uncontracted nodes that proves a shortcut unnecessary when it finds a path no longer than it. */
class WitnessSearch {
  readonly distance: Float64Array;
  readonly #stamp: Int32Array;
  #round = 0;
  #heapNodes: number[] = [];
  #heapKeys: number[] = [];

  constructor(nodeCount: number) {
    this.distance = new Float64Array(nodeCount);
    this.#stamp = new Int32Array(nodeCount);
  }

  distanceTo(node: number): number {
    return this.#stamp[node] === this.#round ? (this.distance[node] as number) : Number.POSITIVE_INFINITY;
  }

  #push(node: number, key: number): void {
    const nodes = this.#heapNodes;
    const keys = this.#heapKeys;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      nodes[i] = nodes[parent] as number;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  #pop(): number {
    const nodes = this.#heapNodes;
    const keys = this.#heapKeys;
    const top = nodes[0] as number;
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
    return top;
  }

  run(graph: DynamicGraph, source: number, avoid: number, limit: number, maxSettled: number): void {
    this.#round++;
    const stamp = this.#stamp;
    const distance = this.distance;
    this.#heapNodes.length = 0;
    this.#heapKeys.length = 0;
    stamp[source] = this.#round;
    distance[source] = 0;
    this.#push(source, 0);
    let settled = 0;
    while (this.#heapNodes.length > 0) {
      const key = this.#heapKeys[0] as number;
      const v = this.#pop();
      if (key > (distance[v] as number)) continue;
      if (key > limit || ++settled > maxSettled) break;
      const neighbours = graph.neighbours[v] as number[];
      const out = graph.outCost[v] as number[];
      for (let i = 0; i < neighbours.length; i++) {
        const w = neighbours[i] as number;
        if (w === avoid || graph.contracted[w]) continue;
        const candidate = key + (out[i] as number);
        if (stamp[w] === this.#round && candidate >= (distance[w] as number)) continue;
        stamp[w] = this.#round;
        distance[w] = candidate;
        this.#push(w, candidate);
      }
    }
  }
}

/** Each node's neighbours with the cost to (out) and from (in) each; Infinity where that direction has no arc. */
interface DynamicGraph {
  neighbours: number[][];
  outCost: number[][];
  inCost: number[][];
  contracted: Uint8Array;
}

const connect = (graph: DynamicGraph, from: number, to: number, cost: number): void => {
  const set = (at: number, other: number, out: boolean) => {
    const neighbours = graph.neighbours[at] as number[];
    const costs = (out ? graph.outCost[at] : graph.inCost[at]) as number[];
    const i = neighbours.indexOf(other);
    if (i >= 0) {
      if (cost < (costs[i] as number)) costs[i] = cost;
      return;
    }
    neighbours.push(other);
    (graph.outCost[at] as number[]).push(out ? cost : Number.POSITIVE_INFINITY);
    (graph.inCost[at] as number[]).push(out ? Number.POSITIVE_INFINITY : cost);
  };
  set(from, to, true);
  set(to, from, false);
};

/** Drops contracted neighbours from v's lists, so later scans stay short. */
const compact = (graph: DynamicGraph, v: number): void => {
  const neighbours = graph.neighbours[v] as number[];
  const out = graph.outCost[v] as number[];
  const into = graph.inCost[v] as number[];
  let k = 0;
  for (let i = 0; i < neighbours.length; i++) {
    const u = neighbours[i] as number;
    if (graph.contracted[u]) continue;
    neighbours[k] = u;
    out[k] = out[i] as number;
    into[k] = into[i] as number;
    k++;
  }
  neighbours.length = k;
  out.length = k;
  into.length = k;
};

export interface ContractionOptions {
  /** Settled-node bound of witness searches: lower is faster to build but adds shortcuts. */
  witnessSettleLimit?: number;
  onProgress?: (contracted: number, total: number) => void;
  signal?: { readonly aborted: boolean };
}

/** Shortcuts contracting v would add (flat triples u, w, cost). */
const shortcutsFor = (
  graph: DynamicGraph,
  v: number,
  witness: WitnessSearch,
  settleLimit: number,
  into: number[],
): number[] => {
  const shortcuts = into;
  shortcuts.length = 0;
  const neighbours = graph.neighbours[v] as number[];
  const out = graph.outCost[v] as number[];
  const inCost = graph.inCost[v] as number[];
  let maxOut = 0;
  for (let j = 0; j < neighbours.length; j++) {
    const c = out[j] as number;
    if (c < Number.POSITIVE_INFINITY && c > maxOut) maxOut = c;
  }
  for (let i = 0; i < neighbours.length; i++) {
    const toV = inCost[i] as number;
    if (toV === Number.POSITIVE_INFINITY) continue;
    const u = neighbours[i] as number;
    witness.run(graph, u, v, toV + maxOut, settleLimit);
    for (let j = 0; j < neighbours.length; j++) {
      const fromV = out[j] as number;
      const w = neighbours[j] as number;
      if (j === i || fromV === Number.POSITIVE_INFINITY) continue;
      const via = toV + fromV;
      if (witness.distanceTo(w) > via) shortcuts.push(u, w, via);
    }
  }
  return shortcuts;
};

/**
 * Orders and contracts all nodes. Importance is the edge difference (shortcuts added minus arcs removed)
 * plus the number of already contracted neighbours, which spreads contraction evenly over the map;
 * the neighbours of each contracted node are re-estimated, and a node reaching the top of the queue
 * is re-estimated once more before it is contracted (lazy updates).
 */
export const contractGraph = (forward: Adjacency, options: ContractionOptions = {}): ContractionHierarchy => {
  const n = forward.offsets.length - 1;
  const settleLimit = options.witnessSettleLimit ?? 40;
  // Priorities only estimate the shortcuts, so their witness searches can be much shorter.
  const estimateLimit = Math.max(4, Math.floor(settleLimit / 5));
  const graph: DynamicGraph = {
    neighbours: Array.from({ length: n }, () => []),
    outCost: Array.from({ length: n }, () => []),
    inCost: Array.from({ length: n }, () => []),
    contracted: new Uint8Array(n),
  };
  for (let v = 0; v < n; v++) {
    for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
      const w = forward.heads[a] as number;
      if (w !== v) connect(graph, v, w, forward.seconds[a] as number);
    }
  }
  const witness = new WitnessSearch(n);
  const deleted = new Uint32Array(n);
  const scratch: number[] = [];
  const priority = (v: number): number => {
    compact(graph, v);
    const neighbours = graph.neighbours[v] as number[];
    let removed = 0;
    for (let i = 0; i < neighbours.length; i++) {
      if ((graph.outCost[v] as number[])[i] !== Number.POSITIVE_INFINITY) removed++;
      if ((graph.inCost[v] as number[])[i] !== Number.POSITIVE_INFINITY) removed++;
    }
    const added = shortcutsFor(graph, v, witness, estimateLimit, scratch).length / 3;
    return 2 * (added - removed) + (deleted[v] as number);
  };
  const queue = new PriorityQueue(n);
  for (let v = 0; v < n; v++) queue.set(v, priority(v));

  const rank = new Uint32Array(n);
  const upTails: number[] = [];
  const upHeads: number[] = [];
  const upCosts: number[] = [];
  const downTails: number[] = [];
  const downHeads: number[] = [];
  const downCosts: number[] = [];
  let shortcutCount = 0;
  for (let next = 0; next < n; next++) {
    if (next % 4096 === 0) {
      if (options.signal?.aborted) {
        const error = new Error('the contraction was cancelled');
        error.name = 'AbortError';
        throw error;
      }
      options.onProgress?.(next, n);
    }
    let v = queue.pop();
    // Lazy update: a node whose refreshed priority is no longer the smallest goes back.
    for (;;) {
      const refreshed = priority(v);
      if (queue.size === 0 || refreshed <= queue.topKey) break;
      queue.set(v, refreshed);
      v = queue.pop();
    }
    compact(graph, v);
    const shortcuts = shortcutsFor(graph, v, witness, settleLimit, scratch);
    const neighbours = graph.neighbours[v] as number[];
    for (let i = 0; i < neighbours.length; i++) {
      const u = neighbours[i] as number;
      const out = (graph.outCost[v] as number[])[i] as number;
      const into = (graph.inCost[v] as number[])[i] as number;
      if (out < Number.POSITIVE_INFINITY) {
        upTails.push(v);
        upHeads.push(u);
        upCosts.push(out);
      }
      if (into < Number.POSITIVE_INFINITY) {
        downTails.push(v);
        downHeads.push(u);
        downCosts.push(into);
      }
      deleted[u] = (deleted[u] as number) + 1;
    }
    rank[v] = next;
    graph.contracted[v] = 1;
    for (let s = 0; s < shortcuts.length; s += 3) {
      connect(graph, shortcuts[s] as number, shortcuts[s + 1] as number, shortcuts[s + 2] as number);
    }
    shortcutCount += shortcuts.length / 3;
    for (const u of neighbours) queue.set(u, priority(u));
    graph.neighbours[v] = [];
    graph.outCost[v] = [];
    graph.inCost[v] = [];
  }
  options.onProgress?.(n, n);
  return {
    nodeCount: n,
    rank,
    upward: toAdjacency(n, Uint32Array.from(upTails), Uint32Array.from(upHeads), Float64Array.from(upCosts)),
    downward: toAdjacency(
      n,
      Uint32Array.from(downTails),
      Uint32Array.from(downHeads),
      Float64Array.from(downCosts),
    ),
    shortcutCount,
  };
};

/** Min-priority queue of node ids with float keys and a position per node, so keys can change in place. */
class PriorityQueue {
  readonly #nodes: Uint32Array;
  readonly #keys: Float64Array;
  readonly #position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.#nodes = new Uint32Array(capacity);
    this.#keys = new Float64Array(capacity);
    this.#position = new Int32Array(capacity).fill(-1);
  }

  get topKey(): number {
    return this.#keys[0] as number;
  }

  /** Ties go to the lower node id, so the order is deterministic. */
  #before(keyA: number, nodeA: number, keyB: number, nodeB: number): boolean {
    return keyA < keyB || (keyA === keyB && nodeA < nodeB);
  }

  #place(i: number, node: number, key: number): void {
    this.#nodes[i] = node;
    this.#keys[i] = key;
    this.#position[node] = i;
  }

  #up(i: number, node: number, key: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pn = this.#nodes[parent] as number;
      const pk = this.#keys[parent] as number;
      if (!this.#before(key, node, pk, pn)) break;
      this.#place(i, pn, pk);
      i = parent;
    }
    this.#place(i, node, key);
  }

  #down(i: number, node: number, key: number): void {
    const size = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (
        child + 1 < size &&
        this.#before(
          this.#keys[child + 1] as number,
          this.#nodes[child + 1] as number,
          this.#keys[child] as number,
          this.#nodes[child] as number,
        )
      )
        child++;
      const cn = this.#nodes[child] as number;
      const ck = this.#keys[child] as number;
      if (!this.#before(ck, cn, key, node)) break;
      this.#place(i, cn, ck);
      i = child;
    }
    this.#place(i, node, key);
  }

  /** Inserts the node, or moves it to its new key. */
  set(node: number, key: number): void {
    const i = this.#position[node] as number;
    if (i < 0) {
      this.#up(this.size++, node, key);
      return;
    }
    if (this.#before(key, node, this.#keys[i] as number, node)) this.#up(i, node, key);
    else this.#down(i, node, key);
  }

  has(node: number): boolean {
    return (this.#position[node] as number) >= 0;
  }

  pop(): number {
    const top = this.#nodes[0] as number;
    this.#position[top] = -1;
    const size = --this.size;
    if (size > 0) this.#down(0, this.#nodes[size] as number, this.#keys[size] as number);
    return top;
  }
}

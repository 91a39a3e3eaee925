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

/**
 * The graph while it is being contracted: each node's neighbours in one block of flat arrays, with the
 * cost to (out) and from (in) each neighbour, Infinity where that direction has no arc. A full block
 * moves to the end of the pool with twice the room, so nothing is allocated per node.
 */
class DynamicGraph {
  readonly start: Uint32Array;
  readonly degree: Uint32Array;
  readonly room: Uint32Array;
  neighbour: Uint32Array;
  outCost: Float64Array;
  inCost: Float64Array;
  #used = 0;

  constructor(nodeCount: number, arcCount: number) {
    this.start = new Uint32Array(nodeCount);
    this.degree = new Uint32Array(nodeCount);
    this.room = new Uint32Array(nodeCount);
    const capacity = Math.max(16, 2 * arcCount + 4 * nodeCount);
    this.neighbour = new Uint32Array(capacity);
    this.outCost = new Float64Array(capacity);
    this.inCost = new Float64Array(capacity);
  }

  /** Gives every node a block of `room[v]` slots, set beforehand. */
  layOut(): void {
    let used = 0;
    for (let v = 0; v < this.start.length; v++) {
      this.start[v] = used;
      used += this.room[v] as number;
    }
    this.#used = used;
    this.#ensure(used);
  }

  #ensure(size: number): void {
    if (size <= this.neighbour.length) return;
    const capacity = Math.max(size, Math.floor(this.neighbour.length * 1.5));
    const neighbour = new Uint32Array(capacity);
    neighbour.set(this.neighbour.subarray(0, this.#used));
    const outCost = new Float64Array(capacity);
    outCost.set(this.outCost.subarray(0, this.#used));
    const inCost = new Float64Array(capacity);
    inCost.set(this.inCost.subarray(0, this.#used));
    this.neighbour = neighbour;
    this.outCost = outCost;
    this.inCost = inCost;
  }

  // Positional on purpose: called for every arc and shortcut while contracting, where an options object would allocate on every call.
  /** Records the direction `out` (at → other) or in (other → at) with `cost`, keeping the cheaper. */
  #set(at: number, other: number, cost: number, out: boolean): void {
    let begin = this.start[at] as number;
    const degree = this.degree[at] as number;
    for (let i = begin; i < begin + degree; i++) {
      if (this.neighbour[i] !== other) continue;
      const costs = out ? this.outCost : this.inCost;
      if (cost < (costs[i] as number)) costs[i] = cost;
      return;
    }
    if (degree === this.room[at]) {
      const room = Math.max(4, 2 * degree);
      this.#ensure(this.#used + room);
      this.neighbour.copyWithin(this.#used, begin, begin + degree);
      this.outCost.copyWithin(this.#used, begin, begin + degree);
      this.inCost.copyWithin(this.#used, begin, begin + degree);
      begin = this.#used;
      this.start[at] = begin;
      this.room[at] = room;
      this.#used += room;
    }
    const slot = begin + degree;
    this.neighbour[slot] = other;
    this.outCost[slot] = out ? cost : Number.POSITIVE_INFINITY;
    this.inCost[slot] = out ? Number.POSITIVE_INFINITY : cost;
    this.degree[at] = degree + 1;
  }

  connect(from: number, to: number, cost: number): void {
    this.#set(from, to, cost, true);
    this.#set(to, from, cost, false);
  }

  /** Drops `other` from at's neighbours (swap with the last). */
  remove(at: number, other: number): void {
    const begin = this.start[at] as number;
    const last = begin + (this.degree[at] as number) - 1;
    for (let i = begin; i <= last; i++) {
      if (this.neighbour[i] !== other) continue;
      this.neighbour[i] = this.neighbour[last] as number;
      this.outCost[i] = this.outCost[last] as number;
      this.inCost[i] = this.inCost[last] as number;
      this.degree[at] = (this.degree[at] as number) - 1;
      return;
    }
  }
}

/**
 * Bounded Dijkstra over outgoing arcs among uncontracted nodes, avoiding the node being contracted: a
 * path no longer than a would-be shortcut proves it unnecessary. It stops at a settled-node and a hop
 * limit; a witness missed that way only adds a shortcut, never a wrong distance. Stamps make a reset free.
 */
class WitnessSearch {
  readonly #distance: Float64Array;
  readonly #hops: Uint8Array;
  readonly #stamp: Int32Array;
  readonly #target: Int32Array;
  readonly #heap: Uint32Array;
  readonly #keys: Float64Array;
  readonly #position: Int32Array;
  #round = 0;

  constructor(nodeCount: number) {
    this.#distance = new Float64Array(nodeCount);
    this.#hops = new Uint8Array(nodeCount);
    this.#stamp = new Int32Array(nodeCount);
    this.#target = new Int32Array(nodeCount);
    this.#heap = new Uint32Array(nodeCount);
    this.#keys = new Float64Array(nodeCount);
    this.#position = new Int32Array(nodeCount);
  }

  distanceTo(node: number): number {
    return this.#stamp[node] === this.#round ? (this.#distance[node] as number) : Number.POSITIVE_INFINITY;
  }

  // Positional on purpose: one witness search per neighbour pair of every contracted node, where an options object would allocate on every call.
  run(
    graph: DynamicGraph,
    source: number,
    avoid: number,
    limit: number,
    maxSettled: number,
    maxHops: number,
    targetCount: number,
  ): void {
    const round = ++this.#round;
    const stamp = this.#stamp;
    const distance = this.#distance;
    const hops = this.#hops;
    const heap = this.#heap;
    const keys = this.#keys;
    const position = this.#position;
    const target = this.#target;
    const { start, degree } = graph;
    const neighbour = graph.neighbour;
    const outCost = graph.outCost;
    stamp[source] = round;
    distance[source] = 0;
    hops[source] = 0;
    heap[0] = source;
    keys[0] = 0;
    position[source] = 0;
    let size = 1;
    let settled = 0;
    let remaining = targetCount;
    while (size > 0) {
      const v = heap[0] as number;
      const key = keys[0] as number;
      if (key > limit || ++settled > maxSettled) break;
      position[v] = -1;
      size--;
      if (size > 0) {
        const last = heap[size] as number;
        const lastKey = keys[size] as number;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          if (child + 1 < size && (keys[child + 1] as number) < (keys[child] as number)) child++;
          if ((keys[child] as number) >= lastKey) break;
          const moved = heap[child] as number;
          heap[i] = moved;
          keys[i] = keys[child] as number;
          position[moved] = i;
          i = child;
        }
        heap[i] = last;
        keys[i] = lastKey;
        position[last] = i;
      }
      if (target[v] === round && --remaining === 0) break;
      const hop = (hops[v] as number) + 1;
      if (hop > maxHops) continue;
      const begin = start[v] as number;
      const end = begin + (degree[v] as number);
      for (let a = begin; a < end; a++) {
        const cost = outCost[a] as number;
        if (cost === Number.POSITIVE_INFINITY) continue;
        const w = neighbour[a] as number;
        if (w === avoid) continue;
        const candidate = key + cost;
        let i: number;
        if (stamp[w] === round) {
          if (candidate >= (distance[w] as number)) continue;
          i = position[w] as number;
          if (i < 0) continue; // settled already
        } else {
          stamp[w] = round;
          i = size++;
        }
        distance[w] = candidate;
        hops[w] = hop;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if ((keys[parent] as number) <= candidate) break;
          const moved = heap[parent] as number;
          heap[i] = moved;
          keys[i] = keys[parent] as number;
          position[moved] = i;
          i = parent;
        }
        heap[i] = w;
        keys[i] = candidate;
        position[w] = i;
      }
    }
  }

  /** Marks the nodes the next run may stop after settling (they share the next round's number). */
  markTarget(node: number): void {
    this.#target[node] = this.#round + 1;
  }
}

export interface ContractionOptions {
  /** Settled-node bound of witness searches: lower is faster to build but adds shortcuts. */
  witnessSettleLimit?: number;
  /** Hop bound of witness searches. */
  witnessHopLimit?: number;
  onProgress?: (contracted: number, total: number) => void;
  signal?: { readonly aborted: boolean };
}

// Positional on purpose: called for every node at each priority update of the contraction, where an options object would allocate on every call.
/** Shortcuts contracting v would add (flat triples u, w, cost, into `shortcuts`); returns how many. */
const shortcutsFor = (
  graph: DynamicGraph,
  v: number,
  witness: WitnessSearch,
  settleLimit: number,
  hopLimit: number,
  shortcuts: number[],
): number => {
  shortcuts.length = 0;
  const begin = graph.start[v] as number;
  const end = begin + (graph.degree[v] as number);
  const { neighbour, outCost, inCost } = graph;
  let maxOut = 0;
  let outCount = 0;
  for (let j = begin; j < end; j++) {
    const c = outCost[j] as number;
    if (c === Number.POSITIVE_INFINITY) continue;
    outCount++;
    if (c > maxOut) maxOut = c;
  }
  if (outCount === 0) return 0;
  let count = 0;
  for (let i = begin; i < end; i++) {
    const toV = inCost[i] as number;
    if (toV === Number.POSITIVE_INFINITY) continue;
    const u = neighbour[i] as number;
    let targets = 0;
    for (let j = begin; j < end; j++) {
      if (j === i || outCost[j] === Number.POSITIVE_INFINITY) continue;
      witness.markTarget(neighbour[j] as number);
      targets++;
    }
    if (targets === 0) continue;
    witness.run(graph, u, v, toV + maxOut, settleLimit, hopLimit, targets);
    for (let j = begin; j < end; j++) {
      const fromV = outCost[j] as number;
      if (j === i || fromV === Number.POSITIVE_INFINITY) continue;
      const w = neighbour[j] as number;
      const via = toV + fromV;
      if (witness.distanceTo(w) > via) {
        shortcuts.push(u, w, via);
        count++;
      }
    }
  }
  return count;
};

/**
 * Orders and contracts all nodes. Importance is the edge difference (shortcuts added minus arcs removed),
 * plus the number of already contracted neighbours, which spreads contraction evenly over the map, plus
 * the node's level (one above its highest contracted neighbour), which keeps the hierarchy shallow. The
 * neighbours of each contracted node are re-estimated, and a node reaching the top of the queue is
 * re-estimated once more before it is contracted (lazy updates).
 */
export const contractGraph = (forward: Adjacency, options: ContractionOptions = {}): ContractionHierarchy => {
  const n = forward.offsets.length - 1;
  const settleLimit = options.witnessSettleLimit ?? 60;
  const hopLimit = Math.min(255, options.witnessHopLimit ?? 8);
  // Priorities only estimate the shortcuts, so their witness searches can be much shorter.
  const estimateLimit = Math.max(4, Math.floor(settleLimit / 4));
  const estimateHops = Math.min(hopLimit, 3);
  const graph = new DynamicGraph(n, forward.heads.length);
  for (let v = 0; v < n; v++) {
    for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
      const w = forward.heads[a] as number;
      if (w === v) continue;
      graph.room[v] = (graph.room[v] as number) + 1;
      graph.room[w] = (graph.room[w] as number) + 1;
    }
  }
  graph.layOut();
  for (let v = 0; v < n; v++) {
    for (let a = forward.offsets[v] as number; a < (forward.offsets[v + 1] as number); a++) {
      const w = forward.heads[a] as number;
      if (w !== v) graph.connect(v, w, forward.seconds[a] as number);
    }
  }
  const witness = new WitnessSearch(n);
  const deleted = new Uint32Array(n);
  const level = new Uint32Array(n);
  const scratch: number[] = [];
  const priority = (v: number): number => {
    const begin = graph.start[v] as number;
    const end = begin + (graph.degree[v] as number);
    let removed = 0;
    for (let i = begin; i < end; i++) {
      if (graph.outCost[i] !== Number.POSITIVE_INFINITY) removed++;
      if (graph.inCost[i] !== Number.POSITIVE_INFINITY) removed++;
    }
    const added = shortcutsFor(graph, v, witness, estimateLimit, estimateHops, scratch);
    return 2 * (added - removed) + (deleted[v] as number) + (level[v] as number);
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
  const neighbours: number[] = [];
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
    const count = shortcutsFor(graph, v, witness, settleLimit, hopLimit, scratch);
    const begin = graph.start[v] as number;
    const end = begin + (graph.degree[v] as number);
    neighbours.length = 0;
    for (let i = begin; i < end; i++) {
      const u = graph.neighbour[i] as number;
      const out = graph.outCost[i] as number;
      const into = graph.inCost[i] as number;
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
      if ((level[v] as number) + 1 > (level[u] as number)) level[u] = (level[v] as number) + 1;
      neighbours.push(u);
    }
    rank[v] = next;
    for (const u of neighbours) graph.remove(u, v);
    graph.degree[v] = 0;
    for (let s = 0; s < count * 3; s += 3) {
      graph.connect(scratch[s] as number, scratch[s + 1] as number, scratch[s + 2] as number);
    }
    shortcutCount += count;
    for (const u of neighbours) queue.set(u, priority(u));
  }
  options.onProgress?.(n, n);
  return {
    nodeCount: n,
    rank,
    upward: toAdjacency(n, {
      tails: Uint32Array.from(upTails),
      heads: Uint32Array.from(upHeads),
      seconds: Float64Array.from(upCosts),
    }),
    downward: toAdjacency(n, {
      tails: Uint32Array.from(downTails),
      heads: Uint32Array.from(downHeads),
      seconds: Float64Array.from(downCosts),
    }),
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

  // Positional on purpose: the heap's comparison, called at every sift step, where an options object would allocate on every call.
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

import type { Adjacency } from './csr.js';

/**
 * One-to-all shortest paths with a binary heap kept in typed arrays (node ids, their keys, and each
 * node's heap position for decrease-key). The workspace is reused between searches, so a matrix of
 * hundreds of searches allocates nothing after the first.
 */
export class ShortestPathSearch {
  readonly distance: Float64Array;
  readonly #heap: Uint32Array;
  readonly #keys: Float64Array;
  readonly #position: Int32Array;
  readonly #target: Uint8Array;

  constructor(readonly nodeCount: number) {
    this.distance = new Float64Array(nodeCount);
    this.#heap = new Uint32Array(nodeCount);
    this.#keys = new Float64Array(nodeCount);
    this.#position = new Int32Array(nodeCount);
    this.#target = new Uint8Array(nodeCount);
  }

  // Positional on purpose: one search per origin (thousands per matrix, in the inner loop of the workers), where an options object would allocate on every call.
  /**
   * Fills `distance` from `source` over `adjacency` (Infinity where unreachable). Stops early once every
   * node in `targets` is settled, or once keys pass `limit`; after a stop at `limit`, distances above it
   * may be tentative and mean "farther than the limit".
   */
  run(adjacency: Adjacency, source: number, targets?: Uint32Array, limit = Number.POSITIVE_INFINITY): void {
    const { offsets, heads, seconds } = adjacency;
    const distance = this.distance;
    const heap = this.#heap;
    const keys = this.#keys;
    const position = this.#position;
    const target = this.#target;
    distance.fill(Number.POSITIVE_INFINITY);
    position.fill(-1);
    let remaining = Number.POSITIVE_INFINITY;
    if (targets) {
      target.fill(0);
      remaining = 0;
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i] as number;
        if (!target[t]) {
          target[t] = 1;
          remaining++;
        }
      }
    }
    distance[source] = 0;
    heap[0] = source;
    keys[0] = 0;
    position[source] = 0;
    let size = 1;
    while (size > 0) {
      const v = heap[0] as number;
      const dv = keys[0] as number;
      if (dv > limit) break;
      position[v] = -2;
      size--;
      if (size > 0) {
        // Move the last entry to the root and sift it down.
        const last = heap[size] as number;
        const lastKey = keys[size] as number;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          const right = child + 1;
          if (right < size && (keys[right] as number) < (keys[child] as number)) child = right;
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
      if (targets && target[v] && --remaining === 0) break;
      const end = offsets[v + 1] as number;
      for (let a = offsets[v] as number; a < end; a++) {
        const w = heads[a] as number;
        const candidate = dv + (seconds[a] as number);
        if (candidate >= (distance[w] as number)) continue;
        distance[w] = candidate;
        let i = position[w] as number;
        if (i === -1) i = size++;
        // Sift up from i (a new leaf, or w's current slot whose key just fell).
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
}

import type { Adjacency } from './csr.js';

const reach = (adjacency: Adjacency, start: number, within: Uint8Array | undefined): Uint8Array => {
  const seen = new Uint8Array(adjacency.offsets.length - 1);
  const stack = new Uint32Array(seen.length);
  let top = 0;
  seen[start] = 1;
  stack[top++] = start;
  while (top > 0) {
    const v = stack[--top] as number;
    const end = adjacency.offsets[v + 1] as number;
    for (let a = adjacency.offsets[v] as number; a < end; a++) {
      const w = adjacency.heads[a] as number;
      if (seen[w] || (within && !within[w])) continue;
      seen[w] = 1;
      stack[top++] = w;
    }
  }
  return seen;
};

/** Undirected components: labels and the label of the biggest. */
const weakComponents = (forward: Adjacency, backward: Adjacency): { label: Int32Array; biggest: number } => {
  const n = forward.offsets.length - 1;
  const label = new Int32Array(n).fill(-1);
  const stack = new Uint32Array(n);
  let biggest = -1;
  let biggestSize = 0;
  let next = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue;
    const id = next++;
    let size = 0;
    let top = 0;
    label[s] = id;
    stack[top++] = s;
    while (top > 0) {
      const v = stack[--top] as number;
      size++;
      for (const adjacency of [forward, backward]) {
        const end = adjacency.offsets[v + 1] as number;
        for (let a = adjacency.offsets[v] as number; a < end; a++) {
          const w = adjacency.heads[a] as number;
          if (label[w] !== -1) continue;
          label[w] = id;
          stack[top++] = w;
        }
      }
    }
    if (size > biggestSize) {
      biggestSize = size;
      biggest = id;
    }
  }
  return { label, biggest };
};

/**
 * Marks the strongly connected component of the largest weak component's most connected node. On road
 * networks nearly all of a weak component is one strong component (one-way streets join back), so this
 * is the main network, found with three linear passes instead of a full Tarjan.
 */
export const largestStrongComponent = (forward: Adjacency, backward: Adjacency): Uint8Array => {
  const n = forward.offsets.length - 1;
  if (n === 0) return new Uint8Array(0);
  const { label, biggest } = weakComponents(forward, backward);
  const inBiggest = new Uint8Array(n);
  let root = -1;
  let rootDegree = -1;
  for (let v = 0; v < n; v++) {
    if (label[v] !== biggest) continue;
    inBiggest[v] = 1;
    const degree = (forward.offsets[v + 1] as number) - (forward.offsets[v] as number);
    if (degree > rootDegree) {
      rootDegree = degree;
      root = v;
    }
  }
  const out = reach(forward, root, inBiggest);
  const back = reach(backward, root, inBiggest);
  for (let v = 0; v < n; v++) out[v] = (out[v] as number) & (back[v] as number);
  return out;
};

/**
 * Adjacency in compressed sparse row form: the arcs leaving node v are offsets[v] … offsets[v+1]-1,
 * each with its head and its cost in seconds. Typed arrays keep a million arcs in a few megabytes and
 * let them travel to a worker thread as one copy.
 */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly heads: Uint32Array;
  readonly seconds: Float64Array;
}

/** Arcs tail → head with costs, in any order, into CSR (a counting sort by tail, stable). */
export const toAdjacency = (
  nodeCount: number,
  { tails, heads, seconds }: { tails: Uint32Array; heads: Uint32Array; seconds: Float64Array },
): Adjacency => {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let a = 0; a < tails.length; a++)
    offsets[(tails[a] as number) + 1] = (offsets[(tails[a] as number) + 1] as number) + 1;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] = (offsets[v + 1] as number) + (offsets[v] as number);
  const next = offsets.slice(0, nodeCount);
  const sortedHeads = new Uint32Array(tails.length);
  const sortedSeconds = new Float64Array(tails.length);
  for (let a = 0; a < tails.length; a++) {
    const tail = tails[a] as number;
    const slot = next[tail] as number;
    next[tail] = slot + 1;
    sortedHeads[slot] = heads[a] as number;
    sortedSeconds[slot] = seconds[a] as number;
  }
  return { offsets, heads: sortedHeads, seconds: sortedSeconds };
};

/**
 * How each node reaches the main network: 0 by road, 1 only by ferry, 2 not at all. The main network
 * is the piece holding the snappable nodes (the largest strongly connected component); pieces are
 * taken undirected, by union-find over the arcs, once with ferries and once without.
 */
export const nodeReachCodes = { road: 0, ferryOnly: 1, unreachable: 2 } as const;

const unionFind = (nodeCount: number) => {
  const parent = Int32Array.from({ length: nodeCount }, (_, i) => i);
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[v] !== root) {
      const next = parent[v] as number;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  return {
    find,
    union: (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[ra] = rb;
    },
  };
};

/** The root holding the most snappable nodes. */
const mainRoot = (find: (v: number) => number, snappable: Uint8Array): number => {
  const counts = new Map<number, number>();
  let best = -1;
  let bestCount = 0;
  for (let v = 0; v < snappable.length; v++) {
    if (snappable[v] !== 1) continue;
    const root = find(v);
    const count = (counts.get(root) ?? 0) + 1;
    counts.set(root, count);
    if (count > bestCount) [best, bestCount] = [root, count];
  }
  return best;
};

export const nodeReach = (input: {
  nodeCount: number;
  tails: Uint32Array;
  heads: Uint32Array;
  /** 1 for a ferry arc, aligned with tails; absent when the network has no ferries. */
  ferry: Uint8Array | undefined;
  snappable: Uint8Array;
}): Uint8Array => {
  const { nodeCount, tails, heads, ferry, snappable } = input;
  const all = unionFind(nodeCount);
  const byRoad = unionFind(nodeCount);
  for (let a = 0; a < tails.length; a++) {
    all.union(tails[a] as number, heads[a] as number);
    if (ferry?.[a] !== 1) byRoad.union(tails[a] as number, heads[a] as number);
  }
  const main = mainRoot(all.find, snappable);
  const mainByRoad = mainRoot(byRoad.find, snappable);
  const reach = new Uint8Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    reach[v] =
      all.find(v) !== main
        ? nodeReachCodes.unreachable
        : byRoad.find(v) !== mainByRoad
          ? nodeReachCodes.ferryOnly
          : nodeReachCodes.road;
  }
  return reach;
};

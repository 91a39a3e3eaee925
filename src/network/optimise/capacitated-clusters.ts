import type { PreparedProblem } from './types.js';

/** One open site with the demands it serves in some solution, and what serving them costs. */
export interface Cluster {
  site: number;
  members: Int32Array;
  cost: number;
  /** The value of the best solution the cluster was met in. */
  seen: number;
}

/**
 * The distinct clusters of the good solutions a search settles on. Solutions from different basins often
 * get different regions right; a set partitioning over their clusters (see `capacitated-partition.ts`)
 * combines the best parts of each, which no exchange of single demands or medians reaches.
 */
export class ClusterPool {
  private readonly byKey = new Map<string, Cluster>();
  private added = 0;

  /** `limit`: clusters kept at most; beyond it those met only in the worst solutions go. */
  constructor(
    private readonly problem: PreparedProblem,
    private readonly cost: Float64Array,
    private readonly limit = 20_000,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Clusters added since the pool was made (a pool only grows between prunings). */
  get additions(): number {
    return this.added;
  }

  clusters(): Cluster[] {
    return [...this.byKey.values()];
  }

  /** At most `count` clusters, those met in the best solutions. */
  best(count: number): Cluster[] {
    const all = this.clusters();
    return all.length <= count ? all : all.sort((a, b) => a.seen - b.seen).slice(0, count);
  }

  /** Adds the clusters of a feasible solution of value `value`. */
  add(sites: Int32Array, assignment: Int32Array, value: number): void {
    const { n, m } = this.problem;
    const members = new Map<number, number[]>();
    for (const k of sites) members.set(k, []);
    for (let i = 0; i < n; i++) members.get(assignment[i] as number)?.push(i);
    for (const [site, list] of members) {
      const key = `${site}:${list.join(',')}`;
      const known = this.byKey.get(key);
      if (known !== undefined) {
        if (value < known.seen) known.seen = value;
        continue;
      }
      let cost = 0;
      for (const i of list) cost += this.cost[i * m + site] as number;
      this.byKey.set(key, { site, members: Int32Array.from(list), cost, seen: value });
      this.added++;
    }
    if (this.byKey.size > this.limit) this.prune();
  }

  /** Adds clusters another pool collected. */
  merge(clusters: Cluster[]): void {
    for (const c of clusters) {
      const key = `${c.site}:${c.members.join(',')}`;
      const known = this.byKey.get(key);
      if (known === undefined) this.byKey.set(key, c);
      else if (c.seen < known.seen) known.seen = c.seen;
    }
    if (this.byKey.size > this.limit) this.prune();
  }

  /** Keeps the three quarters of the limit met in the best solutions. */
  private prune(): void {
    const kept = [...this.byKey.entries()].sort((a, b) => a[1].seen - b[1].seen);
    this.byKey.clear();
    for (const [key, cluster] of kept.slice(0, Math.floor(0.75 * this.limit))) this.byKey.set(key, cluster);
  }
}

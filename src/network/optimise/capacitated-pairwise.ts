import type { Assigner } from './capacitated-assigner.js';
import type { NearestClosed } from './nearest-closed.js';
import { seededRandom } from './random.js';
import type { PreparedProblem } from './types.js';

/** Capacities above which the dynamic programme's table would grow too large. */
const largestTableCapacity = 20_000;

/** Two clusters merged for re-optimisation: their demands, total demand and current cost. */
interface PairCluster {
  a: number;
  b: number;
  members: number[];
  total: number;
  current: number;
}

/** The best replacement found for a pair: medians s and t, with `load` of the demand going to s. */
interface PairSplit {
  s: number;
  t: number;
  load: number;
}

/**
 * Pairwise re-optimisation: for two neighbouring clusters, choose their two medians among nearby sites
 * and split their demand between them optimally (a two-bin assignment solved by dynamic programming
 * over the load of one bin). Only for integral demand, where loads index the table exactly.
 */
export class PairwiseSplitter {
  private readonly integralDemands: boolean;
  private readonly table: Float64Array;
  private readonly choice: Uint8Array;

  /**
   * Pairs of clusters, each by median and members, whose best split is known to be no better than
   * they are: a search that moves a median or two leaves most clusters as they were, and their pairs
   * need no second table.
   */
  private readonly settled = new Set<string>();
  private readonly signature: Float64Array;
  private readonly memberKey: Float64Array;

  private readonly assigner: Assigner;
  private readonly open: Uint8Array;
  private readonly nearestClosed: NearestClosed;

  constructor(
    private readonly problem: PreparedProblem,
    { assigner, open, nearestClosed }: { assigner: Assigner; open: Uint8Array; nearestClosed: NearestClosed },
  ) {
    this.assigner = assigner;
    this.open = open;
    this.nearestClosed = nearestClosed;
    const { n, m } = problem;
    let integralDemands = true;
    let largestCapacity = 0;
    for (let i = 0; i < n; i++) if (!Number.isInteger(problem.demands[i])) integralDemands = false;
    for (let k = 0; k < m; k++) {
      const cap = problem.capacities[k] as number;
      if (Number.isFinite(cap)) largestCapacity = Math.max(largestCapacity, Math.floor(cap + 1e-9));
    }
    if (largestCapacity > largestTableCapacity) integralDemands = false;
    this.integralDemands = integralDemands;
    this.table = new Float64Array(largestCapacity + 1);
    this.choice = new Uint8Array(integralDemands ? n * (largestCapacity + 1) : 1);
    this.signature = new Float64Array(m);
    // Random keys per demand: a cluster's signature is the sum of its members' keys.
    const random = seededRandom(0x5eed);
    this.memberKey = Float64Array.from({ length: n }, () => Math.floor(random.next() * 2 ** 40));
  }

  /** Each open site's signature: the sum of its members' keys. */
  private sign(sites: Int32Array): void {
    for (const k of sites) this.signature[k] = 0;
    for (let i = 0; i < this.problem.n; i++) this.addToSignature(i);
  }

  /** Adds demand i's key to the signature of the site now serving it. */
  private addToSignature(i: number): void {
    const k = this.assigner.assignment[i] as number;
    this.signature[k] = (this.signature[k] as number) + (this.memberKey[i] as number);
  }

  /** Applies every improvement found for the pairs of neighbouring clusters; true if any. */
  improve(sites: Int32Array, stop: () => boolean): boolean {
    if (!this.integralDemands) return false;
    const position = new Int32Array(this.problem.m).fill(-1);
    for (let t = 0; t < sites.length; t++) position[sites[t] as number] = t;
    let improvedAny = false;
    const members: number[] = [];
    this.sign(sites);
    if (this.settled.size > 200_000) this.settled.clear();
    for (const key of this.neighbourPairs(sites)) {
      if (stop()) break;
      const a = Math.floor(key / this.problem.m);
      const b = key % this.problem.m;
      if (position[a] === -1 || position[b] === -1) continue; // moved by an earlier improvement
      const known = `${a}:${this.signature[a]}:${b}:${this.signature[b]}`;
      if (this.settled.has(known)) continue;
      const cluster = this.cluster(a, b, members);
      const split = this.bestSplit(cluster);
      if (split === null) {
        this.settled.add(known);
        continue;
      }
      this.assignSplit(cluster, split);
      this.replaceMedians({ sites, position }, cluster, split);
      this.signature[split.s] = 0;
      this.signature[split.t] = 0;
      for (const i of cluster.members) this.addToSignature(i);
      improvedAny = true;
    }
    return improvedAny;
  }

  /** Each demand's site paired with its next cheapest open site, as `min · m + max`. */
  private neighbourPairs(sites: Int32Array): Set<number> {
    const { n, m } = this.problem;
    const { cost, assignment } = this.assigner;
    const pairs = new Set<number>();
    for (let i = 0; i < n; i++) {
      const a = assignment[i] as number;
      let other = -1;
      let cheapest = Number.POSITIVE_INFINITY;
      for (const s of sites) {
        if (s !== a && (cost[i * m + s] as number) < cheapest) {
          cheapest = cost[i * m + s] as number;
          other = s;
        }
      }
      if (other >= 0) pairs.add(Math.min(a, other) * m + Math.max(a, other));
    }
    return pairs;
  }

  private cluster(a: number, b: number, members: number[]): PairCluster {
    const { n, m } = this.problem;
    const { cost, assignment, demands } = this.assigner;
    members.length = 0;
    let total = 0;
    let current = 0;
    for (let i = 0; i < n; i++) {
      const k = assignment[i] as number;
      if (k === a || k === b) {
        members.push(i);
        total += demands[i] as number;
        current += cost[i * m + k] as number;
      }
    }
    return { a, b, members, total, current };
  }

  /** The two medians now, and closed sites near their demand, up to eight. */
  private candidateSites({ a, b, members }: PairCluster): number[] {
    const candidates = new Set<number>([a, b]);
    for (const i of members) {
      if (candidates.size >= 8) break;
      for (const s of this.nearestClosed(i, this.open, 1)) candidates.add(s);
    }
    return [...candidates];
  }

  /** The cheapest split over ordered pairs of candidate medians, if cheaper than the clusters now. */
  private bestSplit(cluster: PairCluster): PairSplit | null {
    const { fixed } = this.problem;
    const { capacities } = this.assigner;
    const { a, b, total, current } = cluster;
    const table = this.table;
    const list = this.candidateSites(cluster);
    let best = current - 1e-9 * Math.max(1, current);
    let split: PairSplit | null = null;
    for (let u = 0; u < list.length; u++) {
      for (let v = 0; v < list.length; v++) {
        const sSite = list[u] as number;
        const tSite = list[v] as number;
        if (sSite === tSite) continue;
        // A fixed median must stay; the pair (s, t) replaces (a, b) in that order only once.
        if ((fixed[a] === 1 && sSite !== a && tSite !== a) || (fixed[b] === 1 && sSite !== b && tSite !== b))
          continue;
        if (u > v && fixed[a] === 0 && fixed[b] === 0) continue;
        // With integral demand a load fits a capacity exactly when it fits its integer part.
        const capS = Math.min(Math.floor((capacities[sSite] as number) + 1e-9), total);
        const capT = Math.floor((capacities[tSite] as number) + 1e-9);
        const low = Math.max(0, total - capT);
        if (low > capS) continue;
        // Each demand at the nearer of the two is a bound no split beats: most far pairs end here.
        if (this.nearerOfTwo(cluster.members, sSite, tSite) >= best) continue;
        this.fillTable(cluster.members, { s: sSite, t: tSite, capS, keep: false });
        for (let c = low; c <= capS; c++) {
          if ((table[c] as number) < best) {
            best = table[c] as number;
            split = { s: sSite, t: tSite, load: c };
          }
        }
      }
    }
    return split;
  }

  /** The cost of every member at the cheaper of s and t, capacities aside. */
  private nearerOfTwo(members: number[], s: number, t: number): number {
    const { m } = this.problem;
    const { cost } = this.assigner;
    let sum = 0;
    for (const i of members) sum += Math.min(cost[i * m + s] as number, cost[i * m + t] as number);
    return sum;
  }

  /**
   * table[c]: the cheapest cost of sending demand of exactly c to s and the rest to t. With `keep`, also
   * records in `choice` whether each member went to s, for walking back.
   */
  private fillTable(
    members: number[],
    { s, t, capS, keep }: { s: number; t: number; capS: number; keep: boolean },
  ): void {
    const { m } = this.problem;
    const { cost, demands } = this.assigner;
    const { table, choice } = this;
    const width = capS + 1;
    table.fill(Number.POSITIVE_INFINITY, 0, width);
    table[0] = 0;
    members.forEach((i, idx) => {
      const q = demands[i] as number;
      const cs = cost[i * m + s] as number;
      const ct = cost[i * m + t] as number;
      for (let c = capS; c >= 0; c--) {
        const viaT = (table[c] as number) + ct;
        const viaS = c >= q ? (table[c - q] as number) + cs : Number.POSITIVE_INFINITY;
        if (keep) {
          const takeS = viaS < viaT;
          table[c] = takeS ? viaS : viaT;
          choice[idx * width + c] = takeS ? 1 : 0;
        } else {
          table[c] = Math.min(viaS, viaT);
        }
      }
    });
  }

  /** Recomputes the winning table keeping the choices, then walks back to each member's median. */
  private assignSplit({ members, total }: PairCluster, split: PairSplit): void {
    const { assignment, demands, capacities } = this.assigner;
    const capS = Math.min(Math.floor((capacities[split.s] as number) + 1e-9), total);
    const width = capS + 1;
    this.fillTable(members, { s: split.s, t: split.t, capS, keep: true });
    let c = split.load;
    for (let idx = members.length - 1; idx >= 0; idx--) {
      const i = members[idx] as number;
      if (this.choice[idx * width + c] === 1) {
        assignment[i] = split.s;
        c -= demands[i] as number;
      } else {
        assignment[i] = split.t;
      }
    }
  }

  /** Puts s and t in the places of a and b among the sites, with their loads. */
  private replaceMedians(
    { sites, position }: { sites: Int32Array; position: Int32Array },
    cluster: PairCluster,
    split: PairSplit,
  ) {
    const { open } = this;
    const { load } = this.assigner;
    const { a, b, total } = cluster;
    const { s, t } = split;
    const ta = position[a] as number;
    const tb = position[b] as number;
    position[a] = -1;
    position[b] = -1;
    open[a] = 0;
    open[b] = 0;
    load[a] = 0;
    load[b] = 0;
    const sAt = s === b || t === a ? tb : ta;
    const tAt = sAt === ta ? tb : ta;
    sites[sAt] = s;
    sites[tAt] = t;
    position[s] = sAt;
    position[t] = tAt;
    open[s] = 1;
    open[t] = 1;
    load[s] = split.load;
    load[t] = total - split.load;
  }
}

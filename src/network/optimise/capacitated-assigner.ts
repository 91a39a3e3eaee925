import { repairOverload } from './capacitated-repair.js';
import type { PreparedProblem } from './types.js';

/**
 * The assignment half of the capacitated p-median: which open site serves each demand, and the load that
 * puts on each site. A fresh assignment comes from a regret heuristic for the generalised assignment
 * problem (Martello & Toth); `capacitated-moves.ts` improves it in place.
 */
export class Assigner {
  readonly n: number;
  readonly m: number;
  /** Weighted cost n × m. */
  readonly cost: Float64Array;
  readonly demands: Float64Array;
  readonly capacities: Float64Array;
  readonly assignment: Int32Array;
  readonly load: Float64Array;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly regret: Float64Array;
  private readonly done: Uint8Array;

  /** `cost`: the weighted costs when the caller has them already. */
  constructor(problem: PreparedProblem, cost?: Float64Array) {
    const { n, m, dist, weights } = problem;
    this.n = n;
    this.m = m;
    this.cost = cost ?? new Float64Array(n * m);
    for (let i = 0; i < n && cost === undefined; i++) {
      const w = weights[i] as number;
      for (let k = 0; k < m; k++) this.cost[i * m + k] = w * (dist[i * m + k] as number);
    }
    this.demands = problem.demands;
    this.capacities = problem.capacities;
    this.assignment = new Int32Array(n);
    this.load = new Float64Array(m);
    this.first = new Int32Array(n);
    this.second = new Int32Array(n);
    this.regret = new Float64Array(n);
    this.done = new Uint8Array(n);
  }

  /**
   * Swaps the sites of demands i and j when that saves more than rounding and both still fit; true if it
   * did. `gainI` is what i saves by moving to j's site (the callers have it already, to skip early).
   */
  swapIfCheaper(i: number, j: number, gainI: number): boolean {
    const { m, cost, demands, load, capacities, assignment } = this;
    const a = assignment[i] as number;
    const b = assignment[j] as number;
    const qi = demands[i] as number;
    const qj = demands[j] as number;
    const delta = (cost[j * m + a] as number) - (cost[j * m + b] as number) - gainI;
    const fits =
      delta < -1e-9 &&
      (load[a] as number) - qi + qj <= (capacities[a] as number) + 1e-9 &&
      (load[b] as number) - qj + qi <= (capacities[b] as number) + 1e-9;
    if (!fits) return false;
    assignment[i] = b;
    assignment[j] = a;
    load[a] = (load[a] as number) - qi + qj;
    load[b] = (load[b] as number) - qj + qi;
    return true;
  }

  /**
   * Regret assignment to the given open sites. A demand that finds no room goes where the least room is
   * missing, and the overload is then repaired by shifts and swaps of demand; false when the repair
   * leaves some site over its capacity (which proves nothing: the caller may test feasibility exactly).
   * The regret pass (O(n²)) always places every demand, so that even a spent budget leaves a solution:
   * once `stop` says so, the demand not yet placed goes greedily, largest first, to its cheapest site
   * with room (O(n · p)).
   */
  assign(sites: Int32Array, stop: () => boolean = () => false): boolean {
    const { n, demands, load, capacities } = this;
    load.fill(0);
    this.done.fill(0);
    let overloaded = false;
    for (let i = 0; i < n; i++) {
      if ((i & 255) === 255 && stop()) return this.placeGreedily(sites, false, stop);
      this.rank(i, sites);
    }
    for (let placed = 0; placed < n; placed++) {
      if ((placed & 63) === 63 && stop()) return this.placeGreedily(sites, overloaded, stop);
      const pick = this.mostUrgent();
      let k = this.first[pick] as number;
      if (k < 0) {
        k = this.roomiest(sites);
        overloaded = true;
      }
      this.done[pick] = 1;
      this.assignment[pick] = k;
      load[k] = (load[k] as number) + (demands[pick] as number);
      const room = (capacities[k] as number) - (load[k] as number) + 1e-9;
      for (let i = 0; i < n; i++) {
        if (
          this.done[i] === 0 &&
          (this.first[i] === k || this.second[i] === k) &&
          (demands[i] as number) > room
        ) {
          this.rank(i, sites);
        }
      }
    }
    return !overloaded || repairOverload(this, sites, stop);
  }

  /**
   * The rest of a stopped regret pass (`overloaded` when what it placed already overloads a site): largest
   * demand first, each to its cheapest open site with room, else to the roomiest; then the overload
   * repaired as far as `stop` allows.
   */
  private placeGreedily(sites: Int32Array, overloadedBefore: boolean, stop: () => boolean): boolean {
    const { n, m, cost, demands, load } = this;
    const rest: number[] = [];
    for (let i = 0; i < n; i++) if (this.done[i] === 0) rest.push(i);
    rest.sort((a, b) => (demands[b] as number) - (demands[a] as number) || a - b);
    let overloaded = overloadedBefore;
    for (const i of rest) {
      const q = demands[i] as number;
      let k = -1;
      for (const s of sites) {
        if ((load[s] as number) + q > (this.capacities[s] as number) + 1e-9) continue;
        if (k < 0 || (cost[i * m + s] as number) < (cost[i * m + k] as number)) k = s;
      }
      if (k < 0) {
        k = this.roomiest(sites);
        overloaded = true;
      }
      this.done[i] = 1;
      this.assignment[i] = k;
      load[k] = (load[k] as number) + q;
    }
    return !overloaded || repairOverload(this, sites, stop);
  }

  /** The open site with the most room left (possibly none). */
  private roomiest(sites: Int32Array): number {
    let best = sites[0] as number;
    for (const k of sites) {
      if (
        (this.capacities[k] as number) - (this.load[k] as number) >
        (this.capacities[best] as number) - (this.load[best] as number)
      )
        best = k;
    }
    return best;
  }

  total(): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += this.cost[i * this.m + (this.assignment[i] as number)] as number;
    return sum;
  }

  /** The two cheapest sites with room for demand i, and the regret of losing the first. */
  private rank(i: number, sites: Int32Array): void {
    const { m, cost, load, capacities } = this;
    const q = this.demands[i] as number;
    let a = -1;
    let b = -1;
    let ca = Number.POSITIVE_INFINITY;
    let cb = Number.POSITIVE_INFINITY;
    for (let t = 0; t < sites.length; t++) {
      const k = sites[t] as number;
      if ((load[k] as number) + q > (capacities[k] as number) + 1e-9) continue;
      const c = cost[i * m + k] as number;
      if (c < ca) {
        b = a;
        cb = ca;
        a = k;
        ca = c;
      } else if (c < cb) {
        b = k;
        cb = c;
      }
    }
    this.first[i] = a;
    this.second[i] = b;
    // A demand with one place left must go first; larger demand breaks ties, being harder to place.
    this.regret[i] = a < 0 ? Number.POSITIVE_INFINITY : b < 0 ? 1e300 : cb - ca;
  }

  /** The unplaced demand of largest regret. */
  private mostUrgent(): number {
    const { n, demands } = this;
    let pick = -1;
    let bestRegret = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (this.done[i] === 1) continue;
      const r = this.regret[i] as number;
      if (r > bestRegret || (r === bestRegret && (demands[i] as number) > (demands[pick] as number))) {
        bestRegret = r;
        pick = i;
      }
    }
    return pick;
  }
}

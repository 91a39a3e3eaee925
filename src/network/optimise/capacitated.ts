import type { Random } from './random.js';
import { type Budget, outOfBudget, type PreparedProblem } from './types.js';

/**
 * Capacitated p-median with single-source assignment (the capacitated clustering problem of Osman &
 * Christofides): each demand goes whole to one open site, and the demand a site serves stays within its
 * capacity. Open sites come from a variable neighbourhood search over medians; each candidate set of
 * medians is assigned by a regret heuristic for the generalised assignment problem (Martello & Toth),
 * improved by shifts and pairwise swaps of demand, and its medians are moved to their cluster's best site.
 */
export interface CapacitatedSolution {
  sites: Int32Array;
  assignment: Int32Array;
  objective: number;
  feasible: boolean;
  iterations: number;
  /**
   * The best few distinct median sets met during the search (best first, the best solution among them),
   * each with its heuristic assignment: an exact assignment can reorder sets whose values differ by a unit.
   */
  elite: EliteSolution[];
}

export interface EliteSolution {
  sites: Int32Array;
  assignment: Int32Array;
  objective: number;
}

/** Median sets kept for the exact assignment at the end. */
const eliteSize = 8;

class Assigner {
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

  constructor(problem: PreparedProblem) {
    const { n, m, dist, weights } = problem;
    this.n = n;
    this.m = m;
    this.cost = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
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

  /** Regret assignment to the given open sites; false when some demand finds no room. */
  assign(sites: Int32Array): boolean {
    const { n, demands, load, capacities } = this;
    load.fill(0);
    this.done.fill(0);
    for (let i = 0; i < n; i++) this.rank(i, sites);
    for (let placed = 0; placed < n; placed++) {
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
      const k = this.first[pick] as number;
      if (k < 0) return false;
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
    return true;
  }

  total(): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += this.cost[i * this.m + (this.assignment[i] as number)] as number;
    return sum;
  }

  /** Shifts and swaps of single demands until neither improves. */
  improve(sites: Int32Array, stop: () => boolean): void {
    const { n, m, cost, demands, load, capacities, assignment } = this;
    let improved = true;
    let rounds = 0;
    while (improved && !(++rounds % 4 === 0 && stop())) {
      improved = false;
      for (let i = 0; i < n; i++) {
        const a = assignment[i] as number;
        const q = demands[i] as number;
        const ca = cost[i * m + a] as number;
        let best = a;
        let bestCost = ca;
        for (let t = 0; t < sites.length; t++) {
          const k = sites[t] as number;
          const c = cost[i * m + k] as number;
          if (c < bestCost - 1e-12 && (load[k] as number) + q <= (capacities[k] as number) + 1e-9) {
            best = k;
            bestCost = c;
          }
        }
        if (best !== a) {
          assignment[i] = best;
          load[a] = (load[a] as number) - q;
          load[best] = (load[best] as number) + q;
          improved = true;
        }
      }
      for (let i = 0; i < n; i++) {
        const a = assignment[i] as number;
        const qi = demands[i] as number;
        for (let j = i + 1; j < n; j++) {
          const b = assignment[j] as number;
          if (a === b) continue;
          const qj = demands[j] as number;
          const delta =
            (cost[i * m + b] as number) -
            (cost[i * m + a] as number) +
            (cost[j * m + a] as number) -
            (cost[j * m + b] as number);
          if (
            delta < -1e-9 &&
            (load[a] as number) - qi + qj <= (capacities[a] as number) + 1e-9 &&
            (load[b] as number) - qj + qi <= (capacities[b] as number) + 1e-9
          ) {
            assignment[i] = b;
            assignment[j] = a;
            load[a] = (load[a] as number) - qi + qj;
            load[b] = (load[b] as number) - qj + qi;
            improved = true;
            break;
          }
        }
      }
    }
  }

  /**
   * Ejection chains of length two: demand i moves to a cheaper site b that lacks room, made by moving
   * some demand j out of b to a third site c that has it. Returns true when one was applied.
   */
  eject(sites: Int32Array): boolean {
    const { n, m, cost, demands, load, capacities, assignment } = this;
    let applied = false;
    for (let i = 0; i < n; i++) {
      const a = assignment[i] as number;
      const qi = demands[i] as number;
      const ca = cost[i * m + a] as number;
      for (let t = 0; t < sites.length; t++) {
        const b = sites[t] as number;
        const gainI = ca - (cost[i * m + b] as number);
        if (b === a || gainI <= 1e-9) continue;
        const need = (load[b] as number) + qi - (capacities[b] as number);
        if (need <= 1e-9) continue; // a plain shift, left to improve()
        let bestDelta = -1e-9;
        let bestJ = -1;
        let bestC = -1;
        for (let j = 0; j < n; j++) {
          if (assignment[j] !== b || j === i) continue;
          const qj = demands[j] as number;
          if (qj + 1e-9 < need) continue;
          const cb = cost[j * m + b] as number;
          for (let u = 0; u < sites.length; u++) {
            const c = sites[u] as number;
            if (c === b) continue;
            const room = (capacities[c] as number) - (load[c] as number) + (c === a ? qi : 0);
            if (qj > room + 1e-9) continue;
            const delta = (cost[j * m + c] as number) - cb - gainI;
            if (delta < bestDelta) {
              bestDelta = delta;
              bestJ = j;
              bestC = c;
            }
          }
        }
        if (bestJ >= 0) {
          const qj = demands[bestJ] as number;
          assignment[i] = b;
          assignment[bestJ] = bestC;
          load[a] = (load[a] as number) - qi;
          load[b] = (load[b] as number) + qi - qj;
          load[bestC] = (load[bestC] as number) + qj;
          applied = true;
          break;
        }
      }
    }
    return applied;
  }

  /**
   * Moves each free median to the site that serves its own cluster most cheaply (capacity permitting).
   * Returns true if any median moved; `open` and `sites` are updated in place.
   */
  recenter(sites: Int32Array, open: Uint8Array, fixed: Uint8Array): boolean {
    const { n, m, cost, capacities, assignment, load } = this;
    let moved = false;
    const members: number[] = [];
    for (let t = 0; t < sites.length; t++) {
      const k = sites[t] as number;
      if (fixed[k] === 1) continue;
      members.length = 0;
      for (let i = 0; i < n; i++) if (assignment[i] === k) members.push(i);
      let current = 0;
      for (const i of members) current += cost[i * m + k] as number;
      let best = k;
      let bestCost = current;
      for (let s = 0; s < m; s++) {
        if (open[s] === 1 || (capacities[s] as number) + 1e-9 < (load[k] as number)) continue;
        let c = 0;
        for (const i of members) {
          c += cost[i * m + s] as number;
          if (c >= bestCost) break;
        }
        if (c < bestCost - 1e-9) {
          bestCost = c;
          best = s;
        }
      }
      if (best !== k) {
        open[k] = 0;
        open[best] = 1;
        sites[t] = best;
        for (const i of members) assignment[i] = best;
        load[best] = load[k] as number;
        load[k] = 0;
        moved = true;
      }
    }
    return moved;
  }
}

export const solveCapacitated = (
  problem: PreparedProblem,
  start: Int32Array,
  random: Random,
  budget: Budget,
  maxIdleIterations: number,
  onIteration?: (iteration: number, best: number) => void,
  /** Stop once the objective is at most this (a proven lower bound, rounded up for integral data). */
  target = Number.NEGATIVE_INFINITY,
): CapacitatedSolution => {
  const { n, m, fixed } = problem;
  const stop = () => outOfBudget(budget);
  const assigner = new Assigner(problem);
  const open = new Uint8Array(m);

  /** Assign, improve, recenter until stable; returns the cost (Infinity when no feasible assignment). */
  const settle = (sites: Int32Array): number => {
    open.fill(0);
    for (const k of sites) open[k] = 1;
    if (!assigner.assign(sites)) return Number.POSITIVE_INFINITY;
    for (let round = 0; round < 10 && !stop(); round++) {
      assigner.improve(sites, stop);
      if (assigner.eject(sites)) {
        assigner.improve(sites, stop);
      }
      if (!assigner.recenter(sites, open, fixed)) break;
    }
    return assigner.total();
  };

  const elite: EliteSolution[] = [];
  const eliteKeys = new Set<string>();
  /** Remembers the assigner's current solution for `sites` if it is among the best distinct sets. */
  const remember = (sites: Int32Array, value: number): void => {
    if (!Number.isFinite(value)) return;
    const worst =
      elite.length < eliteSize ? Number.POSITIVE_INFINITY : (elite[elite.length - 1]?.objective ?? 0);
    if (value >= worst) return;
    const sorted = Int32Array.from(sites).sort();
    const key = sorted.join(',');
    if (eliteKeys.has(key)) {
      const known = elite.find((e) => e.sites.join(',') === key);
      if (known === undefined || known.objective <= value) return;
      elite.splice(elite.indexOf(known), 1);
      eliteKeys.delete(key);
    }
    const entry = { sites: sorted, assignment: Int32Array.from(assigner.assignment), objective: value };
    let at = elite.length;
    while (at > 0 && (elite[at - 1]?.objective ?? 0) > value) at--;
    elite.splice(at, 0, entry);
    eliteKeys.add(key);
    if (elite.length > eliteSize) {
      const dropped = elite.pop();
      if (dropped !== undefined) eliteKeys.delete(dropped.sites.join(','));
    }
  };

  let sites = Int32Array.from(start);
  let best = settle(sites);
  let bestSites = Int32Array.from(sites);
  let bestAssignment = Int32Array.from(assigner.assignment);
  // Without room for everyone at the start, open the largest sites instead and try from there.
  if (best === Number.POSITIVE_INFINITY) {
    const bySize = Array.from({ length: m }, (_, k) => k).sort(
      (a, b) =>
        (fixed[b] as number) - (fixed[a] as number) ||
        (problem.capacities[b] as number) - (problem.capacities[a] as number),
    );
    sites = Int32Array.from(bySize.slice(0, problem.p));
    best = settle(sites);
    bestSites = Int32Array.from(sites);
    bestAssignment = Int32Array.from(assigner.assignment);
  }
  const free: number[] = [];
  const closed: number[] = [];
  const members: number[] = [];
  const nearBuffer: number[] = [];
  const nearestClosed = (i: number, isOpen: Uint8Array, count: number): number[] => {
    nearBuffer.length = 0;
    const row = i * m;
    for (let s = 0; s < m; s++) {
      if (isOpen[s] === 1) continue;
      const d = problem.dist[row + s] as number;
      if (nearBuffer.length < count) nearBuffer.push(s);
      else if (d < (problem.dist[row + (nearBuffer[count - 1] as number)] as number))
        nearBuffer[count - 1] = s;
      else continue;
      nearBuffer.sort((a, b) => (problem.dist[row + a] as number) - (problem.dist[row + b] as number));
    }
    return nearBuffer;
  };
  const kMax = Math.max(1, Math.min(problem.p - problem.fixedCount, m - problem.p, 5));
  let integralDemands = true;
  let largestCapacity = 0;
  for (let i = 0; i < n; i++) if (!Number.isInteger(problem.demands[i])) integralDemands = false;
  for (let k = 0; k < m; k++) {
    const cap = problem.capacities[k] as number;
    if (Number.isFinite(cap)) largestCapacity = Math.max(largestCapacity, Math.floor(cap + 1e-9));
  }
  if (largestCapacity > 20_000) integralDemands = false;
  const table = new Float64Array(largestCapacity + 1);
  const choice = new Uint8Array(integralDemands ? n * (largestCapacity + 1) : 1);

  /**
   * Pairwise re-optimisation: for two neighbouring clusters, choose their two medians among nearby sites
   * and split their demand between them optimally (a two-bin assignment solved by dynamic programming
   * over the load of one bin). Applies every improvement found; returns true if any.
   */
  const pairwise = (sites: Int32Array): boolean => {
    if (!integralDemands) return false;
    const { cost, assignment, load, demands, capacities } = assigner;
    const position = new Int32Array(m).fill(-1);
    for (let t = 0; t < sites.length; t++) position[sites[t] as number] = t;
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
    let improvedAny = false;
    const members: number[] = [];
    const candidates = new Set<number>();
    for (const key of pairs) {
      if (stop()) break;
      const a = Math.floor(key / m);
      const b = key % m;
      if (position[a] === -1 || position[b] === -1) continue; // moved by an earlier improvement
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
      candidates.clear();
      candidates.add(a);
      candidates.add(b);
      for (const i of members) {
        if (candidates.size >= 8) break;
        for (const s of nearestClosed(i, open, 1)) candidates.add(s);
      }
      const list = [...candidates];
      let best = current - 1e-9 * Math.max(1, current);
      let bestS = -1;
      let bestT = -1;
      let bestLoad = -1;
      for (let u = 0; u < list.length; u++) {
        for (let v = 0; v < list.length; v++) {
          const sSite = list[u] as number;
          const tSite = list[v] as number;
          if (sSite === tSite) continue;
          // A fixed median must stay; the pair (s, t) replaces (a, b) in that order only once.
          if (
            (fixed[a] === 1 && sSite !== a && tSite !== a) ||
            (fixed[b] === 1 && sSite !== b && tSite !== b)
          )
            continue;
          if (u > v && fixed[a] === 0 && fixed[b] === 0) continue;
          // With integral demand a load fits a capacity exactly when it fits its integer part.
          const capS = Math.min(Math.floor((capacities[sSite] as number) + 1e-9), total);
          const capT = Math.floor((capacities[tSite] as number) + 1e-9);
          const low = Math.max(0, total - capT);
          if (low > capS) continue;
          table.fill(Number.POSITIVE_INFINITY, 0, capS + 1);
          table[0] = 0;
          for (const i of members) {
            const q = demands[i] as number;
            const cs = cost[i * m + sSite] as number;
            const ct = cost[i * m + tSite] as number;
            for (let c = capS; c >= 0; c--) {
              const viaT = (table[c] as number) + ct;
              const viaS = c >= q ? (table[c - q] as number) + cs : Number.POSITIVE_INFINITY;
              table[c] = Math.min(viaS, viaT);
            }
          }
          for (let c = low; c <= capS; c++) {
            if ((table[c] as number) < best) {
              best = table[c] as number;
              bestS = sSite;
              bestT = tSite;
              bestLoad = c;
            }
          }
        }
      }
      if (bestS < 0) continue;
      // Recompute the winning table keeping the choices, then walk back to the split.
      const capS = Math.min(Math.floor((capacities[bestS] as number) + 1e-9), total);
      const width = capS + 1;
      table.fill(Number.POSITIVE_INFINITY, 0, width);
      table[0] = 0;
      members.forEach((i, idx) => {
        const q = demands[i] as number;
        const cs = cost[i * m + bestS] as number;
        const ct = cost[i * m + bestT] as number;
        for (let c = capS; c >= 0; c--) {
          const viaT = (table[c] as number) + ct;
          const viaS = c >= q ? (table[c - q] as number) + cs : Number.POSITIVE_INFINITY;
          const takeS = viaS < viaT;
          table[c] = takeS ? viaS : viaT;
          choice[idx * width + c] = takeS ? 1 : 0;
        }
      });
      let c = bestLoad;
      for (let idx = members.length - 1; idx >= 0; idx--) {
        const i = members[idx] as number;
        if (choice[idx * width + c] === 1) {
          assignment[i] = bestS;
          c -= demands[i] as number;
        } else {
          assignment[i] = bestT;
        }
      }
      const ta = position[a] as number;
      const tb = position[b] as number;
      position[a] = -1;
      position[b] = -1;
      open[a] = 0;
      open[b] = 0;
      load[a] = 0;
      load[b] = 0;
      const sAt = bestS === b || bestT === a ? tb : ta;
      const tAt = sAt === ta ? tb : ta;
      sites[sAt] = bestS;
      sites[tAt] = bestT;
      position[bestS] = sAt;
      position[bestT] = tAt;
      open[bestS] = 1;
      open[bestT] = 1;
      load[bestS] = bestLoad;
      load[bestT] = total - bestLoad;
      improvedAny = true;
    }
    return improvedAny;
  };

  let relocated = new Int32Array(0);
  let relocatedAssignment = new Int32Array(0);
  /**
   * First-improvement descent over "move one median to a closed site near its own demand", every move
   * evaluated by a full settle. Leaves the result in `relocated` and the assigner's state.
   */
  const relocate = (from: Int32Array, value: number): number => {
    let current = value;
    relocated = Int32Array.from(from);
    relocatedAssignment = Int32Array.from(assigner.assignment);
    const candidates = new Set<number>();
    let improved = true;
    while (improved && !stop()) {
      improved = false;
      for (let t = 0; t < relocated.length && !improved; t++) {
        const out = relocated[t] as number;
        if (fixed[out] === 1) continue;
        open.fill(0);
        for (const s of relocated) open[s] = 1;
        candidates.clear();
        for (let i = 0; i < n && candidates.size < 8; i++) {
          if (relocatedAssignment[i] !== out) continue;
          for (const s of nearestClosed(i, open, 2)) candidates.add(s);
        }
        for (const into of candidates) {
          const trial = Int32Array.from(relocated);
          trial[t] = into;
          const v = settle(trial);
          remember(trial, v);
          if (v < current - 1e-9 * Math.max(1, current)) {
            current = v;
            relocated = trial;
            relocatedAssignment = Int32Array.from(assigner.assignment);
            improved = true;
            break;
          }
        }
      }
    }
    assigner.assignment.set(relocatedAssignment);
    return current;
  };
  const skew = 0.002;
  let currentSites = Int32Array.from(bestSites);
  let currentAssignment = Int32Array.from(bestAssignment);
  let currentValue = best;
  let k = 1;
  let idle = 0;
  let iteration = 0;
  let sinceShake = 0;
  const stallLimit = 10;
  const wideShake = Math.max(
    1,
    Math.min(problem.p - problem.fixedCount, m - problem.p, Math.ceil(problem.p / 2)),
  );
  while (
    problem.p > problem.fixedCount &&
    m > problem.p &&
    idle < maxIdleIterations &&
    best > target &&
    !stop()
  ) {
    iteration++;
    let shake = k;
    const restarted = sinceShake >= stallLimit;
    if (restarted) {
      // Stalled: restart from the best with a wide shake, which reaches median sets that differ from it in
      // several places (the small moves keep returning to the same clustering).
      sinceShake = 0;
      shake = wideShake;
      currentSites = Int32Array.from(bestSites);
      currentAssignment = Int32Array.from(bestAssignment);
      currentValue = best;
    }
    sites = Int32Array.from(currentSites);
    open.fill(0);
    for (const s of sites) open[s] = 1;
    for (let t = 0; t < shake; t++) {
      free.length = 0;
      closed.length = 0;
      for (let s = 0; s < sites.length; s++) if (fixed[sites[s] as number] === 0) free.push(s);
      for (let s = 0; s < m; s++) if (open[s] === 0) closed.push(s);
      const at = free[random.int(free.length)] as number;
      const out = sites[at] as number;
      // Mostly move a median to a site near one of its own demand (clusters shift locally), sometimes
      // anywhere, so that distant regions can still gain a median.
      let into = closed[random.int(closed.length)] as number;
      if (random.next() < 0.7) {
        members.length = 0;
        for (let i = 0; i < n; i++) if (currentAssignment[i] === out) members.push(i);
        if (members.length > 0) {
          const i = members[random.int(members.length)] as number;
          const near = nearestClosed(i, open, 6);
          if (near.length > 0) into = near[random.int(near.length)] as number;
        }
      }
      open[sites[at] as number] = 0;
      open[into] = 1;
      sites[at] = into;
    }
    let value = settle(sites);
    remember(sites, value);
    if (value < best * 1.005) {
      for (let round = 0; round < 2 && pairwise(sites); round++) assigner.improve(sites, stop);
      value = assigner.total();
      remember(sites, value);
      value = relocate(sites, value);
      sites = relocated;
    }
    if (value < best - 1e-9 * Math.max(1, best)) {
      best = value;
      bestSites = Int32Array.from(sites);
      bestAssignment = Int32Array.from(assigner.assignment);
      currentSites = Int32Array.from(sites);
      currentAssignment = Int32Array.from(assigner.assignment);
      currentValue = value;
      k = 1;
      idle = 0;
      sinceShake = 0;
    } else {
      // Skewed VNS: also move to a different solution slightly worse than the current one, so that the
      // search can cross the plateaus between clusterings; it returns to the best now and then.
      // After a wide shake the search continues from wherever it landed.
      if ((restarted || value <= currentValue + skew * best) && value < Number.POSITIVE_INFINITY) {
        currentSites = Int32Array.from(sites);
        currentAssignment = Int32Array.from(assigner.assignment);
        currentValue = value;
      }
      k = k >= kMax ? 1 : k + 1;
      idle++;
      sinceShake++;
      if (idle % 50 === 0) {
        currentSites = Int32Array.from(bestSites);
        currentAssignment = Int32Array.from(bestAssignment);
        currentValue = best;
      }
    }
    onIteration?.(iteration, best);
  }
  const feasible = best < Number.POSITIVE_INFINITY;
  if (feasible) {
    assigner.assignment.set(bestAssignment);
    remember(bestSites, best);
  }
  return {
    sites: bestSites.sort(),
    assignment: feasible ? bestAssignment : new Int32Array(n).fill(-1),
    objective: best,
    feasible,
    iterations: iteration,
    elite: feasible ? elite : [],
  };
};

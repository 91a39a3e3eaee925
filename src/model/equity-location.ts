import { z } from 'zod';

/**
 * Location with equity in view, for networks of a size a planner weighs by hand (tens of sites): minimax
 * regret over demand scenarios, and maximal covering within each site's capacity. Exact by enumerating
 * every set of p sites while their number is within `maxSets`; beyond it, a swap search from the best
 * greedy start, said as such in the answer (`exact: false`). Matrices are row-major, one row per demand.
 */

/** The equity models the optimisation offers beside the location models of optimise.ts. */
export const EquityLocationModel = z.enum(['minimax-regret', 'capacitated-covering']);
export type EquityLocationModel = z.infer<typeof EquityLocationModel>;

const Matrix = {
  demandCount: z.int().nonnegative(),
  siteCount: z.int().positive(),
  /** Travel per demand and site, `cost[i * siteCount + j]`; finite (a large value where out of reach). */
  cost: z.array(z.number().nonnegative()),
  p: z.int().positive(),
  /** Sets of p sites up to which the answer is exact (by enumeration). */
  maxSets: z.int().positive().default(50_000),
};

/**
 * Asked between the sets a search weighs; true stops it with the best set so far, which is then not
 * proven best (`exact: false`). A job's time limit or cancellation comes in this way.
 */
export type StopCheck = () => boolean;

const sizesAgree = (s: { demandCount: number; siteCount: number; cost: number[]; p: number }) =>
  s.cost.length === s.demandCount * s.siteCount && s.p <= s.siteCount;

export const RegretInput = z
  .object({
    ...Matrix,
    /** Demand weights per scenario (a forecast's variants, say), each one per demand row. */
    scenarios: z.array(z.object({ name: z.string(), weights: z.array(z.number().nonnegative()) })).min(1),
  })
  .refine(sizesAgree, { message: 'cost must be demandCount × siteCount and p at most siteCount' })
  .refine((s) => s.scenarios.every((c) => c.weights.length === s.demandCount), {
    message: 'every scenario needs one weight per demand row',
  });
export type RegretInput = z.input<typeof RegretInput>;

export const RegretResult = z.object({
  /** Open sites, ascending. */
  open: z.array(z.int().nonnegative()),
  /** The largest regret over the scenarios: how much worse than that scenario's best this choice is. */
  maxRegret: z.number(),
  scenarios: z.array(z.object({ name: z.string(), cost: z.number(), best: z.number(), regret: z.number() })),
  /** True when both the choice and each scenario's best come from enumerating every set. */
  exact: z.boolean(),
});
export type RegretResult = z.infer<typeof RegretResult>;

export const CapacitatedCoveringInput = z
  .object({
    ...Matrix,
    weights: z.array(z.number().nonnegative()),
    capacities: z.array(z.number().nonnegative()),
    radius: z.number().nonnegative(),
  })
  .refine(sizesAgree, { message: 'cost must be demandCount × siteCount and p at most siteCount' })
  .refine((s) => s.weights.length === s.demandCount && s.capacities.length === s.siteCount, {
    message: 'one weight per demand row and one capacity per site',
  });
export type CapacitatedCoveringInput = z.input<typeof CapacitatedCoveringInput>;

export const CapacitatedCoveringResult = z.object({
  open: z.array(z.int().nonnegative()),
  /** Demand served within the radius, a demand's weight split among open sites as their room allows. */
  covered: z.number(),
  /** Per open site (in `open`'s order), the demand it serves. */
  load: z.array(z.number()),
  exact: z.boolean(),
});
export type CapacitatedCoveringResult = z.infer<typeof CapacitatedCoveringResult>;

/** Every set of p of m sites, in lexicographic order, while their number stays within `limit`. */
const countSets = (m: number, p: number, limit: number): number => {
  let c = 1;
  for (let t = 0; t < p; t++) {
    c = (c * (m - t)) / (t + 1);
    if (c > limit) return Number.POSITIVE_INFINITY;
  }
  return Math.round(c);
};

/** Visits every set of p of m sites in lexicographic order until `visit` answers false. */
const forEachSet = (m: number, p: number, visit: (sites: number[]) => boolean) => {
  const pick = Array.from({ length: p }, (_, t) => t);
  for (;;) {
    if (!visit(pick)) return;
    let t = p - 1;
    while (t >= 0 && pick[t] === m - p + t) t--;
    if (t < 0) return;
    pick[t] = (pick[t] as number) + 1;
    for (let u = t + 1; u < p; u++) pick[u] = (pick[u - 1] as number) + 1;
  }
};

/**
 * The best set of p sites by `value` (lower is better): every set when affordable, else greedy additions
 * then single swaps until none improves.
 */
const bestSet = (
  m: number,
  p: number,
  maxSets: number,
  value: (sites: number[]) => number,
  stop: StopCheck = () => false,
): { sites: number[]; value: number; exact: boolean } => {
  if (countSets(m, p, maxSets) <= maxSets) {
    let best: number[] = [];
    let bestValue = Number.POSITIVE_INFINITY;
    let stopped = false;
    forEachSet(m, p, (sites) => {
      if (best.length > 0 && stop()) {
        stopped = true;
        return false;
      }
      const v = value(sites);
      if (v < bestValue || best.length === 0) {
        bestValue = v;
        best = [...sites];
      }
      return true;
    });
    return { sites: best, value: bestValue, exact: !stopped };
  }
  const sites: number[] = [];
  let stopped = false;
  while (sites.length < p) {
    // A start of p sites is always completed, an answer needs one; once stopped, by the lowest sites left.
    let pick = -1;
    let pickValue = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      if (sites.includes(j)) continue;
      if (pick >= 0 && (stopped || stop())) {
        stopped = true;
        break;
      }
      const v = value([...sites, j]);
      if (pick < 0 || v < pickValue) {
        pick = j;
        pickValue = v;
      }
    }
    sites.push(pick);
  }
  let current = value(sites);
  for (let improved = true; improved && !stopped; ) {
    improved = false;
    for (let t = 0; t < p && !improved && !stopped; t++) {
      for (let j = 0; j < m && !improved; j++) {
        if (sites.includes(j)) continue;
        if (stop()) {
          stopped = true;
          break;
        }
        const trial = [...sites];
        trial[t] = j;
        const v = value(trial);
        if (v < current - 1e-9 * Math.max(1, Math.abs(current))) {
          sites.splice(0, p, ...trial);
          current = v;
          improved = true;
        }
      }
    }
  }
  return { sites: [...sites].sort((a, b) => a - b), value: current, exact: false };
};

/** Weighted travel to the nearest open site (Infinity when some weighted demand reaches none). */
const medianCost = (cost: number[], m: number, weights: number[], sites: number[]): number => {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    let d = Number.POSITIVE_INFINITY;
    for (const j of sites) d = Math.min(d, cost[i * m + j] as number);
    sum += w * d;
  }
  return sum;
};

/**
 * Minimax regret p-median: the p sites whose weighted travel, in the scenario where they fare worst
 * against that scenario's own best choice, is least behind it.
 */
export const minimaxRegret = (input: RegretInput, stop?: StopCheck): RegretResult => {
  const { siteCount: m, cost, p, maxSets, scenarios } = RegretInput.parse(input);
  const optima = scenarios.map((s) =>
    bestSet(m, p, maxSets, (sites) => medianCost(cost, m, s.weights, sites), stop),
  );
  const regretOf = (sites: number[]) =>
    Math.max(...scenarios.map((s, c) => medianCost(cost, m, s.weights, sites) - (optima[c]?.value ?? 0)));
  const choice = bestSet(m, p, maxSets, regretOf, stop);
  const open = [...choice.sites].sort((a, b) => a - b);
  const rows = scenarios.map((s, c) => {
    const value = medianCost(cost, m, s.weights, open);
    const best = optima[c]?.value ?? value;
    return { name: s.name, cost: value, best, regret: value - best };
  });
  return RegretResult.parse({
    open,
    maxRegret: Math.max(...rows.map((r) => r.regret)),
    scenarios: rows,
    exact: choice.exact && optima.every((o) => o.exact),
  });
};

/**
 * The most demand the open sites can serve within the radius without exceeding any capacity, a demand's
 * weight splittable among them: a maximum flow from demand to sites, by augmenting paths.
 */
export const coveredWithinCapacity = (
  input: { cost: number[]; siteCount: number; weights: number[]; capacities: number[]; radius: number },
  sites: number[],
): { covered: number; load: number[] } => {
  const { cost, siteCount: m, weights, capacities, radius } = input;
  const n = weights.length;
  const p = sites.length;
  // flow[i][t]: demand i served by open site t.
  const flow = Array.from({ length: n }, () => new Float64Array(p));
  const left = Float64Array.from(weights);
  const room = Float64Array.from(sites, (j) => capacities[j] as number);
  const reach = (i: number, t: number) => (cost[i * m + (sites[t] as number)] as number) <= radius;
  for (;;) {
    // Breadth-first from demand with weight left, over reachable sites and back along positive flow.
    const fromSite = new Int32Array(p).fill(-2);
    const fromDemand = new Int32Array(n).fill(-2);
    const queue: number[] = [];
    for (let i = 0; i < n; i++)
      if ((left[i] as number) > 1e-12) {
        fromDemand[i] = -1;
        queue.push(i);
      }
    let end = -1;
    for (let q = 0; q < queue.length && end < 0; q++) {
      const i = queue[q] as number;
      for (let t = 0; t < p && end < 0; t++) {
        if (fromSite[t] !== -2 || !reach(i, t)) continue;
        fromSite[t] = i;
        if ((room[t] as number) > 1e-12) end = t;
        else
          for (let u = 0; u < n; u++)
            if (fromDemand[u] === -2 && (flow[u]?.[t] as number) > 1e-12) {
              fromDemand[u] = t;
              queue.push(u);
            }
      }
    }
    if (end < 0) break;
    // The path's bottleneck, then the augmentation.
    let amount = room[end] as number;
    for (let t = end; ; ) {
      const i = fromSite[t] as number;
      const back = fromDemand[i] as number;
      if (back === -1) {
        amount = Math.min(amount, left[i] as number);
        break;
      }
      amount = Math.min(amount, flow[i]?.[back] as number);
      t = back;
    }
    room[end] = (room[end] as number) - amount;
    for (let t = end; ; ) {
      const i = fromSite[t] as number;
      const row = flow[i] as Float64Array;
      row[t] = (row[t] as number) + amount;
      const back = fromDemand[i] as number;
      if (back === -1) {
        left[i] = (left[i] as number) - amount;
        break;
      }
      row[back] = (row[back] as number) - amount;
      t = back;
    }
  }
  const load = sites.map((_, t) => flow.reduce((sum, row) => sum + (row[t] as number), 0));
  return { covered: load.reduce((a, b) => a + b, 0), load };
};

/** Maximal covering with capacities: p sites serving the most demand within the radius and their room. */
export const capacitatedCovering = (
  input: CapacitatedCoveringInput,
  stop?: StopCheck,
): CapacitatedCoveringResult => {
  const parsed = CapacitatedCoveringInput.parse(input);
  const { siteCount: m, p, maxSets } = parsed;
  const choice = bestSet(m, p, maxSets, (sites) => -coveredWithinCapacity(parsed, sites).covered, stop);
  const open = [...choice.sites].sort((a, b) => a - b);
  const { covered, load } = coveredWithinCapacity(parsed, open);
  return CapacitatedCoveringResult.parse({ open, covered, load, exact: choice.exact });
};

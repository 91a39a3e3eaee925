import type { Cluster } from './capacitated-clusters.js';
import { type Highs, runUntilAborted, sumWriter } from './milp.js';
import type { PreparedProblem } from './types.js';

/**
 * The best p clusters of a pool that together serve every demand exactly once, each site open at most
 * once (fixed sites exactly once): a set partitioning MILP solved by HiGHS from `incumbent`, whose
 * clusters must be in the pool. Every cluster respects its site's capacity, so any partition is a
 * feasible solution. Returns null when HiGHS finds nothing better than the incumbent in time.
 */
export const partitionClusters = (
  highs: Highs,
  problem: PreparedProblem,
  clusters: Cluster[],
  incumbent: { sites: Int32Array; assignment: Int32Array; value: number },
  { timeLimitSeconds, signal }: { timeLimitSeconds: number; signal?: AbortSignal | undefined },
): { sites: Int32Array; assignment: Int32Array; value: number } | null => {
  const started = performance.now();
  const { n, p, fixed } = problem;
  const lines = ['Minimize'];
  const pushSum = sumWriter(lines);
  pushSum(
    ' obj:',
    clusters.map((c, j) => `+ ${c.cost} z${j}`),
    '',
  );
  lines.push('Subject To');
  const byDemand: string[][] = Array.from({ length: n }, () => []);
  const bySite = new Map<number, string[]>();
  clusters.forEach((c, j) => {
    for (const i of c.members) byDemand[i]?.push(`+ z${j}`);
    const list = bySite.get(c.site) ?? [];
    list.push(`+ z${j}`);
    bySite.set(c.site, list);
  });
  for (let i = 0; i < n; i++) {
    const terms = byDemand[i] as string[];
    // A demand no pooled cluster serves: no partition exists (the incumbent's clusters would serve it).
    if (terms.length === 0) return null;
    pushSum(` d${i}:`, terms, '= 1');
  }
  pushSum(
    ' count:',
    clusters.map((_, j) => `+ z${j}`),
    `= ${p}`,
  );
  for (const [site, terms] of bySite) {
    if (terms.length < 2 && fixed[site] === 0) continue;
    pushSum(` s${site}:`, terms, fixed[site] === 1 ? '= 1' : '<= 1');
  }
  pushSum(
    'Binary',
    clusters.map((_, j) => `z${j}`),
    '',
  );
  lines.push('End');
  const lp = highs.createModel({ format: 'lp', data: lines.join('\n') });
  try {
    // Writing and reading the model count against the time limit too.
    const left = timeLimitSeconds - (performance.now() - started) / 1000;
    if (!(left > 0.01)) return null;
    lp.options.set({ output_flag: false, time_limit: left, mip_rel_gap: 0 });
    // The incumbent's clusters: a pooled cluster is one of them when its site serves just its members.
    const served = new Map<number, number>();
    for (const k of incumbent.assignment) served.set(k, (served.get(k) ?? 0) + 1);
    const values = clusters.map((c) => {
      if (served.get(c.site) !== c.members.length) return 0;
      for (const i of c.members) if (incumbent.assignment[i] !== c.site) return 0;
      return 1;
    });
    lp.setSolution({ indices: clusters.map((_, j) => lp.getColByName(`z${j}`)), values });
    runUntilAborted(highs, lp, signal);
    if (signal?.aborted) return null;
    const value = lp.getSolution().colValue;
    if (value.length === 0) return null;
    const sites: number[] = [];
    const assignment = new Int32Array(n).fill(-1);
    let total = 0;
    clusters.forEach((c, j) => {
      if ((value[lp.getColByName(`z${j}`)] as number) < 0.5) return;
      sites.push(c.site);
      total += c.cost;
      for (const i of c.members) assignment[i] = c.site;
    });
    if (sites.length !== p || assignment.includes(-1)) return null;
    if (!(total < incumbent.value - 1e-9 * Math.max(1, incumbent.value))) return null;
    return { sites: Int32Array.from(sites), assignment, value: total };
  } finally {
    lp.dispose();
  }
};

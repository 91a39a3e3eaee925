import type { Cluster } from './capacitated-clusters.js';
import { type Highs, runUntilAborted } from './milp.js';
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
  const { n, p } = problem;
  const model = partitionModel(highs, problem, clusters);
  // A demand no pooled cluster serves: no partition exists (the incumbent's clusters would serve it).
  if (model === null) return null;
  const lp = highs.createModel();
  try {
    // The model is passed as arrays: writing and parsing it as LP text took a tenth of the time limit.
    lp.passModel(model);
    // Building the model counts against the time limit too.
    const left = timeLimitSeconds - (performance.now() - started) / 1000;
    if (!(left > 0.01)) return null;
    lp.options.set({ output_flag: false, time_limit: left, mip_rel_gap: 0 });
    // The incumbent's clusters: a pooled cluster is one of them when its site serves just its members.
    const served = new Map<number, number>();
    for (const k of incumbent.assignment) served.set(k, (served.get(k) ?? 0) + 1);
    const colValue = Float64Array.from(clusters, (c) => {
      if (served.get(c.site) !== c.members.length) return 0;
      for (const i of c.members) if (incumbent.assignment[i] !== c.site) return 0;
      return 1;
    });
    lp.setSolution({ colValue });
    runUntilAborted(highs, lp, signal);
    if (signal?.aborted) return null;
    const value = lp.getSolution().colValue;
    if (value.length !== clusters.length) return null;
    const sites: number[] = [];
    const assignment = new Int32Array(n).fill(-1);
    let total = 0;
    clusters.forEach((c, j) => {
      if ((value[j] as number) < 0.5) return;
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

/**
 * The set partitioning model, one binary column per cluster: a row per demand (= 1), the count of clusters
 * (= p), and a row per site that two clusters share or that is fixed (≤ 1, fixed = 1). Null when some
 * demand is in no cluster.
 */
const partitionModel = (highs: Highs, { n, p, fixed }: PreparedProblem, clusters: Cluster[]) => {
  const siteRow = new Map<number, number>();
  const columnsAt = new Map<number, number>();
  for (const c of clusters) columnsAt.set(c.site, (columnsAt.get(c.site) ?? 0) + 1);
  for (const [site, count] of columnsAt)
    if (count > 1 || fixed[site] === 1) siteRow.set(site, n + 1 + siteRow.size);
  const numRows = n + 1 + siteRow.size;
  const rowLower = new Float64Array(numRows).fill(1);
  const rowUpper = new Float64Array(numRows).fill(1);
  rowLower[n] = p;
  rowUpper[n] = p;
  for (const [site, row] of siteRow) if (fixed[site] === 0) rowLower[row] = -highs.infinity;
  const starts = new Int32Array(clusters.length + 1);
  const indices: number[] = [];
  const covered = new Uint8Array(n);
  clusters.forEach((c, j) => {
    // Rows in ascending order within a column: the members are, then the count, then the site.
    for (const i of [...c.members].sort((a, b) => a - b)) {
      indices.push(i);
      covered[i] = 1;
    }
    indices.push(n);
    const row = siteRow.get(c.site);
    if (row !== undefined) indices.push(row);
    starts[j + 1] = indices.length;
  });
  if (covered.includes(0)) return null;
  const numCols = clusters.length;
  return {
    numCols,
    numRows,
    colCost: Float64Array.from(clusters, (c) => c.cost),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows,
      numCols,
      starts,
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  };
};

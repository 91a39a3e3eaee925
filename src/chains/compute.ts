import { auditedSuppression, complementarySuppression } from '../indicators/index.js';
import {
  type ChainBreakdown,
  type ChainCount,
  type ChainDays,
  type ChainDefinition,
  type ChainGroupFigures,
  type ChainResult,
  isSmallCount,
  seesUnsuppressed,
  type Viewer,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { chainStatement } from './compile.js';
import { quantileWithInterval } from './quantiles.js';
import { type ChainCells, type ChainRow, chainCells } from './table.js';

/** A histogram column ([{ key, value }] or null) as sorted (days, clients) pairs. */
const histogramOf = (v: unknown): [number, number][] =>
  Array.isArray(v)
    ? v
        .map((e: { key: unknown; value: unknown }) => [Number(e.key), Number(e.value)] as [number, number])
        .sort((a, b) => a[0] - b[0])
    : [];

/** The statement's rows as plain counts. */
export const chainRows = async (
  store: Store,
  chain: ChainDefinition,
  year: number,
  producerCode?: string,
) => {
  const { sql, steps } = chainStatement(chain, year, producerCode !== undefined ? { producerCode } : {});
  const raw = await store.all(sql);
  const ks = Array.from({ length: steps }, (_, i) => i + 1);
  const rows = raw.map(
    (r): ChainRow => ({
      dim: String(r.dim),
      category: String(r.category),
      entered: Number(r.entered),
      reached: ks.map((k) => Number(r[`r${k}`])),
      handovers: ks.slice(0, -1).map((k) => Number(r[`h${k}`])),
      returns: Number(r.returns),
      cost: Number(r.cost ?? 0),
      times: ks.slice(0, -1).map((k) => {
        const histogram = histogramOf(r[`g${k}`]);
        return { median: quantileWithInterval(histogram, 0.5), p90: quantileWithInterval(histogram, 0.9) };
      }),
      toEnd: quantileWithInterval(histogramOf(r.gt), 0.5),
    }),
  );
  // Clients at each step by the producer there: step 1 is the producer breakdown itself.
  const atStep = (row: ChainRow, k: number): ChainRow => ({
    ...row,
    dim: `step${k}`,
    entered: row.reached[k - 1] ?? 0,
  });
  const stepRows = [
    ...rows.filter((r) => r.dim === 'producer').map((r) => atStep(r, 1)),
    ...rows.flatMap((r) => (/^step\d+$/.test(r.dim) ? [atStep(r, Number(r.dim.slice(4)))] : [])),
  ].filter((r) => r.entered > 0);
  return [...rows.filter((r) => !/^step\d+$/.test(r.dim)), ...stepRows];
};

/** Above this many cells the linear-programme audit is left out (complementary suppression alone). */
const largestAuditedTable = 2000;

/** Which cells to withhold: primary and complementary suppression over the whole cube, audited when small. */
export const chainMask = async (cells: ChainCells): Promise<boolean[]> => {
  const table = { values: cells.values, groups: cells.groups, primary: cells.primary, margin: cells.margin };
  if (cells.values.length > largestAuditedTable) return complementarySuppression(table);
  return (await auditedSuppression(table)).mask;
};

export interface ChainComputeOptions {
  by?: ChainBreakdown | undefined;
  viewer: Viewer;
  version?: number;
}

/**
 * A chain's figures for one year, through disclosure control for anyone without viewUnsuppressed. The
 * pattern is computed over every breakdown at once, so that no two answers (by area, by age, the total)
 * together give a withheld count away. A producer's users see the entries that began at their producer;
 * a viewer scoped to some municipalities sees those municipalities' rows beside the county's total.
 */
export const computeChain = async (
  store: Store,
  chain: ChainDefinition,
  year: number,
  options: ChainComputeOptions,
): Promise<ChainResult> => {
  const { viewer } = options;
  const rows = await chainRows(store, chain, year, viewer.producerCode);
  const suppress = !seesUnsuppressed(viewer);
  const cells = chainCells(rows, (n) => isSmallCount(n));
  const mask = suppress ? await chainMask(cells) : cells.values.map(() => false);
  const count = (dim: string, category: string, measure: string): ChainCount => {
    const i = cells.index(dim, category, measure);
    if (i === undefined) return { value: 0, suppressed: false };
    return mask[i] ? { value: null, suppressed: true } : { value: cells.values[i] ?? 0, suppressed: false };
  };
  const days = (shown: boolean, v: readonly (number | null)[]): ChainDays =>
    shown
      ? { value: v[0] ?? null, lower: v[1] ?? null, upper: v[2] ?? null }
      : { value: null, lower: null, upper: null };
  const figures = (row: ChainRow): ChainGroupFigures => {
    const entered = count(row.dim, row.category, 'reached:1');
    const n = chain.steps.length;
    return {
      category: row.category,
      entered,
      steps: chain.steps.map((step, i) => {
        const k = i + 1;
        const reached = count(row.dim, row.category, `reached:${k}`);
        const last = k === n;
        const next = last ? undefined : count(row.dim, row.category, `reached:${k + 1}`);
        const time = row.times[i];
        return {
          step: step.code,
          reached,
          share:
            reached.value !== null && entered.value !== null && entered.value > 0
              ? reached.value / entered.value
              : null,
          left: last ? reached : count(row.dim, row.category, `left:${k}`),
          ...(!last &&
            time &&
            next && {
              daysToNext: {
                median: days(next.value !== null, time.median),
                p90: days(next.value !== null, time.p90),
              },
              handoversToNext: count(row.dim, row.category, `handover:${k}`),
            }),
        };
      }),
      returns: count(row.dim, row.category, 'returns'),
      // Shown with the count of those who reached the last step, as the days between steps are.
      daysToEnd: days(count(row.dim, row.category, `reached:${n}`).value !== null, row.toEnd),
      costPerClient: entered.value !== null && entered.value > 0 ? row.cost / entered.value : null,
    };
  };
  const total = rows.find((r) => r.dim === '*');
  if (!total) throw new Error('the chain statement returned no total row');
  const by = options.by ?? null;
  const inScope = (row: ChainRow) =>
    by !== 'municipality' || viewer.areas === undefined || viewer.areas.includes(row.category);
  return {
    chainId: chain.id,
    version: options.version ?? 1,
    period: year,
    by,
    suppressed: suppress,
    total: figures(total),
    groups: rows
      .filter((r) => r.dim === by && inScope(r))
      .sort((a, b) => a.category.localeCompare(b.category))
      .map(figures),
    producersByStep: chain.steps.map((step, i) => ({
      step: step.code,
      producers: rows
        .filter((r) => r.dim === `step${i + 1}`)
        .sort((a, b) => a.category.localeCompare(b.category))
        .map((r) => ({ producerCode: r.category, clients: count(r.dim, r.category, 'at') })),
    })),
  };
};

import type { LinearGroup } from '../indicators/index.js';

/** One row of a chain statement's answer: a breakdown category's counts before disclosure control. */
export interface ChainRow {
  dim: string;
  category: string;
  entered: number;
  /** Clients reaching each step (the first equals entered). */
  reached: number[];
  /** Of those reaching the next step, how many changed producer on the way (one per step but the last). */
  handovers: number[];
  returns: number;
  cost: number;
  /** Per step but the last: median and P90 of the days to the next step, each with its interval. */
  times: {
    median: [number | null, number | null, number | null];
    p90: [number | null, number | null, number | null];
  }[];
  /** Median days from entry to the last step, with its interval, over those who reached it. */
  toEnd: [number | null, number | null, number | null];
}

/** The protected counts of a chain answer as one table of linked cells, by name. */
export interface ChainCells {
  values: number[];
  groups: LinearGroup[];
  primary: boolean[];
  margin: boolean[];
  /** The cell of a row's measure: `reached:k`, `left:k`, `handover:k`, `returns`. */
  index: (dim: string, category: string, measure: string) => number | undefined;
}

const totalDim = '*';

/**
 * Builds the table disclosure control protects. Each breakdown's categories sum to the total row, every
 * row's reached(k) = reached(k+1) + left(k), and the producers at a step sum to the step's total; the
 * total row is a margin (every breakdown's request publishes it). A handover count is withheld with the
 * step it leads to, since it cannot exceed it.
 */
export const chainCells = (rows: readonly ChainRow[], isSmall: (n: number) => boolean): ChainCells => {
  const values: number[] = [];
  const primary: boolean[] = [];
  const margin: boolean[] = [];
  const cells = new Map<string, number>();
  const key = (d: string, c: string, m: string) => `${d}\u0000${c}\u0000${m}`;
  const add = (row: ChainRow, measure: string, value: number, forced = false) => {
    cells.set(key(row.dim, row.category, measure), values.length);
    values.push(value);
    primary.push(forced || isSmall(value));
    margin.push(row.dim === totalDim);
  };
  const groups: LinearGroup[] = [];
  for (const row of rows) {
    const steps = row.reached.length;
    const stepCells = row.dim.startsWith('step') ? [Number(row.dim.slice(4))] : [];
    if (stepCells.length > 0) {
      add(row, 'at', row.entered);
      continue;
    }
    row.reached.forEach((r, i) => {
      add(row, `reached:${i + 1}`, r);
    });
    for (let k = 1; k < steps; k++) {
      add(row, `left:${k}`, (row.reached[k - 1] ?? 0) - (row.reached[k] ?? 0));
      add(row, `handover:${k}`, row.handovers[k - 1] ?? 0, isSmall(row.reached[k] ?? 0));
    }
    add(row, 'returns', row.returns);
    const at = (m: string) => cells.get(key(row.dim, row.category, m)) as number;
    for (let k = 1; k < steps; k++)
      groups.push({ total: at(`reached:${k}`), parts: [at(`reached:${k + 1}`), at(`left:${k}`)] });
  }
  const total = rows.find((r) => r.dim === totalDim);
  if (total) {
    const measures = [...cells.keys()]
      .map((k) => k.split('\u0000'))
      .filter(([d]) => d === totalDim)
      .map(([, , m]) => m as string);
    const dims = [...new Set(rows.map((r) => r.dim))].filter((d) => d !== totalDim);
    for (const dim of dims) {
      const categories = rows.filter((r) => r.dim === dim).map((r) => r.category);
      if (dim.startsWith('step')) {
        const t = cells.get(key(totalDim, '*', `reached:${dim.slice(4)}`));
        if (t !== undefined)
          groups.push({ total: t, parts: categories.map((c) => cells.get(key(dim, c, 'at')) as number) });
        continue;
      }
      for (const m of measures) {
        const t = cells.get(key(totalDim, '*', m)) as number;
        groups.push({ total: t, parts: categories.map((c) => cells.get(key(dim, c, m)) as number) });
      }
    }
  }
  return { values, groups, primary, margin, index: (d, c, m) => cells.get(key(d, c, m)) };
};

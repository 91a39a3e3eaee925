/**
 * Readers for Beasley's OR-Library location benchmarks: the uncapacitated p-median files (pmed1…40) and
 * Osman & Christofides' capacitated instances (pmedcap1).
 */

import { SoteatlasError } from '../../model/index.js';

export interface PMedianInstance {
  n: number;
  p: number;
  /** All-pairs shortest path lengths, n × n row-major. */
  dist: Float64Array;
}

export interface CapacitatedInstance {
  id: number;
  bestKnown: number;
  n: number;
  p: number;
  capacity: number;
  demands: Float64Array;
  /** Euclidean distances rounded down, n × n. */
  dist: Float64Array;
}

/** A file that is not an OR-Library instance is a dataset the reader cannot read. */
const malformed = (message: string): never => {
  throw new SoteatlasError('invalidDataset', message);
};

const numbers = (text: string): number[] => {
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  return tokens.map((t) => {
    const v = Number(t);
    if (!Number.isFinite(v)) malformed(`not a number: ${t}`);
    return v;
  });
};

/** In-place Floyd–Warshall on an n × n matrix. */
export const floydWarshall = (dist: Float64Array, n: number): void => {
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const rowI = i * n;
      const dik = dist[rowI + k] as number;
      if (dik === Number.POSITIVE_INFINITY) continue;
      for (let j = 0; j < n; j++) {
        const via = dik + (dist[rowK + j] as number);
        if (via < (dist[rowI + j] as number)) dist[rowI + j] = via;
      }
    }
  }
};

/**
 * `n m p` then m lines `i j cost` of an undirected graph with nodes 1…n. As in OR-Library's own
 * construction, an edge listed twice keeps its last cost; distances are shortest paths.
 */
export const parsePMedian = (text: string): PMedianInstance => {
  const v = numbers(text);
  const [n, edges, p] = v as [number, number, number];
  if (v.length < 3 || !Number.isInteger(n) || !Number.isInteger(edges) || !Number.isInteger(p) || n < 1) {
    malformed('header must be "n m p"');
  }
  if (v.length < 3 + 3 * edges) malformed(`expected ${edges} edges`);
  const dist = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) dist[i * n + i] = 0;
  for (let e = 0; e < edges; e++) {
    const i = (v[3 + 3 * e] as number) - 1;
    const j = (v[4 + 3 * e] as number) - 1;
    const c = v[5 + 3 * e] as number;
    if (!(i >= 0 && i < n && j >= 0 && j < n) || c < 0) malformed(`bad edge ${e + 1}`);
    if (i === j) continue;
    dist[i * n + j] = c;
    dist[j * n + i] = c;
  }
  floydWarshall(dist, n);
  return { n, p, dist };
};

/**
 * Number of problems, then per problem `id best-known`, `n p capacity` and n lines `i x y demand`.
 * Distances are Euclidean, rounded down, as in the published best-known values.
 */
export const parseCapacitated = (text: string): CapacitatedInstance[] => {
  const v = numbers(text);
  let at = 0;
  const take = () => {
    if (at >= v.length) malformed('file ends early');
    return v[at++] as number;
  };
  const count = take();
  const out: CapacitatedInstance[] = [];
  for (let c = 0; c < count; c++) {
    const id = take();
    const bestKnown = take();
    const n = take();
    const p = take();
    const capacity = take();
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const demands = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      take();
      x[i] = take();
      y[i] = take();
      demands[i] = take();
    }
    const dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        dist[i * n + j] = Math.floor(
          Math.hypot((x[i] as number) - (x[j] as number), (y[i] as number) - (y[j] as number)),
        );
      }
    }
    out.push({ id, bestKnown, n, p, capacity, demands, dist });
  }
  return out;
};

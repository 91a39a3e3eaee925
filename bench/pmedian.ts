/**
 * p-median and capacitated p-median against OR-Library. Reads ../shared/data/orlib-pmed (pmed*.txt,
 * pmedcap1.txt) when present and any files given as arguments, and generates random instances the way
 * OR-Library built pmed1–40 (random connected graph with n²/50 edges, costs uniform 1–100, shortest-path
 * distances). Each instance is solved by our heuristics and, side by side, exactly by HiGHS; HiGHS gets a
 * time limit and where it stops early its bound and gap are printed instead.
 *
 * Usage: tsx bench/pmedian.ts [files…] [--time 2] [--highs-time 60] [--highs-max-n 200] [--sizes 100,200]
 *        [--no-random] [--no-files] [--no-highs] [--seed 1]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optimiseLocation } from '../src/network/index.js';
import { floydWarshall, parseCapacitated, parsePMedian, seededRandom } from '../src/network/testing.js';
import { numberFlag, numberListFlag, readBenchArgs } from './args.js';

const { values: flags, positionals: files } = readBenchArgs('pmedian');
const ourSeconds = numberFlag('time', flags.time, 1.9);
const highsSeconds = numberFlag('highs-time', flags['highs-time'], 60);
const highsMaxN = flags['no-highs'] ? 0 : numberFlag('highs-max-n', flags['highs-max-n'], 200);
const seed = numberFlag('seed', flags.seed, 1);

/** Published optima of pmed1–pmed40 (Beasley). */
const pmedOptima = [
  5819, 4093, 4250, 3034, 1355, 7824, 5631, 4445, 2734, 1255, 7696, 6634, 4374, 2968, 1729, 8162, 6999, 4809,
  2845, 1789, 9138, 8579, 4619, 2961, 1828, 9917, 8307, 4498, 3033, 1989, 10086, 9297, 4700, 3013, 10400,
  9934, 5057, 11060, 9423, 5128,
];

interface BenchInstance {
  name: string;
  n: number;
  p: number;
  dist: Float64Array;
  reference: number | null;
  referenceKind: string;
  capacitated?: { demands: Float64Array; capacity: number };
}

const dataDir = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '..',
  '..',
  'shared',
  'data',
  'orlib-pmed',
);

const readFile = (path: string): BenchInstance[] => {
  const text = readFileSync(path, 'utf8');
  const firstLine = text.trim().split('\n')[0]?.trim().split(/\s+/) ?? [];
  if (firstLine.length === 1) {
    return parseCapacitated(text).map((c) => ({
      name: `cap${c.id}`,
      n: c.n,
      p: c.p,
      dist: c.dist,
      reference: c.bestKnown,
      referenceKind: 'best-known',
      capacitated: { demands: c.demands, capacity: c.capacity },
    }));
  }
  const inst = parsePMedian(text);
  const number = /pmed(\d+)\.txt$/.exec(path)?.[1];
  const optimum = number ? pmedOptima[Number(number) - 1] : undefined;
  return [
    {
      name: basename(path, '.txt'),
      n: inst.n,
      p: inst.p,
      dist: inst.dist,
      reference: optimum ?? null,
      referenceKind: optimum ? 'optimum' : '',
    },
  ];
};

/** A random connected graph as OR-Library's: a random spanning tree plus random edges, costs 1–100. */
const randomInstance = (n: number, p: number, instanceSeed: number): BenchInstance => {
  const random = seededRandom(instanceSeed);
  const edges = Math.round((n * n) / 50);
  const dist = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) dist[i * n + i] = 0;
  const setEdge = (i: number, j: number) => {
    const c = 1 + random.int(100);
    dist[i * n + j] = c;
    dist[j * n + i] = c;
  };
  const permutation = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [permutation[i], permutation[j]] = [permutation[j] as number, permutation[i] as number];
  }
  for (let t = 1; t < n; t++) setEdge(permutation[t] as number, permutation[random.int(t)] as number);
  for (let e = n - 1; e < edges; e++) {
    const i = random.int(n);
    let j = random.int(n - 1);
    if (j >= i) j++;
    setEdge(i, j);
  }
  floydWarshall(dist, n);
  return { name: `rand${n}-${p}`, n, p, dist, reference: null, referenceKind: '' };
};

const instances: BenchInstance[] = [];
const defaults = existsSync(dataDir)
  ? readdirSync(dataDir)
      .filter((f) => /^pmed(\d+|cap\d+)\.txt$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((f) => join(dataDir, f))
  : [];
for (const path of [...(flags['no-files'] ? [] : defaults), ...files]) instances.push(...readFile(path));
if (!flags['no-random']) {
  // OR-Library's shapes: for each n, p = 5, 10, n/10, n/5, n/3.
  for (const n of numberListFlag('sizes', flags.sizes, [100, 200, 300, 400, 500, 600, 700, 800, 900])) {
    const ps = [5, 10, Math.round(n / 10), Math.round(n / 5), Math.floor(n / 3)].filter(
      (p, i, all) => all.indexOf(p) === i,
    );
    for (const p of ps) instances.push(randomInstance(n, p, seed * 1_000_003 + n * 1000 + p));
  }
}

const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);
const pad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);
const header = [
  'instance',
  'n',
  'p',
  'reference',
  'found',
  'gap %',
  'our s',
  'our bound',
  'HiGHS obj',
  'HiGHS bound',
  'HiGHS s',
  'note',
];
const widths = [12, 4, 4, 10, 9, 7, 7, 10, 10, 11, 8, 0];
console.log(header.map((h, i) => pad(h, widths[i] ?? 0)).join(' '));

let worstGap = 0;
let slowest = 0;
for (const inst of instances) {
  const problem = {
    demandCount: inst.n,
    siteCount: inst.n,
    cost: inst.dist,
    weights: inst.capacitated ? new Float64Array(inst.n).fill(1) : new Float64Array(inst.n).fill(1),
    ...(inst.capacitated
      ? {
          demands: inst.capacitated.demands,
          capacities: new Float64Array(inst.n).fill(inst.capacitated.capacity),
        }
      : {}),
  };
  const spec = { model: inst.capacitated ? 'capacitated-p-median' : 'p-median', p: inst.p } as const;
  const ours = await optimiseLocation(problem, spec, {
    method: 'heuristic',
    timeLimitSeconds: ourSeconds,
    seed,
  });
  let highs: Awaited<ReturnType<typeof optimiseLocation>> | null = null;
  let note = '';
  if (inst.n <= highsMaxN) {
    highs = await optimiseLocation(problem, spec, { method: 'exact', timeLimitSeconds: highsSeconds });
    if (highs.status !== 'optimal')
      note = `HiGHS stopped at ${highsSeconds} s, gap ${fmt((highs.gap ?? 0) * 100, 2)} %`;
  } else {
    note = 'HiGHS not run (too large)';
  }
  let reference = inst.reference;
  let kind = inst.referenceKind;
  if (reference === null && highs?.status === 'optimal') {
    reference = highs.objective;
    kind = 'HiGHS';
  }
  if (reference === null && ours.status === 'optimal') {
    reference = ours.objective;
    kind = 'our bound';
  }
  const gap =
    reference === null || ours.objective === null ? null : ((ours.objective - reference) / reference) * 100;
  if (gap !== null) worstGap = Math.max(worstGap, gap);
  slowest = Math.max(slowest, ours.seconds);
  if (reference === null && ours.bound !== null) {
    note = `${note ? `${note}; ` : ''}within ${fmt((ours.gap ?? 0) * 100, 2)} % of our bound`;
  }
  const row = [
    inst.name,
    String(inst.n),
    String(inst.p),
    reference === null
      ? '—'
      : `${fmt(reference)}${kind === 'optimum' ? '' : kind === 'best-known' ? '*' : kind === 'HiGHS' ? 'h' : 'b'}`,
    fmt(ours.objective),
    fmt(gap, 3),
    fmt(ours.seconds, 2),
    fmt(ours.bound),
    fmt(highs?.objective),
    fmt(highs?.bound),
    fmt(highs?.seconds, 1),
    note,
  ];
  console.log(row.map((c, i) => pad(c, widths[i] ?? 0)).join(' '));
}
console.log(
  '\nreference: plain = published optimum, * = best known (Osman & Christofides instances), h = HiGHS optimum,' +
    ' b = proven optimal by our own lower bound.',
);
console.log(
  `worst gap ${worstGap.toFixed(3)} %, slowest ${slowest.toFixed(2)} s (target: ≤ 0.1 %, < 2 s for n ≤ 900)`,
);

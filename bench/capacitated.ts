/**
 * Capacitated p-median (single-source) on instances of the shape county planning meets: random Euclidean
 * points (Lorena & Senne's 300–400-point shape: p 25–40, total demand 90–98 % of the capacity), generated
 * by seed, several seeds each. Per instance: our heuristic at 2 s and at 10 s (once per run seed), a longer reference run of
 * ours with another seed, HiGHS on the whole MILP, the best value any of them found (or any earlier run
 * found, as recorded below) and the best lower bound any of them proved; then the spread over seeds of how far the 10 s value is from that best. Then Osman & Christofides' pmedcap1 (../shared/data/orlib-pmed
 * when present) against the published best-known values, and the time limits at up to 5 000 points: how
 * long a run given 2 s or 10 s really takes, and the gap it reports to its bound.
 *
 * Usage: tsx bench/capacitated.ts [--seeds 1,2,3] [--sizes 300,400] [--ratio 0.9,0.95] [--limit-sizes 3000,5000]
 *        [--limit-seconds 2,10] [--highs-time 60] [--reference-time 60] [--run-seeds 1,2,3] [--threads 1]
 *        [--no-files] [--no-random]
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OptimiseResult } from '../src/model/index.js';
import { optimiseLocation } from '../src/network/index.js';
import { euclideanPoints, parseCapacitated } from '../src/network/testing.js';
import { numberFlag, numberListFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('capacitated');
const seeds = numberListFlag('seeds', flags.seeds, [1, 2, 3]);
const sizes = numberListFlag('sizes', flags.sizes, [300, 350, 400]);
const ratios = numberListFlag('ratio', flags.ratio, [0.9]);
const limitSizes = numberListFlag('limit-sizes', flags['limit-sizes'], [500, 1000, 3000, 5000]);
const limitSeconds = numberListFlag('limit-seconds', flags['limit-seconds'], [2, 10]);
const highsSeconds = numberFlag('highs-time', flags['highs-time'], 30);
const referenceSeconds = numberFlag('reference-time', flags['reference-time'], 60);
const runSeeds = numberListFlag('run-seeds', flags['run-seeds'], [1, 2, 3]);
const threads = flags.threads === undefined ? undefined : numberFlag('threads', flags.threads, 1);

interface Instance {
  name: string;
  n: number;
  p: number;
  dist: Float64Array;
  demands: Float64Array;
  capacity: number;
  reference: number | null;
}

/**
 * The best values any run has found on the instances at 90 % (runs of ours of a minute and more with
 * several seeds, and HiGHS): a benchmark run is measured against them too, not only against what its own
 * runs found.
 */
const recordedBest: Record<string, number> = {
  'euc300-30-s1': 1813.38,
  'euc300-30-s2': 1688.43,
  'euc300-30-s3': 1804.81,
  'euc300-30-s4': 1783.2,
  'euc350-35-s1': 1912.37,
  'euc350-35-s2': 1850.34,
  'euc350-35-s3': 1870.54,
  'euc350-35-s4': 1890.72,
  'euc400-40-s1': 2005.96,
  'euc400-40-s2': 2037.19,
  'euc400-40-s3': 2075.5,
  'euc400-40-s4': 2093.96,
};

/** The tests' random Euclidean instance, seeded by size and seed. */
const randomInstance = (n: number, p: number, seed: number, ratio = 0.9): Instance => {
  const { dist, demands, capacity } = euclideanPoints(n, p, seed * 7919 + n, ratio);
  const name = `euc${n}-${p}-s${seed}${ratio === 0.9 ? '' : `-r${Math.round(ratio * 100)}`}`;
  return { name, n, p, dist, demands, capacity, reference: null };
};

const solve = (inst: Instance, options: { method: 'heuristic' | 'exact'; seconds: number; seed?: number }) =>
  optimiseLocation(
    {
      demandCount: inst.n,
      siteCount: inst.n,
      cost: inst.dist,
      weights: new Float64Array(inst.n).fill(1),
      demands: inst.demands,
      capacities: new Float64Array(inst.n).fill(inst.capacity),
    },
    { model: 'capacitated-p-median', p: inst.p },
    { method: options.method, timeLimitSeconds: options.seconds, seed: options.seed ?? 1, threads },
  );

const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);
const pad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);
const row = (cells: string[], widths: number[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' ');
const above = (value: number | null, best: number | null) =>
  value === null || best === null ? '—' : (((value - best) / best) * 100).toFixed(3);
const found = (r: OptimiseResult) => (r.status === 'infeasible' || r.objective === null ? null : r.objective);

console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' / ',
    )} (1, 5, 15 min) at the start; searches side by side: ${threads ?? 'one per core, at most 4, and 4 where a run recombines (10 ms per point or more)'}`,
);

console.log(
  `\n# Random Euclidean instances, total demand ${ratios.map((r) => r * 100).join(' / ')} % of the p sites' capacity`,
);
const widths = [20, 4, 3, 11, 8, 11, 8, 11, 8, 6, 11, 11, 11, 11, 11, 8];
console.log(
  row(
    [
      'instance',
      'n',
      'p',
      'ours 2 s',
      '% best',
      'ours 10 s',
      '% best',
      'worst 10 s',
      '% best',
      's',
      `ours ${referenceSeconds} s`,
      'HiGHS',
      'best',
      'bound',
      'bound src',
      'gap %',
    ],
    widths,
  ),
);
let worst10 = 0;
let worst2 = 0;
const above10: number[] = [];
for (const n of flags['no-random'] ? [] : sizes) {
  const p = Math.round(n / 10);
  for (const seed of seeds.flatMap((s) => ratios.map((r) => [s, r] as const))) {
    const inst = randomInstance(n, p, seed[0], seed[1]);
    const short = await solve(inst, { method: 'heuristic', seconds: 2, seed: seed[0] });
    // The goal holds whatever the seed: 10 s runs with each run seed, the best and the worst of them shown.
    const longRuns: OptimiseResult[] = [];
    for (const runSeed of runSeeds)
      longRuns.push(await solve(inst, { method: 'heuristic', seconds: 10, seed: runSeed }));
    const byValue = [...longRuns].sort((a, b) => (found(a) ?? Infinity) - (found(b) ?? Infinity));
    const long = byValue[0] as OptimiseResult;
    const worstLong = byValue[byValue.length - 1] as OptimiseResult;
    const reference =
      referenceSeconds > 0
        ? await solve(inst, { method: 'heuristic', seconds: referenceSeconds, seed: seed[0] + 1000 })
        : null;
    const exact = highsSeconds > 0 ? await solve(inst, { method: 'exact', seconds: highsSeconds }) : null;
    const values = [short, ...longRuns, reference, exact].flatMap((r) =>
      r === null || found(r) === null ? [] : [found(r) as number],
    );
    // Recorded to two decimals: a hundredth below the value at most, nothing against a 0.1 % goal.
    const recorded = recordedBest[inst.name];
    if (recorded !== undefined) values.push(recorded);
    const best = values.length > 0 ? Math.min(...values) : null;
    const bounds = [
      short.bound,
      ...longRuns.map((r) => r.bound),
      reference?.bound ?? null,
      exact?.bound ?? null,
    ].filter((b): b is number => b !== null);
    const bound = bounds.length > 0 ? Math.max(...bounds) : null;
    const source = bound === exact?.bound ? 'HiGHS' : 'ours';
    for (const run of longRuns) {
      const value = found(run);
      if (best === null || value === null) continue;
      worst10 = Math.max(worst10, (value - best) / best);
      above10.push(((value - best) / best) * 100);
    }
    if (best !== null && found(short) !== null)
      worst2 = Math.max(worst2, ((found(short) as number) - best) / best);
    console.log(
      row(
        [
          inst.name,
          String(n),
          String(p),
          `${fmt(found(short))}${short.status === 'infeasible' ? ' inf' : ''}`,
          above(found(short), best),
          `${fmt(found(long))}${long.status === 'infeasible' ? ' inf' : ''}`,
          above(found(long), best),
          `${fmt(found(worstLong))}${worstLong.status === 'infeasible' ? ' inf' : ''}`,
          above(found(worstLong), best),
          fmt(Math.max(...longRuns.map((r) => r.seconds)), 2),
          reference === null ? '—' : fmt(found(reference)),
          exact === null ? '—' : `${fmt(found(exact))}${exact.status === 'optimal' ? '' : '*'}`,
          fmt(best),
          fmt(bound),
          bound === null ? '—' : source,
          best === null || bound === null ? '—' : (((best - bound) / best) * 100).toFixed(2),
        ],
        widths,
      ),
    );
  }
}
console.log(
  `worst: ${(worst2 * 100).toFixed(3)} % above the best found at 2 s, ${(worst10 * 100).toFixed(3)} % at 10 s` +
    ` (goal ≤ 0.1 % at 10 s). HiGHS: * = stopped at ${highsSeconds} s without proving optimality.`,
);
if (above10.length > 0) {
  const sorted = [...above10].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const within = sorted.filter((v) => v <= 0.1).length;
  console.log(
    `spread over ${sorted.length} runs (instances × run seeds ${runSeeds.join(', ')}) of % above the best at 10 s: min ${(sorted[0] as number).toFixed(3)},` +
      ` median ${median.toFixed(3)}, max ${(sorted[sorted.length - 1] as number).toFixed(3)};` +
      ` ${within} of ${sorted.length} within 0.1 %`,
  );
}

// ../shared beside the main checkout, or two levels up from a worktree.
const here = fileURLToPath(new URL('.', import.meta.url));
const dataFile =
  [join(here, '..', '..', 'shared'), join(here, '..', '..', '..', 'shared')]
    .map((dir) => join(dir, 'data', 'orlib-pmed', 'pmedcap1.txt'))
    .find((path) => existsSync(path)) ?? '';
if (!flags['no-files'] && existsSync(dataFile)) {
  console.log('\n# OR-Library pmedcap1 (Osman & Christofides), best-known values');
  const orWidths = [8, 4, 3, 10, 9, 8, 9, 8, 8];
  console.log(
    row(
      ['instance', 'n', 'p', 'best-known', 'ours 2 s', '% above', 'ours 10 s', '% above', 'status'],
      orWidths,
    ),
  );
  let off = 0;
  for (const c of parseCapacitated(readFileSync(dataFile, 'utf8'))) {
    const inst: Instance = {
      name: `cap${c.id}`,
      n: c.n,
      p: c.p,
      dist: c.dist,
      demands: c.demands,
      capacity: c.capacity,
      reference: c.bestKnown,
    };
    const short = await solve(inst, { method: 'heuristic', seconds: 2 });
    const long = await solve(inst, { method: 'heuristic', seconds: 10 });
    if (found(long) !== c.bestKnown) off++;
    console.log(
      row(
        [
          inst.name,
          String(c.n),
          String(c.p),
          String(c.bestKnown),
          fmt(found(short), 0),
          above(found(short), c.bestKnown),
          fmt(found(long), 0),
          above(found(long), c.bestKnown),
          long.status,
        ],
        orWidths,
      ),
    );
  }
  console.log(`${off} of 20 instances away from the best-known value at 10 s`);
}

console.log('\n# Time limits kept (random Euclidean, tight capacities, p = n / 10)');
const limitWidths = [6, 4, 8, 9, 9, 8, 10, 8, 12];
console.log(
  row(['n', 'p', 'limit s', 'actual s', 'over %', '≤ 10 %', 'status', 'gap %', 'bound src'], limitWidths),
);
let kept = 0;
let runs = 0;
for (const n of limitSizes) {
  const p = Math.round(n / 10);
  const inst = randomInstance(n, p, 1);
  for (const seconds of limitSeconds) {
    const r = await solve(inst, { method: 'heuristic', seconds });
    runs++;
    if (r.seconds <= seconds * 1.1) kept++;
    console.log(
      row(
        [
          String(n),
          String(p),
          String(seconds),
          fmt(r.seconds, 2),
          fmt(((r.seconds - seconds) / seconds) * 100, 1),
          r.seconds <= seconds * 1.1 ? 'yes' : 'NO',
          r.status,
          fmt(r.gap === null ? null : r.gap * 100, 2),
          r.boundSource,
        ],
        limitWidths,
      ),
    );
  }
}
console.log(`${kept} of ${runs} runs within 10 % of their time limit`);
console.log(
  `machine: load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end, ${(await import('node:os')).cpus().length} cores`,
);

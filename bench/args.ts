import { parseArgs } from 'node:util';

type Flags = Record<string, { type: 'string' | 'boolean' }>;

/**
 * The flags each benchmark takes, as its Usage comment and the README's Benchmarks section document
 * them. Figures arrive as strings (Node's parser knows only strings and booleans); `numberFlag` reads them.
 */
export const benchFlags = {
  forecast: { runs: { type: 'string' } },
  import: { rows: { type: 'string' }, file: { type: 'string' } },
  indicators: {
    db: { type: 'string' },
    events: { type: 'string' },
    population: { type: 'string' },
    runs: { type: 'string' },
    // Set by the benchmark itself when it times one cold run in a child process.
    cold: { type: 'string' },
  },
  load: {
    sessions: { type: 'string' },
    seconds: { type: 'string' },
    'think-ms': { type: 'string' },
    population: { type: 'string' },
    dir: { type: 'string' },
    seed: { type: 'string' },
  },
  fuzz: {
    requests: { type: 'string' },
    population: { type: 'string' },
    dir: { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string' },
  },
  matrix: {
    columns: { type: 'string' },
    origins: { type: 'string' },
    destinations: { type: 'string' },
    threads: { type: 'string' },
    'pg-destinations': { type: 'string' },
    'pg-full': { type: 'boolean' },
  },
  need: { runs: { type: 'string' } },
  pmedian: {
    time: { type: 'string' },
    'highs-time': { type: 'string' },
    'highs-max-n': { type: 'string' },
    sizes: { type: 'string' },
    seed: { type: 'string' },
    'no-random': { type: 'boolean' },
    'no-files': { type: 'boolean' },
    'no-highs': { type: 'boolean' },
  },
  capacitated: {
    seeds: { type: 'string' },
    sizes: { type: 'string' },
    ratio: { type: 'string' },
    'limit-sizes': { type: 'string' },
    'limit-seconds': { type: 'string' },
    'highs-time': { type: 'string' },
    'reference-time': { type: 'string' },
    threads: { type: 'string' },
    'run-seeds': { type: 'string' },
    'no-files': { type: 'boolean' },
    'no-random': { type: 'boolean' },
  },
  scenario: {
    population: { type: 'string' },
    dir: { type: 'string' },
    clicks: { type: 'string' },
    'straight-line': { type: 'boolean' },
    'target-year': { type: 'string' },
  },
  chains: { db: { type: 'string' }, events: { type: 'string' }, runs: { type: 'string' } },
  transit: {
    residents: { type: 'string' },
    population: { type: 'string' },
    dir: { type: 'string' },
    class: { type: 'string' },
    date: { type: 'string' },
    from: { type: 'string' },
    minutes: { type: 'string' },
    threads: { type: 'string' },
    runs: { type: 'string' },
  },
  variants: { columns: { type: 'string' }, pairs: { type: 'string' } },
  reconcile: {
    population: { type: 'string' },
    dir: { type: 'string' },
    period: { type: 'string' },
    runs: { type: 'string' },
  },
} as const satisfies Record<string, Flags>;

export type BenchName = keyof typeof benchFlags;

/**
 * A benchmark's arguments read with Node's own parser: a misspelt flag or a flag without its value
 * stops the run instead of being ignored, so a long run never measures the defaults by mistake. Only
 * pmedian takes positional arguments (instance files).
 */
export const readBenchArgs = <Name extends BenchName>(name: Name, args: string[] = process.argv.slice(2)) =>
  parseArgs({ args, options: benchFlags[name], strict: true, allowPositionals: name === 'pmedian' });

/** A figure given as a flag's value, or the default when the flag is absent. */
export const numberFlag = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw new Error(`--${name} takes a number, not "${value}"`);
  }
  return number;
};

/** Comma-separated figures (`--sizes 100,200`), or the default when the flag is absent. */
export const numberListFlag = (name: string, value: string | undefined, fallback: number[]): number[] =>
  value === undefined ? fallback : value.split(',').map((part) => numberFlag(name, part, Number.NaN));

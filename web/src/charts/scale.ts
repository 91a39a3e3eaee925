/**
 * The arithmetic behind the charts: linear scales and round tick values. Pure functions, so that the
 * components stay thin and the maths is tested on its own.
 */

export type Domain = readonly [number, number];

/** The smallest and largest of the finite values, or undefined when there are none. */
export const extent = (values: Iterable<number | null | undefined>): [number, number] | undefined => {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : undefined;
};

/** A step of 1, 2 or 5 times a power of ten that cuts the span into about `count` parts. */
export const tickStep = (span: number, count: number): number => {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // The thresholds sit at the geometric means between 1, 2, 5 and 10, so the nearest round step wins.
  const nice =
    fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.SQRT2 ? 2 : 1;
  return nice * power;
};

/** Round the step's multiples, so that 3 × 0.1 is 0.3 and not 0.30000000000000004. */
const roundTo = (value: number, step: number): number => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(decimals, 20)));
};

/**
 * Widens a domain outwards to whole ticks, so that the axis starts and ends on a labelled value. A domain
 * of one value is opened around it; `zero` pulls the domain to include 0 (bars must start at zero).
 */
export const niceDomain = (domain: Domain, { count = 5, zero = false } = {}): [number, number] => {
  let [low, high] = domain;
  if (zero) {
    low = Math.min(low, 0);
    high = Math.max(high, 0);
  }
  // A span too small to tell from rounding error is one value.
  if (high - low <= 1e-9 * Math.max(1, Math.abs(low), Math.abs(high))) {
    const pad = low === 0 ? 1 : Math.max(Math.abs(low) * 0.1, 1e-6);
    low -= zero && low === 0 ? 0 : pad;
    high += pad;
  }
  const step = tickStep(high - low, count);
  return [roundTo(Math.floor(low / step) * step, step), roundTo(Math.ceil(high / step) * step, step)];
};

/** Tick values from the domain's start to its end at a round step. */
export const ticks = (domain: Domain, count = 5): number[] => {
  const [low, high] = domain;
  const step = tickStep(high - low, count);
  const first = Math.ceil(low / step - 1e-9);
  const last = Math.floor(high / step + 1e-9);
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(roundTo(i * step, step));
  return values;
};

/** The distance between neighbouring ticks (1 for a lone tick), so that labels show the decimals it needs. */
export const tickSpacing = (values: readonly number[]): number =>
  values.length > 1 ? (values[1] ?? 0) - (values[0] ?? 0) : 1;

/** Maps the domain onto the range linearly; a domain of zero width maps everything to the range's middle. */
export const linearScale =
  ([d0, d1]: Domain, [r0, r1]: Domain) =>
  (value: number): number =>
    d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);

/**
 * The SVG path through the points, broken where a value is missing: a gap in the data is a gap in the
 * line, not a straight line across it.
 */
export const linePath = (points: readonly ({ x: number; y: number } | null)[]): string => {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round2(point.x)},${round2(point.y)}`;
    drawing = true;
  }
  return path;
};

/** The closed area between a lower and an upper line (an uncertainty band), run by run over the gaps. */
export const bandPath = (points: readonly ({ x: number; low: number; high: number } | null)[]): string => {
  const runs: { x: number; low: number; high: number }[][] = [[]];
  for (const point of points) {
    if (point === null) runs.push([]);
    else runs[runs.length - 1]?.push(point);
  }
  return runs
    .filter((run) => run.length > 0)
    .map((run) => {
      const upper = run.map((p, i) => `${i === 0 ? 'M' : 'L'}${round2(p.x)},${round2(p.high)}`).join('');
      const lower = [...run]
        .reverse()
        .map((p) => `L${round2(p.x)},${round2(p.low)}`)
        .join('');
      return `${upper}${lower}Z`;
    })
    .join('');
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Uncertainty intervals for indicator values, at 95 % confidence. A count of events in a population is
 * read as a Poisson variable and gets the exact (Garwood) interval; a share gets Wilson's score interval,
 * which stays inside 0…1 and behaves for small denominators, unlike the normal approximation.
 */
export const confidenceLevel = 0.95;

/** The standard normal quantile for 97.5 %, i.e. a two-sided 95 % interval. */
const z975 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7), accurate to about 15 digits. */
export const logGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = lanczos[0] ?? 0;
  for (let i = 1; i < lanczos.length; i++) sum += (lanczos[i] ?? 0) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
};

/** The regularised lower incomplete gamma function P(a, x). */
export const gammaP = (a: number, x: number): number => {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // The power series converges quickly below the mode.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Above it, the continued fraction for Q(a, x), evaluated by the modified Lentz method.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
};

/** x such that P(a, x) = p: Wilson–Hilferty's approximation, refined by safeguarded Newton steps. */
export const gammaQuantile = (p: number, a: number): number => {
  const z = p < 0.5 ? -z975 : z975;
  const guess = a * (1 - 1 / (9 * a) + z * Math.sqrt(1 / (9 * a))) ** 3;
  let low = 0;
  let high = Math.max(guess * 2, a + 20 * Math.sqrt(a) + 20);
  let x = guess > 0 ? guess : a;
  for (let i = 0; i < 200; i++) {
    const f = gammaP(a, x) - p;
    if (f < 0) low = x;
    else high = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logGamma(a));
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - x) <= 1e-12 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
};

/**
 * Exact 95 % interval for the mean of a Poisson count: lower = Γ⁻¹(2.5 %; k), upper = Γ⁻¹(97.5 %; k + 1),
 * the same as χ²-quantiles halved. For k = 0 the lower bound is 0.
 */
export const poissonInterval = (count: number): Interval => {
  const k = Math.max(0, count);
  const alpha = 1 - confidenceLevel;
  if (k > exactUpTo) {
    // Wilson–Hilferty's cube-root approximation is within 1e-6 (relative) of the exact limits here, and needs no
    // series of thousands of terms per figure.
    return { lower: wilsonHilferty(-z975, k), upper: wilsonHilferty(z975, k + 1) };
  }
  const cached = exactCache.get(k);
  if (cached) return cached;
  const interval = {
    lower: k === 0 ? 0 : gammaQuantile(alpha / 2, k),
    upper: gammaQuantile(1 - alpha / 2, k + 1),
  };
  if (Number.isInteger(k)) exactCache.set(k, interval);
  return interval;
};

/** Counts up to this get the exact limits (cached per count); larger ones the approximation. */
const exactUpTo = 1000;
const exactCache = new Map<number, Interval>();

const wilsonHilferty = (z: number, a: number): number => a * (1 - 1 / (9 * a) + z / (3 * Math.sqrt(a))) ** 3;

/** Wilson's 95 % score interval for a share of `successes` out of `trials` (0…1). */
export const wilsonInterval = (successes: number, trials: number): Interval | undefined => {
  if (!(trials > 0)) return undefined;
  const p = Math.min(1, Math.max(0, successes / trials));
  const z2 = z975 * z975;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z975 / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
};

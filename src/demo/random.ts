/**
 * Seeded randomness for the demo county. Everything random is drawn from streams derived from the
 * seed and a position (year, cell, …) rather than from one shared stream, so that a figure does not
 * change when another part of the generator draws more or fewer numbers.
 */

/** murmur3's 32-bit finaliser: a cheap mix in which every input bit affects every output bit. */
const fmix32 = (value: number): number => {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** A 32-bit hash of a few integers, used to derive independent random streams and stable offsets. */
export const hash32 = (...values: number[]): number => {
  let h = 0x9e3779b9;
  for (const value of values) {
    // Split values beyond 32 bits so that large client numbers hash on all their digits.
    const high = Math.floor(value / 4294967296);
    h = fmix32(h ^ fmix32((value >>> 0) + Math.imul(h, 31)));
    if (high !== 0) h = fmix32(h ^ fmix32(high | 0));
  }
  return h;
};

/** A uniform number in [0, 1) from a hash: for values that must not depend on any stream's position. */
export const hashUnit = (...values: number[]): number => hash32(...values) / 4294967296;

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, from PractRand): 128 bits of state,
 * passes BigCrush, and needs only 32-bit integer arithmetic, which JavaScript does quickly.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = hash32(seed, 1);
    this.b = hash32(seed, 2);
    this.c = hash32(seed, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A stream for one part of the work, independent of the others. */
  static of(...path: number[]): Random {
    return new Random(hash32(...path));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal, by the Box–Muller transform. */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /**
   * Poisson-distributed count. Knuth's product method is exact and cheap for the small means the
   * generator mostly needs; above 30 the normal approximation is within a fraction of a percent.
   */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /**
   * Binomially distributed count of successes in n trials. Small n: one trial at a time. Otherwise
   * the normal approximation when the variance is large enough for it, and for rare events
   * geometric skipping from one success to the next, which costs one draw per success.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n <= 40) {
      let successes = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) successes++;
      return successes;
    }
    const variance = n * p * (1 - p);
    if (variance >= 9) {
      const draw = Math.round(n * p + Math.sqrt(variance) * this.normal());
      return Math.min(n, Math.max(0, draw));
    }
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    const logFailure = Math.log(1 - p);
    let successes = 0;
    let trial = Math.floor(Math.log(1 - this.next()) / logFailure);
    while (trial < n) {
      successes++;
      trial += 1 + Math.floor(Math.log(1 - this.next()) / logFailure);
    }
    return successes;
  }

  /** An index drawn from cumulative weights (ascending, last element = total). */
  pickCumulative(cumulative: ArrayLike<number>, count = cumulative.length): number {
    const target = this.next() * (cumulative[count - 1] ?? 0);
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

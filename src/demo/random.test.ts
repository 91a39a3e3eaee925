import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash32, Random } from './random.js';

const draws = (random: Random, n: number, draw: (r: Random) => number) =>
  Array.from({ length: n }, () => draw(random));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: number[]) => {
  const m = mean(values);
  return mean(values.map((v) => (v - m) ** 2));
};

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = draws(new Random(42), 5, (r) => r.nextUint32());
    expect(draws(new Random(42), 5, (r) => r.nextUint32())).toEqual(a);
    expect(draws(new Random(43), 5, (r) => r.nextUint32())).not.toEqual(a);
  });

  it('derives independent streams from a path', () => {
    expect(Random.of(1, 2, 3).next()).toBe(Random.of(1, 2, 3).next());
    expect(Random.of(1, 2, 3).next()).not.toBe(Random.of(1, 3, 2).next());
    expect(hash32(1, 2)).not.toBe(hash32(2, 1));
  });

  it('keeps uniform draws in [0, 1) and integers in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const random = new Random(seed);
        for (let i = 0; i < 50; i++) {
          const u = random.next();
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          const k = random.int(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
  });

  it('draws binomial counts with mean np and variance np(1−p) in every regime', () => {
    for (const [n, p] of [
      [10, 0.3],
      [200, 0.02],
      [200, 0.5],
      [200, 0.99],
      [5000, 0.001],
    ] as const) {
      const values = draws(new Random(n), 20_000, (r) => r.binomial(n, p));
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThanOrEqual(n);
      expect(mean(values)).toBeCloseTo(n * p, 0);
      expect(variance(values) / (n * p * (1 - p))).toBeGreaterThan(0.9);
      expect(variance(values) / (n * p * (1 - p))).toBeLessThan(1.1);
    }
  });

  it('draws Poisson counts with the given mean', () => {
    for (const lambda of [0.3, 4, 80]) {
      expect(mean(draws(new Random(7), 20_000, (r) => r.poisson(lambda))) / lambda).toBeCloseTo(1, 1);
    }
  });

  it('picks by cumulative weight and never picks an item of weight zero', () => {
    const random = new Random(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) {
      const picked = random.pickCumulative([1, 1, 4]);
      counts[picked] = (counts[picked] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / 10_000).toBeCloseTo(0.75, 1);
  });
});

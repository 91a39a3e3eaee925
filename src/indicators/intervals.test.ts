import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaP, poissonInterval, wilsonInterval } from './intervals.js';

describe('poissonInterval', () => {
  it('matches the published exact (Garwood) limits', () => {
    // Limits from the χ² quantiles, χ²(2.5 %; 2k) ÷ 2 and χ²(97.5 %; 2k + 2) ÷ 2.
    const table: [number, number, number][] = [
      [0, 0, 3.688879],
      [1, 0.025318, 5.571643],
      [5, 1.623486, 11.668332],
      [10, 4.795389, 18.390356],
      [100, 81.363991, 121.626794],
    ];
    for (const [k, lower, upper] of table) {
      const interval = poissonInterval(k);
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    }
  });

  it('above the exact range, stays close to the exact limits', () => {
    for (const k of [1001, 5000, 123_456]) {
      const { lower, upper } = poissonInterval(k);
      expect(Math.abs(gammaP(k, lower) - 0.025)).toBeLessThan(1e-4);
      expect(Math.abs(gammaP(k + 1, upper) - 0.975)).toBeLessThan(1e-4);
    }
  });

  it('brackets the count and narrows relatively as it grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
        const { lower, upper } = poissonInterval(k);
        expect(lower).toBeLessThanOrEqual(k);
        expect(upper).toBeGreaterThan(k);
        const next = poissonInterval(k + 1);
        expect(next.lower).toBeGreaterThan(lower);
        expect(next.upper).toBeGreaterThan(upper);
      }),
      { numRuns: 200 },
    );
  });

  it('is the tail probability it claims (P(a, x) at the limits)', () => {
    for (const k of [1, 3, 42, 999]) {
      const { lower, upper } = poissonInterval(k);
      expect(gammaP(k, lower)).toBeCloseTo(0.025, 8);
      expect(gammaP(k + 1, upper)).toBeCloseTo(0.975, 8);
    }
  });
});

describe('wilsonInterval', () => {
  it('matches a hand-computed case and the ends of the scale', () => {
    const w = wilsonInterval(4, 10);
    expect(w?.lower).toBeCloseTo(0.16818, 5);
    expect(w?.upper).toBeCloseTo(0.687326, 5);
    expect(wilsonInterval(0, 20)?.lower).toBe(0);
    expect(wilsonInterval(20, 20)?.upper).toBe(1);
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('stays within 0…1 and contains the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const x = Math.round(n * f);
          const w = wilsonInterval(x, n);
          expect(w).toBeDefined();
          expect(w?.lower).toBeGreaterThanOrEqual(0);
          expect(w?.upper).toBeLessThanOrEqual(1);
          expect(w?.lower).toBeLessThanOrEqual(x / n + 1e-12);
          expect(w?.upper).toBeGreaterThanOrEqual(x / n - 1e-12);
        },
      ),
    );
  });
});

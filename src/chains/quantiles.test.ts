import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileWithInterval } from './quantiles.js';

describe('quantileWithInterval', () => {
  it('takes the order statistic of rank ⌈nq⌉, by hand', () => {
    expect(
      quantileWithInterval(
        [
          [0, 1],
          [1, 1],
          [2, 2],
        ],
        0.5,
      )[0],
    ).toBe(1);
    expect(
      quantileWithInterval(
        [
          [0, 1],
          [1, 1],
          [2, 2],
        ],
        0.9,
      )[0],
    ).toBe(2);
    expect(quantileWithInterval([], 0.5)).toEqual([null, null, null]);
  });

  it('keeps the estimate inside its interval, inside the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.9),
        (days, q) => {
          const counts = new Map<number, number>();
          for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
          const [value, lower, upper] = quantileWithInterval(
            [...counts].sort((a, b) => a[0] - b[0]),
            q,
          );
          const sorted = [...days].sort((a, b) => a - b);
          expect(value).toBe(sorted[Math.ceil(sorted.length * q) - 1]);
          expect(lower).toBeLessThanOrEqual(value as number);
          expect(upper).toBeGreaterThanOrEqual(value as number);
          expect(lower).toBeGreaterThanOrEqual(sorted[0] as number);
          expect(upper).toBeLessThanOrEqual(sorted.at(-1) as number);
        },
      ),
      { numRuns: 100 },
    );
  });
});

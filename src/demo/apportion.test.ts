import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';

describe('apportion', () => {
  it('gives the leftover units to the largest remainders', () => {
    expect([...apportion(10, [1, 1, 1])]).toEqual([4, 3, 3]);
    expect([...apportion(7, [0.5, 0.3, 0.2])]).toEqual([4, 2, 1]);
  });

  it('adds up exactly and keeps each part within one of its quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          if (weightSum === 0) return;
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const quota = (total * (weights[i] ?? 0)) / weightSum;
            expect(part).toBeGreaterThanOrEqual(Math.floor(quota));
            expect(part).toBeLessThanOrEqual(Math.ceil(quota) + 1e-9);
          });
        },
      ),
    );
  });
});

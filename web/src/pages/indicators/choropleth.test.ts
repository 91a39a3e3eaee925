import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOf, quantileBreaks } from './choropleth.js';

describe('quantileBreaks', () => {
  it('splits evenly spread values into equal classes', () => {
    expect(quantileBreaks([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 0)).toEqual([2, 4, 6, 8]);
  });

  it('rounds to the indicator’s decimals and drops repeated breaks', () => {
    expect(quantileBreaks([1.234, 1.234, 1.234, 5.678], 4, 1)).toEqual([2.3]);
    expect(quantileBreaks([], 5, 0)).toEqual([]);
    expect(quantileBreaks([7, 7, 7], 5, 0)).toEqual([]);
  });

  it('puts every value into a class within range, breaks increasing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        const breaks = quantileBreaks(values, 5, 0);
        for (let i = 1; i < breaks.length; i++) expect(breaks[i]).toBeGreaterThan(breaks[i - 1] ?? 0);
        for (const value of values) {
          const index = classOf(value, breaks);
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(breaks.length);
        }
        expect(classOf(Math.min(...values), breaks)).toBe(0);
      }),
    );
  });
});

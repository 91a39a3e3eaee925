import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandPath, extent, linearScale, linePath, niceDomain, tickStep, ticks } from './scale.js';

describe('extent', () => {
  it('ignores missing and non-finite values', () => {
    expect(extent([3, null, -1, undefined, Number.NaN, 7])).toEqual([-1, 7]);
    expect(extent([null, undefined])).toBeUndefined();
  });
});

describe('ticks', () => {
  it('are round numbers', () => {
    expect(tickStep(100, 5)).toBe(20);
    expect(ticks([0, 100])).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks([0, 1])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks([0.1, 0.35], 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it('lie inside the domain whatever it is', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        (low, span) => {
          const values = ticks([low, low + span]);
          expect(values.length).toBeGreaterThan(0);
          for (const value of values) {
            expect(value).toBeGreaterThanOrEqual(low - span * 1e-6);
            expect(value).toBeLessThanOrEqual(low + span + span * 1e-6);
          }
        },
      ),
    );
  });
});

describe('niceDomain', () => {
  it('widens to whole ticks and takes in zero for bars', () => {
    expect(niceDomain([3, 97])).toEqual([0, 100]);
    expect(niceDomain([40, 60], { zero: true })).toEqual([0, 60]);
    expect(niceDomain([-3, 12], { zero: true })).toEqual([-4, 12]);
  });

  it('opens a domain of one value around it', () => {
    const [low, high] = niceDomain([50, 50]);
    expect(low).toBeLessThan(50);
    expect(high).toBeGreaterThan(50);
    expect(niceDomain([0, 0], { zero: true })).toEqual([0, 1]);
  });

  it('always contains the values it was given', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (low, span) => {
          const [a, b] = niceDomain([low, low + span]);
          const slack = 1e-9 * Math.max(1, Math.abs(low), span);
          expect(a).toBeLessThanOrEqual(low + slack);
          expect(b).toBeGreaterThanOrEqual(low + span - slack);
        },
      ),
    );
  });
});

describe('linearScale', () => {
  it('maps ends onto ends, also reversed (SVG y grows downwards)', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
  });
});

describe('paths', () => {
  it('break the line where a value is missing', () => {
    expect(linePath([{ x: 0, y: 1 }, { x: 1, y: 2 }, null, { x: 3, y: 4 }])).toBe('M0,1L1,2M3,4');
  });

  it('close one band per run of known values', () => {
    expect(
      bandPath([{ x: 0, low: 5, high: 1 }, { x: 1, low: 6, high: 2 }, null, { x: 3, low: 7, high: 3 }]),
    ).toBe('M0,1L1,2L1,6L0,5ZM3,3L3,7Z');
  });
});

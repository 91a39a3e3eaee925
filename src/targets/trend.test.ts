import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodRange } from './periods.js';
import { leastSquares, type SeriesPoint, targetTrend } from './trend.js';

const years = (values: Record<number, number | null>): SeriesPoint[] =>
  Object.entries(values).map(([year, value]) => ({
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    value,
  }));

describe('leastSquares', () => {
  it('fits y = 1 + 2x through (0,1), (1,3), (2,5) and the best line through a scatter', () => {
    expect(leastSquares([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
    // (0,0), (1,1), (2,1): mean x 1, mean y 2/3, Sxy = 1, Sxx = 2 → slope 1/2, intercept 1/6.
    const fit = leastSquares([0, 1, 2], [0, 1, 1]);
    expect(fit?.slope).toBeCloseTo(0.5, 12);
    expect(fit?.intercept).toBeCloseTo(1 / 6, 12);
  });

  it('has no line through fewer than two distinct x', () => {
    expect(leastSquares([1], [2])).toBeNull();
    expect(leastSquares([3, 3], [1, 2])).toBeNull();
  });

  it('recovers any straight line exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 12 }),
        (slope, intercept, xs) => {
          const fit = leastSquares(
            xs,
            xs.map((x) => intercept + slope * x),
          );
          expect(fit?.slope).toBeCloseTo(slope, 6);
          expect(fit?.intercept).toBeCloseTo(intercept, 6);
        },
      ),
    );
  });
});

describe('periodRange', () => {
  it('knows years, quarters and months, leap years included', () => {
    expect(periodRange('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2024-13')).toBeUndefined();
    expect(periodRange('next year')).toBeUndefined();
  });
});

describe('targetTrend', () => {
  it('projects the line through the recent years to the target year', () => {
    // +2 a year from 10 in 2021: 2026 is projected at about 20.
    const trend = targetTrend(years({ 2021: 10, 2022: 12, 2023: 14, 2024: 16 }), {
      period: '2026',
      targetValue: 19,
      direction: 'higherIsBetter',
      tolerance: 1,
    });
    expect(trend?.slopePerYear).toBeCloseTo(2, 2);
    expect(trend?.projectedValue).toBeCloseTo(20, 1);
    expect(trend).toMatchObject({
      periodsUsed: 4,
      movement: 'improving',
      targetDate: '2026-12-31',
      projectedStatus: 'onTarget',
      headingToTarget: true,
    });
  });

  it('says when a falling figure that should fall will not fall far enough in time', () => {
    const trend = targetTrend(years({ 2022: 300, 2023: 290, 2024: 280 }), {
      period: '2025',
      targetValue: 250,
      direction: 'lowerIsBetter',
      tolerance: 15,
    });
    expect(trend?.projectedValue).toBeCloseTo(270, 0);
    expect(trend).toMatchObject({ movement: 'improving', projectedStatus: 'off', headingToTarget: false });
  });

  it('uses only the recent known values and calls a still figure flat', () => {
    const trend = targetTrend(
      years({ 2018: 999, 2020: 50, 2021: null, 2022: 50, 2023: 50.1 }),
      { period: '2025', targetValue: 60, direction: 'higherIsBetter', tolerance: 5 },
      3,
    );
    expect(trend).toMatchObject({ periodsUsed: 3, movement: 'flat', headingToTarget: false });
  });

  it('has no trend from a single value', () => {
    expect(
      targetTrend(years({ 2024: 5 }), {
        period: '2025',
        targetValue: 6,
        direction: 'higherIsBetter',
        tolerance: 0,
      }),
    ).toBeNull();
  });
});

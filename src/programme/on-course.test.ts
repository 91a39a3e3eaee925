import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CourseStatus } from '../model/index.js';
import { courseOf, expectedOn, latestPoint, worstCourse } from './on-course.js';

// Home-care clients aged 75+ from 14.7 % (2024) to 15.5 % by 2027.
const homeCare = { baselinePeriod: '2024', baselineValue: 14.7, expectedValue: 15.5, expectedBy: '2027' };
const at = (periodEnd: string, value: number | null, lower?: number, upper?: number) => ({
  periodEnd,
  value,
  lower: lower ?? value,
  upper: upper ?? value,
  suppressed: false,
});

describe('the straight line from the baseline to the expected value', () => {
  it('runs from the baseline period’s end to the expected period’s end, flat outside it', () => {
    expect(expectedOn(homeCare, '2024-12-31')).toBeCloseTo(14.7, 10);
    expect(expectedOn(homeCare, '2027-12-31')).toBeCloseTo(15.5, 10);
    // 2025-12-31 is 365 of the 1 095 days: a third of the way.
    expect(expectedOn(homeCare, '2025-12-31')).toBeCloseTo(14.7 + 0.8 / 3, 10);
    expect(expectedOn(homeCare, '2020-12-31')).toBe(14.7);
    expect(expectedOn(homeCare, '2030-12-31')).toBe(15.5);
  });
});

describe('on course', () => {
  it('reads the hand cases of 2025 (line 14.967)', () => {
    expect(courseOf(homeCare, at('2025-12-31', 15.0, 14.6, 15.4))).toBe('onCourse');
    expect(courseOf(homeCare, at('2025-12-31', 14.8, 14.4, 15.2))).toBe('uncertain');
    expect(courseOf(homeCare, at('2025-12-31', 14.8, 14.6, 14.9))).toBe('offCourse');
    expect(courseOf(homeCare, at('2025-12-31', 14.8))).toBe('offCourse');
  });

  it('for an effect meant to lower a figure, reads better as lower', () => {
    // Emergency visits from 320 to 290 per 1 000 by 2026: the line is at 305 at the end of 2025.
    const emergency = { baselinePeriod: '2024', baselineValue: 320, expectedValue: 290, expectedBy: '2026' };
    expect(courseOf(emergency, at('2025-12-31', 300, 290, 310))).toBe('onCourse');
    expect(courseOf(emergency, at('2025-12-31', 310, 302, 318))).toBe('uncertain');
    expect(courseOf(emergency, at('2025-12-31', 312, 308, 316))).toBe('offCourse');
  });

  it('holds a value while the interval holds it', () => {
    const hold = { baselinePeriod: '2024', baselineValue: 94, expectedValue: 94, expectedBy: '2026' };
    expect(courseOf(hold, at('2025-12-31', 93.5, 93, 94.2))).toBe('onCourse');
    expect(courseOf(hold, at('2025-12-31', 95, 94.5, 95.5))).toBe('offCourse');
  });

  it('says nothing before a value after the baseline, nor on a withheld one', () => {
    expect(courseOf(homeCare, undefined)).toBe('unknown');
    expect(courseOf(homeCare, at('2024-12-31', 20))).toBe('unknown');
    expect(courseOf(homeCare, { ...at('2025-12-31', null), suppressed: true })).toBe('unknown');
  });

  it('takes the latest measured point after the baseline', () => {
    const series = [at('2024-12-31', 14.7), at('2025-12-31', 15), at('2026-12-31', null)];
    expect(latestPoint(homeCare, series)?.periodEnd).toBe('2025-12-31');
    expect(latestPoint(homeCare, series.slice(0, 1))).toBeUndefined();
  });

  it('calls a project as far off course as its worst measured effect', () => {
    expect(worstCourse([])).toBe('unknown');
    expect(worstCourse(['unknown', 'onCourse'])).toBe('onCourse');
    expect(worstCourse(['onCourse', 'uncertain', 'unknown'])).toBe('uncertain');
    expect(worstCourse(['offCourse', 'onCourse'])).toBe('offCourse');
  });
});

const rank: Record<CourseStatus, number> = { onCourse: 0, uncertain: 1, offCourse: 2, unknown: -1 };
const finite = fc.double({ min: -1000, max: 1000, noNaN: true });
const effects = fc.record({
  baselineYear: fc.integer({ min: 2015, max: 2028 }),
  years: fc.integer({ min: 1, max: 6 }),
  baselineValue: finite,
  expectedValue: finite,
});
const points = fc.record({
  after: fc.integer({ min: 1, max: 3000 }),
  value: finite,
  below: fc.double({ min: 0, max: 100, noNaN: true }),
  above: fc.double({ min: 0, max: 100, noNaN: true }),
});
const lineOf = (e: {
  baselineYear: number;
  years: number;
  baselineValue: number;
  expectedValue: number;
}) => ({
  baselinePeriod: String(e.baselineYear),
  expectedBy: String(e.baselineYear + e.years),
  baselineValue: e.baselineValue,
  expectedValue: e.expectedValue,
});
const dateAfter = (year: number, days: number) =>
  new Date(Date.UTC(year, 11, 31) + days * 86_400_000).toISOString().slice(0, 10);

describe('on course, for any effect and point', () => {
  it('never reads worse for a value moved in the good direction, nor for a wider interval', () => {
    fc.assert(
      fc.property(effects, points, fc.double({ min: 0, max: 50, noNaN: true }), (e, p, step) => {
        fc.pre(e.expectedValue !== e.baselineValue);
        const effect = lineOf(e);
        const date = dateAfter(e.baselineYear, p.after);
        const point = at(date, p.value, p.value - p.below, p.value + p.above);
        const good = Math.sign(e.expectedValue - e.baselineValue) * step;
        const better = at(date, p.value + good, p.value + good - p.below, p.value + good + p.above);
        const wider = at(date, p.value, p.value - p.below - step, p.value + p.above + step);
        const before = rank[courseOf(effect, point)];
        expect(rank[courseOf(effect, better)]).toBeLessThanOrEqual(before);
        expect(rank[courseOf(effect, wider)]).toBeLessThanOrEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the same when every figure is negated (lowering is raising upside down)', () => {
    fc.assert(
      fc.property(effects, points, (e, p) => {
        const date = dateAfter(e.baselineYear, p.after);
        const effect = lineOf(e);
        const mirrored = lineOf({ ...e, baselineValue: -e.baselineValue, expectedValue: -e.expectedValue });
        const point = at(date, p.value, p.value - p.below, p.value + p.above);
        const flipped = at(date, -p.value, -p.value - p.above, -p.value + p.below);
        expect(courseOf(mirrored, flipped)).toBe(courseOf(effect, point));
      }),
      { numRuns: 100 },
    );
  });

  it('is on course exactly on the line', () => {
    fc.assert(
      fc.property(effects, fc.integer({ min: 1, max: 3000 }), (e, after) => {
        const effect = lineOf(e);
        const date = dateAfter(e.baselineYear, after);
        expect(courseOf(effect, at(date, expectedOn(effect, date)))).toBe('onCourse');
      }),
      { numRuns: 100 },
    );
  });
});

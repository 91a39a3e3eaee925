import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../../../src/model/index.js';
import { periodsOf, shownPeriodOf, versusCounty } from './values.js';

const value = (
  period: string,
  v: number | null,
  lower: number | null,
  upper: number | null,
): IndicatorValue => ({
  period,
  periodStart: `${period.slice(0, 4)}-01-01`,
  periodEnd: `${period.slice(0, 4)}-12-31`,
  areaCode: '091',
  areaName: 'Helsinki',
  breakdown: {},
  isTotal: true,
  numerator: v,
  denominator: 100,
  value: v,
  lower,
  upper,
  suppressed: v === null,
});

describe('versusCounty', () => {
  it('calls a difference only when the interval lies wholly on one side', () => {
    expect(versusCounty(value('2024', 12, 10.5, 13.5), 10)).toBe('above');
    expect(versusCounty(value('2024', 12, 9.5, 14.5), 10)).toBe('within');
    expect(versusCounty(value('2024', 8, 6, 9), 10)).toBe('below');
    expect(versusCounty(value('2024', 8, null, null), 10)).toBe('below');
    expect(versusCounty(value('2024', null, null, null), 10)).toBe('unknown');
    expect(versusCounty(value('2024', 8, 6, 9), null)).toBe('unknown');
  });
});

describe('periods', () => {
  it('are listed oldest first and default to the latest', () => {
    const periods = periodsOf([value('2024', 1, 0, 2), value('2023', 1, 0, 2), value('2024', 2, 1, 3)]);
    expect(periods).toEqual(['2023', '2024']);
    expect(shownPeriodOf(periods, undefined)).toBe('2024');
    expect(shownPeriodOf(periods, '2023')).toBe('2023');
    expect(shownPeriodOf(periods, '1999')).toBe('2024');
    expect(shownPeriodOf([], undefined)).toBeUndefined();
  });
});

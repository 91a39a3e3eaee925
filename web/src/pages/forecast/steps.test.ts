import { describe, expect, it } from 'vitest';
import { nextYear, startYear } from './steps.js';

const years = [2015, 2016, 2017, 2020];

describe('playing the years', () => {
  it('steps to the next year there is, and stops after the last', () => {
    expect(nextYear(years, 2015)).toBe(2016);
    expect(nextYear(years, 2017)).toBe(2020);
    expect(nextYear(years, 2018)).toBe(2020);
    expect(nextYear(years, 2020)).toBeUndefined();
  });

  it('starts from the year shown, or over from the first at the end', () => {
    expect(startYear(years, 2016)).toBe(2016);
    expect(startYear(years, 2020)).toBe(2015);
    expect(startYear([], 2020)).toBe(2020);
  });
});

import { describe, expect, it } from 'vitest';
import { binOf, residentsByBin, travelBins } from './travel-bins.js';

describe('travel-time classes', () => {
  it('puts each time in the class whose range holds it', () => {
    expect([0, 9.9, 10, 29.9, 30, 44, 45, 300].map(binOf)).toEqual([0, 0, 1, 2, 3, 3, 4, 4]);
    expect(binOf(null)).toBe(-1);
  });

  it('counts residents per class, unreachable last, withheld counts left out', () => {
    const totals = residentsByBin([
      { minutes: 5, population: 10 },
      { minutes: 12, population: null },
      { minutes: null, population: 7 },
      { minutes: 50, population: 3 },
    ]);
    expect(totals).toHaveLength(travelBins.length + 1);
    expect(totals).toEqual([10, 0, 0, 0, 3, 7]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  binOf,
  differenceBinOf,
  differenceBins,
  residentsByBin,
  residentsByDifference,
  travelBins,
} from './travel-bins.js';

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

describe('classes of change', () => {
  it('splits nearer, unchanged and farther at the stated minutes', () => {
    expect([-20, -5, -1, -0.5, 0, 0.4, 0.5, 5, 15, 60].map(differenceBinOf)).toEqual([
      0, 1, 1, 2, 2, 2, 3, 4, 5, 5,
    ]);
    expect(differenceBinOf(null)).toBe(-1);
    expect(
      residentsByDifference([
        { differenceMinutes: -6, population: 4 },
        { differenceMinutes: 0, population: 10 },
        { differenceMinutes: null, population: 2 },
      ]),
    ).toEqual([4, 0, 10, 0, 0, 0, 2]);
    expect(differenceBins).toHaveLength(6);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseCount } from './disclosure.js';

describe('discloseCount', () => {
  it('withholds every count from 1 to 4 as null, flagged, never as 0', () => {
    for (const count of [1, 2, 3, 4]) expect(discloseCount(count)).toEqual({ value: null, suppressed: true });
  });

  it('shows zero and counts of 5 or more as they are', () => {
    expect(discloseCount(0)).toEqual({ value: 0, suppressed: false });
    expect(discloseCount(5)).toEqual({ value: 5, suppressed: false });
    expect(discloseCount(123_456)).toEqual({ value: 123_456, suppressed: false });
  });

  it('keeps an unknown figure unknown without calling it suppressed', () => {
    expect(discloseCount(null)).toEqual({ value: null, suppressed: false });
    expect(discloseCount(undefined)).toEqual({ value: null, suppressed: false });
  });

  it('takes another threshold when one is given', () => {
    expect(discloseCount(9, 10)).toEqual({ value: null, suppressed: true });
    expect(discloseCount(10, 10)).toEqual({ value: 10, suppressed: false });
  });

  it('either shows the count unchanged or withholds it', () => {
    fc.assert(
      fc.property(fc.nat(), (count) => {
        const { value, suppressed } = discloseCount(count);
        expect(suppressed ? value === null && count >= 1 && count <= 4 : value === count).toBe(true);
      }),
    );
  });
});

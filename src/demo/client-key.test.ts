import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentityCodes } from '../model/index.js';
import { clientKey, clientNumber } from './client-key.js';

describe('clientKey', () => {
  it('is 16 lower-case hex digits, the same for the same client and seed', () => {
    const key = clientKey(1, clientNumber(1234, 1950, 1, 7));
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(clientKey(1, clientNumber(1234, 1950, 1, 7))).toBe(key);
    expect(clientKey(2, clientNumber(1234, 1950, 1, 7))).not.toBe(key);
    expect(clientKey(1, clientNumber(1234, 1950, 1, 8))).not.toBe(key);
  });

  it('never contains anything that reads as a personal identity code, even upper-cased', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.nat(40_000),
        fc.integer({ min: 1900, max: 2025 }),
        fc.nat(1),
        fc.nat(9999),
        (seed, cell, year, sex, person) => {
          const key = clientKey(seed, clientNumber(cell, year, sex, person));
          expect(findIdentityCodes(key)).toEqual([]);
          expect(findIdentityCodes(key.toUpperCase())).toEqual([]);
        },
      ),
    );
  });

  it('gives different clients different numbers', () => {
    const numbers = new Set<number>();
    for (let cell = 0; cell < 20; cell++) {
      for (const year of [1940, 1990])
        for (let sex = 0; sex < 2; sex++)
          for (let p = 0; p < 30; p++) numbers.add(clientNumber(cell, year, sex, p));
    }
    expect(numbers.size).toBe(20 * 2 * 2 * 30);
  });
});

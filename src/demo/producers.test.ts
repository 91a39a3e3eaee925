import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBusinessId } from '../model/index.js';
import { demoProducers, drawBusinessId, mappedProducerCode } from './producers.js';
import { Random } from './random.js';

describe('demoProducers', () => {
  it('has every producer kind, and the county itself as the own producer', () => {
    const producers = demoProducers(1);
    expect(new Set(producers.map((p) => p.kind))).toEqual(new Set(['own', 'purchased', 'voucher', 'ngo']));
    expect(producers.filter((p) => p.kind === 'own').map((p) => p.name)).toEqual([
      'Järvi-Pohjan hyvinvointialue',
    ]);
    expect(producers.find((p) => p.code === mappedProducerCode)?.kind).toBe('purchased');
  });

  it('gives every producer a distinct business id with a valid check digit, for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const ids = demoProducers(seed).map((p) => p.businessId);
        expect(ids.every(isValidBusinessId)).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it('draws ids in the requested range', () => {
    const id = drawBusinessId(new Random(9), 3_200_000, 3_299_999);
    expect(Number(id.slice(0, 7))).toBeGreaterThanOrEqual(3_200_000);
    expect(Number(id.slice(0, 7))).toBeLessThan(3_300_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateCounter } from './rate-counter.js';

describe('a rate counter', () => {
  it('allows the limit in a window, then says when the window ends', () => {
    const take = rateCounter({ limit: 2, windowSeconds: 60 });
    expect(take('a', 0)).toEqual({ allowed: true });
    expect(take('a', 1_000)).toEqual({ allowed: true });
    expect(take('a', 10_500)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(take('a', 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(take('a', 60_000)).toEqual({ allowed: true });
  });

  it('counts each client apart', () => {
    const take = rateCounter({ limit: 1, windowSeconds: 10 });
    expect(take('a', 0).allowed).toBe(true);
    expect(take('b', 0).allowed).toBe(true);
    expect(take('a', 0).allowed).toBe(false);
  });

  it('never allows more than the limit in one window, whatever the times asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 9_999 }), { maxLength: 50 }),
        (limit, times) => {
          const take = rateCounter({ limit, windowSeconds: 10 });
          const allowed = [...times].sort((a, b) => a - b).filter((t) => take('a', t).allowed);
          expect(allowed.length).toBe(Math.min(limit, times.length));
        },
      ),
    );
  });
});

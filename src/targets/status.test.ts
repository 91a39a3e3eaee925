import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TargetDirection } from '../model/index.js';
import { assessTarget, statusOf, statusRank } from './status.js';

const higher = { targetValue: 80, direction: 'higherIsBetter' as const, tolerance: 5 };
const lower = { targetValue: 200, direction: 'lowerIsBetter' as const, tolerance: 20 };

describe('assessTarget', () => {
  it('is on target when reached or passed in the better direction', () => {
    expect(assessTarget(80, higher)).toEqual({ status: 'onTarget', variance: 0, variancePercent: 0 });
    expect(assessTarget(84, higher)).toEqual({ status: 'onTarget', variance: 4, variancePercent: 5 });
    expect(assessTarget(150, lower)).toEqual({ status: 'onTarget', variance: -50, variancePercent: -25 });
  });

  it('is near within the tolerance on the wrong side, off beyond it', () => {
    expect(assessTarget(75, higher)).toMatchObject({ status: 'near', variance: -5 });
    expect(assessTarget(74.9, higher).status).toBe('off');
    expect(assessTarget(220, lower)).toMatchObject({ status: 'near', variance: 20, variancePercent: 10 });
    expect(assessTarget(221, lower).status).toBe('off');
  });

  it('is unknown without a value, and has no percentage against a target of 0', () => {
    expect(assessTarget(null, higher)).toEqual({ status: 'unknown', variance: null, variancePercent: null });
    expect(assessTarget(Number.NaN, higher).status).toBe('unknown');
    expect(assessTarget(3, { targetValue: 0, direction: 'lowerIsBetter', tolerance: 1 })).toEqual({
      status: 'off',
      variance: 3,
      variancePercent: null,
    });
  });
});

describe('status monotonicity', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const direction = fc.constantFrom<TargetDirection>('higherIsBetter', 'lowerIsBetter');
  const tolerance = fc.double({ min: 0, max: 1e4, noNaN: true });

  it('never gets worse as the value moves in the better direction', () => {
    fc.assert(
      fc.property(finite, finite, finite, direction, tolerance, (a, b, targetValue, dir, tol) => {
        const target = { targetValue, direction: dir, tolerance: tol };
        const [worse, better] = (dir === 'higherIsBetter') === a <= b ? [a, b] : [b, a];
        expect(statusRank[statusOf(better, target)]).toBeGreaterThanOrEqual(
          statusRank[statusOf(worse, target)],
        );
      }),
    );
  });

  it('never gets worse as the tolerance widens, and a zero tolerance knows no "near"', () => {
    fc.assert(
      fc.property(finite, finite, direction, tolerance, tolerance, (value, targetValue, dir, t1, t2) => {
        const narrow = statusOf(value, { targetValue, direction: dir, tolerance: Math.min(t1, t2) });
        const wide = statusOf(value, { targetValue, direction: dir, tolerance: Math.max(t1, t2) });
        expect(statusRank[wide]).toBeGreaterThanOrEqual(statusRank[narrow]);
        expect(statusOf(value, { targetValue, direction: dir, tolerance: 0 })).not.toBe('near');
      }),
    );
  });

  it('mirrors: a value on target for "higher is better" is never on target for "lower is better" unless equal', () => {
    fc.assert(
      fc.property(finite, finite, tolerance, (value, targetValue, tol) => {
        const up = statusOf(value, { targetValue, direction: 'higherIsBetter', tolerance: tol });
        const down = statusOf(value, { targetValue, direction: 'lowerIsBetter', tolerance: tol });
        if (value !== targetValue) expect(up === 'onTarget' && down === 'onTarget').toBe(false);
        else expect([up, down]).toEqual(['onTarget', 'onTarget']);
      }),
    );
  });
});

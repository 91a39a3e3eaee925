import { describe, expect, it } from 'vitest';
import { gapStatus } from './gapStatus.js';

describe('gapStatus', () => {
  it('calls a gap beyond 2 % of demand a shortfall or a surplus, and a smaller one balanced', () => {
    expect(gapStatus(300, 1000)).toBe('shortfall');
    expect(gapStatus(-300, 1000)).toBe('surplus');
    expect(gapStatus(20, 1000)).toBe('balanced');
    expect(gapStatus(-21, 1000)).toBe('surplus');
  });

  it('does not know the gap where there is no capacity figure', () => {
    expect(gapStatus(null, 1000)).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { quantile, table } from './figures.js';

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile(values, 0.95)).toBe(10);
    expect(quantile(values, 0.1)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('table', () => {
  it('aligns the first column left and figures right', () => {
    expect(
      table(
        ['kind', 'p50'],
        [
          ['indicator', '3.5'],
          ['evaluate', '120.0'],
        ],
      ),
    ).toBe(['kind         p50', 'indicator    3.5', 'evaluate   120.0'].join('\n'));
  });
});

import { describe, expect, it } from 'vitest';
import { linePath } from './linePath.js';

describe('linePath', () => {
  it('moves to the first point and draws to the next, breaking at a missing one', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 2.25 }, null, { x: 9, y: 1 }, { x: 10, y: 0 }])).toBe(
      'M0,10L5,2.3M9,1L10,0',
    );
  });

  it('is empty without points', () => {
    expect(linePath([null, null])).toBe('');
  });
});

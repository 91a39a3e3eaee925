import { describe, expect, it } from 'vitest';
import { outlinePath } from './outline.js';

describe('outlinePath', () => {
  const rowBottom = (index: number) => 100 - index * 10;

  it('climbs the ends of the bars row by row, stepping across between them', () => {
    expect(outlinePath([5, 3], { xOf: (value) => value * 10, rowBottom, rowHeight: 10 })).toBe(
      'M50,100L50,90L30,90L30,80',
    );
  });

  it('breaks at a missing figure', () => {
    expect(outlinePath([5, null, 3], { xOf: (value) => value, rowBottom, rowHeight: 10 })).toBe(
      'M5,100L5,90M3,80L3,70',
    );
  });
});

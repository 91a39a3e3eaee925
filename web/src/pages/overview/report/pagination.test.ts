import { describe, expect, it } from 'vitest';
import { cssString, firstPages } from './pagination.js';

describe('firstPages', () => {
  it('starts each part on the page after the last one ended', () => {
    expect(firstPages([900, 300, 1000, 2500, 10], 1000)).toEqual([1, 2, 3, 4, 7]);
  });

  it('gives a part that overshoots a page by rounding only one page', () => {
    expect(firstPages([1001, 400], 1000)).toEqual([1, 2]);
  });

  it('gives an empty part a page of its own, as its page break does', () => {
    expect(firstPages([0, 0], 1000)).toEqual([1, 2]);
  });
});

describe('cssString', () => {
  it('quotes text so that no quote or backslash in it ends the string', () => {
    expect(cssString('Pohjois-Savo · "Johto" 2025')).toBe('"Pohjois-Savo · \\"Johto\\" 2025"');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('two\nlines')).toBe('"two lines"');
  });
});

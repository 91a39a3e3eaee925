import { describe, expect, it } from 'vitest';
import { cssString, firstPages, pagesTaken, rowHeightToFit } from './pagination.js';

const parts = (...heights: number[]) => heights.map((heightPx) => ({ heightPx }));

describe('firstPages', () => {
  it('starts each part on the page after the last one ended', () => {
    expect(firstPages(parts(900, 300, 1000, 2500, 10), 1000)).toEqual([1, 2, 3, 4, 7]);
  });

  it('gives a part that overshoots a page by rounding only one page', () => {
    expect(firstPages(parts(1001, 400), 1000)).toEqual([1, 2]);
  });

  it('gives an empty part a page of its own, as its page break does', () => {
    expect(firstPages(parts(0, 0), 1000)).toEqual([1, 2]);
  });

  it('counts the page that a box kept whole is moved to', () => {
    // 1980 px fill two pages, but the row cut by the first page's end moves down by 50 px, and so the
    // part's end onto a third page.
    const rows = [{ topPx: 950, heightPx: 100 }];
    expect(firstPages([{ heightPx: 1980, keptTogether: rows }, { heightPx: 10 }], 1000)).toEqual([1, 4]);
    expect(firstPages([{ heightPx: 1980 }, { heightPx: 10 }], 1000)).toEqual([1, 3]);
  });
});

describe('pagesTaken', () => {
  it('moves every box kept whole that a page end cuts, the later ones by the earlier moves', () => {
    const boxes = [
      { topPx: 0, heightPx: 600 },
      { topPx: 600, heightPx: 600 },
      { topPx: 1200, heightPx: 600 },
    ];
    // Each 600 px box takes a page of its own.
    expect(pagesTaken({ heightPx: 1800, keptTogether: boxes }, 1000)).toBe(3);
  });

  it('leaves a box that ends on the page end, or is taller than a page, where it is', () => {
    expect(pagesTaken({ heightPx: 1500, keptTogether: [{ topPx: 900, heightPx: 100 }] }, 1000)).toBe(2);
    expect(pagesTaken({ heightPx: 1500, keptTogether: [{ topPx: 100, heightPx: 1200 }] }, 1000)).toBe(2);
  });
});

describe('rowHeightToFit', () => {
  const rowsFor = (heightPx: number, rows = 20) =>
    rowHeightToFit({ heightPx, pageHeightPx: 1000.4, rows, rowHeightPx: 18, minRowHeightPx: 14 });

  it('keeps the rows of a part that fits its page', () => {
    expect(rowsFor(999)).toBe(18);
    expect(rowsFor(500)).toBe(18);
  });

  it('shortens the rows by as much as the part overshoots, a whole pixel short of the page', () => {
    // 39 px over the page, 40 over the whole pixel short of it: 2 px off each of 20 rows.
    expect(rowsFor(1039)).toBe(16);
    expect(rowsFor(1040)).toBe(15);
  });

  it('never shortens the rows below the least height', () => {
    expect(rowsFor(1500)).toBe(14);
    expect(rowsFor(1500, 0)).toBe(18);
  });
});

describe('cssString', () => {
  it('quotes text so that no quote or backslash in it ends the string', () => {
    expect(cssString('Pohjois-Savo · "Johto" 2025')).toBe('"Pohjois-Savo · \\"Johto\\" 2025"');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('two\nlines')).toBe('"two lines"');
  });
});

/** A box on paper that a page break may not cut (report.css gives it `break-inside: avoid`). */
export interface KeptBox {
  /** From the top of its part, as laid out at the printable width. */
  topPx: number;
  heightPx: number;
}

/** A part of the printed report (each starts a new page): its height and the boxes kept whole in it. */
export interface PartLayout {
  heightPx: number;
  keptTogether?: readonly KeptBox[];
}

/**
 * The elements report.css keeps whole on paper: a chart, a table row, a definition, a commentary field
 * with nothing written in it (its label and its ruled space). Pagination moves each of them as the
 * printer does, so the two rules must name the same elements.
 */
export const keptTogetherSelector = '.chart, .report-table tr, .report-definition, .report-commentary--empty';

/** Sub-pixel rounding between the measured layout and the printer's pages. */
const tolerancePx = 2;

/**
 * The pages a part takes: as many as its height fills, after each box kept whole that a page's end would
 * cut has been moved, with everything beneath it, to the top of the next page (unless it is taller than a
 * page, when the printer cuts it anyway). A part that overshoots a page by rounding only takes one page.
 */
export const pagesTaken = ({ heightPx, keptTogether = [] }: PartLayout, pageHeightPx: number): number => {
  let pushedPx = 0;
  for (const box of [...keptTogether].sort((a, b) => a.topPx - b.topPx)) {
    const top = box.topPx + pushedPx;
    const pageEnd = (Math.floor(top / pageHeightPx) + 1) * pageHeightPx;
    if (box.heightPx <= pageHeightPx && top + box.heightPx > pageEnd + tolerancePx) pushedPx += pageEnd - top;
  }
  return Math.max(1, Math.ceil((heightPx + pushedPx - tolerancePx) / pageHeightPx));
};

/** The page each part of a printed report starts on, when every part starts on a new page. */
export const firstPages = (parts: readonly PartLayout[], pageHeightPx: number): number[] => {
  let next = 1;
  return parts.map((part) => {
    const first = next;
    next += pagesTaken(part, pageHeightPx);
    return first;
  });
};

/**
 * The row height at which a chart of `rows` rows lets its part (now `heightPx` tall, drawn at
 * `rowHeightPx` a row) fit one printed page: rows as much shorter as the part overshoots the page, but
 * never shorter than `minRowHeightPx`, at which the labels and dots still stand apart. A part that fits
 * keeps its rows as they are.
 */
export const rowHeightToFit = ({
  heightPx,
  pageHeightPx,
  rows,
  rowHeightPx,
  minRowHeightPx,
}: {
  heightPx: number;
  pageHeightPx: number;
  rows: number;
  rowHeightPx: number;
  minRowHeightPx: number;
}): number => {
  // A whole pixel short of the page, for the printer's rounding.
  const overshootPx = heightPx - (Math.floor(pageHeightPx) - 1);
  if (overshootPx <= 0 || rows === 0) return rowHeightPx;
  return Math.max(minRowHeightPx, rowHeightPx - Math.ceil(overshootPx / rows));
};

/** Text as a CSS string literal, for `content` in the page's margin boxes. */
export const cssString = (text: string): string =>
  `"${text.replace(/[\\"]/g, (character) => `\\${character}`).replace(/[\n\r\f]+/g, ' ')}"`;

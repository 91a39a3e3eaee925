/**
 * The page each part of a printed report starts on, when every part starts on a new page: the parts'
 * heights as laid out at the printable width, and the printable height of a page. A part a little
 * taller than a page (by rounding) still takes one page; a taller one takes as many as it fills.
 */
export const firstPages = (heightsPx: readonly number[], pageHeightPx: number): number[] => {
  const tolerancePx = 2;
  let next = 1;
  return heightsPx.map((height) => {
    const first = next;
    next += Math.max(1, Math.ceil((height - tolerancePx) / pageHeightPx));
    return first;
  });
};

/** Text as a CSS string literal, for `content` in the page's margin boxes. */
export const cssString = (text: string): string =>
  `"${text.replace(/[\\"]/g, (character) => `\\${character}`).replace(/[\n\r\f]+/g, ' ')}"`;

import type { Page } from 'playwright-core';

export interface LayoutLimits {
  /** The paper's printable width in CSS pixels: nothing may reach past it. */
  widthPx: number;
  /** The smallest text allowed on paper, in CSS pixels (8 pt is 10.67 px). */
  minFontPx: number;
}

/**
 * Everything on a page laid out for print that would not be readable on paper: elements and runs of text
 * reaching past the printable width (cut off by the paper's edge) and text, chart labels too, smaller than
 * the minimum once the chart is scaled to its width. Text hidden for screen readers only is left out.
 * Each problem is a line naming the element, so that a failure says where to look.
 */
export const printLayoutProblems = (page: Page, limits: LayoutLimits): Promise<string[]> =>
  page.evaluate(({ widthPx, minFontPx }) => {
    const problems: string[] = [];
    const name = (element: Element) => {
      const classes = [...element.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('');
      const text = (element.textContent ?? '').trim().slice(0, 40);
      return `<${element.tagName.toLowerCase()}${classes}> "${text}"`;
    };
    const hiddenByClip = (element: Element | null): boolean => {
      for (let at = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      }
      return false;
    };
    const outside = (rect: DOMRect) =>
      rect.width > 0 && rect.height > 0 && (rect.left < -0.5 || rect.right > widthPx + 0.5);
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (outside(rect) && !hiddenByClip(element))
        problems.push(`${name(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || hiddenByClip(parent)) continue;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (outside(rect))
        problems.push(`text in ${name(parent)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
      // A chart's text is drawn at its font size times the scale its viewBox is shown at.
      const svg = parent.closest('svg');
      const box = svg?.viewBox.baseVal;
      const scale = svg && box && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
      const fontPx = Number.parseFloat(getComputedStyle(parent).fontSize) * scale;
      if (fontPx < minFontPx - 0.05)
        problems.push(`text in ${name(parent)} is ${(fontPx * 0.75).toFixed(1)} pt on paper`);
    }
    return problems;
  }, limits);

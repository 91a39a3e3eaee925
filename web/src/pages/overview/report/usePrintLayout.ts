import { useEffect, useLayoutEffect, useState } from 'react';
import { printableArea } from '../../../../../src/model/index.js';
import {
  cssString,
  firstPages,
  keptTogetherSelector,
  type PartLayout,
  rowHeightToFit,
} from './pagination.js';

/**
 * The printed report's running head and footer come from report.css's @page margin boxes, which read
 * these properties of the root element. They are set through the CSS object model, which the
 * Content-Security-Policy allows where an inline style would not be.
 */
const useRunningTexts = (texts: Record<string, string> | null) => {
  const serialised = texts && JSON.stringify(texts);
  useEffect(() => {
    if (!serialised) return;
    const entries = Object.entries(JSON.parse(serialised) as Record<string, string>);
    const root = document.documentElement.style;
    for (const [name, text] of entries) root.setProperty(`--report-${name}`, cssString(text));
    return () => {
      for (const [name] of entries) root.removeProperty(`--report-${name}`);
    };
  }, [serialised]);
};

/** The chart's row height on paper, and the least it is shortened to so that its section fits a page. */
export const chartRowHeightPx = 18;
const minChartRowHeightPx = 14;

/** Each part's height and the boxes kept whole in it, as laid out now. */
const partLayouts = (): PartLayout[] =>
  [...document.querySelectorAll<HTMLElement>('.report-part')].map((part) => {
    const top = part.getBoundingClientRect().top;
    return {
      heightPx: part.getBoundingClientRect().height,
      keptTogether: [...part.querySelectorAll(keptTogetherSelector)].map((box) => {
        const rect = box.getBoundingClientRect();
        return { topPx: rect.top - top, heightPx: rect.height };
      }),
    };
  });

/**
 * The chart row height, by indicator, at which each indicator section fits its printed page: a section
 * whose title runs to several lines, or whose commentary is long, would otherwise spill a few lines onto
 * a page of their own.
 */
const chartRowsToFit = (): Record<string, number> => {
  const pageHeightPx = printableArea().heightPx;
  const fits: Record<string, number> = {};
  for (const section of document.querySelectorAll<HTMLElement>('.report-indicator')) {
    const id = section.dataset.indicator;
    const rows = Number(section.querySelector<HTMLElement>('[data-chart-rows]')?.dataset.chartRows ?? '0');
    if (!id) continue;
    fits[id] = rowHeightToFit({
      heightPx: section.getBoundingClientRect().height,
      pageHeightPx,
      rows,
      rowHeightPx: chartRowHeightPx,
      minRowHeightPx: minChartRowHeightPx,
    });
  }
  return fits;
};

export interface PrintLayout {
  /** Where each part (`.report-part`, each starting a page on paper) starts; null on screen. */
  pages: readonly number[] | null;
  /** The chart row height of each indicator's section on paper; none on screen. */
  chartRows: Readonly<Record<string, number>>;
}

/**
 * The report laid out for print at the printable width (as the server's printer lays it out), once every
 * figure has come: first each indicator's chart is shortened as much as its section needs to fit a page,
 * then, laid out again, where each part will start is counted. On screen the contents show no numbers.
 */
const usePartPages = (settled: boolean): PrintLayout => {
  const [printing, setPrinting] = useState(false);
  const [chartRows, setChartRows] = useState<Record<string, number> | null>(null);
  const [pages, setPages] = useState<readonly number[] | null>(null);
  useEffect(() => {
    if (!settled) return;
    const print = window.matchMedia('print');
    const follow = () => setPrinting(print.matches);
    follow();
    print.addEventListener('change', follow);
    return () => print.removeEventListener('change', follow);
  }, [settled]);
  // Measured with every chart at its full row height, as the page was drawn before printing.
  useLayoutEffect(() => {
    setPages(null);
    setChartRows(printing ? chartRowsToFit() : null);
  }, [printing]);
  useLayoutEffect(() => {
    if (printing && chartRows) setPages(firstPages(partLayouts(), printableArea().heightPx));
  }, [printing, chartRows]);
  return { pages, chartRows: chartRows ?? {} };
};

export const usePrintLayout = ({
  settled,
  runningTexts,
}: {
  settled: boolean;
  runningTexts: Record<string, string> | null;
}): PrintLayout => {
  useRunningTexts(runningTexts);
  return usePartPages(settled);
};

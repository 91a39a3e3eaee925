import { useEffect, useState } from 'react';
import { printableArea } from '../../../../../src/model/index.js';
import { cssString, firstPages } from './pagination.js';

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

/**
 * Where each part of the report (`.report-part`, each starting a page on paper) will start when
 * printed, measured once the page is laid out for print at the printable width (as the server's
 * printer lays it out) and every figure has come. Null on screen: the contents then show no numbers.
 */
const usePartPages = (settled: boolean): readonly number[] | null => {
  const [pages, setPages] = useState<readonly number[] | null>(null);
  useEffect(() => {
    if (!settled) return;
    const print = window.matchMedia('print');
    const measure = () => {
      if (!print.matches) return setPages(null);
      const parts = [...document.querySelectorAll<HTMLElement>('.report-part')];
      setPages(
        firstPages(
          parts.map((part) => part.getBoundingClientRect().height),
          printableArea().heightPx,
        ),
      );
    };
    measure();
    print.addEventListener('change', measure);
    return () => print.removeEventListener('change', measure);
  }, [settled]);
  return pages;
};

export const usePrintLayout = ({
  settled,
  runningTexts,
}: {
  settled: boolean;
  runningTexts: Record<string, string> | null;
}): readonly number[] | null => {
  useRunningTexts(runningTexts);
  return usePartPages(settled);
};

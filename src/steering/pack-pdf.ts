import type { ReportLanguage } from '../model/index.js';
import { printPagePdf } from '../reports/index.js';

/** The Producers page's address for printing one producer's scorecard, without the app's menus. */
export const scorecardPackPageUrl = (baseUrl: string, producerCode: string, period: string): string =>
  `${baseUrl}/producers?${new URLSearchParams({ producer: producerCode, period, print: '1' }).toString()}`;

/** The page is complete when the scorecard, or its error, is drawn. */
const packComplete = () =>
  document.querySelector('.scorecard-ready') !== null || document.querySelector('.status--error') !== null;

/**
 * A producer's steering-meeting pack as a PDF: its scorecard on the Producers page, printed by the
 * page's print stylesheet as the programme's status pack is. The server at `baseUrl` must be running and
 * show the page as the reader may see it.
 */
export const printScorecardPackPdf = (
  baseUrl: string,
  { producerCode, period, language }: { producerCode: string; period: string; language: ReportLanguage },
  signal?: AbortSignal,
): Promise<Buffer> =>
  printPagePdf({
    url: scorecardPackPageUrl(baseUrl, producerCode, period),
    language,
    ready: packComplete,
    signal,
  });

import type { ReportLanguage } from '../model/index.js';
import { printPagePdf } from '../reports/index.js';

/** The Programme page's address for printing: its status pack view, without the app's menus. */
export const statusPackPageUrl = (baseUrl: string): string => `${baseUrl}/programme?print=1`;

/** The page is complete when the programme, or its error, is drawn. */
const packComplete = () =>
  document.querySelector('.programme-ready') !== null || document.querySelector('.status--error') !== null;

/**
 * The steering group's status pack as a PDF: the Programme page printed by its print stylesheet, as the
 * management report is. The server at `baseUrl` must be running and show the page as the reader may.
 */
export const printStatusPackPdf = (
  baseUrl: string,
  language: ReportLanguage,
  signal?: AbortSignal,
): Promise<Buffer> =>
  printPagePdf({ url: statusPackPageUrl(baseUrl), language, ready: packComplete, signal });

import type { Page } from 'playwright-core';
import { printableArea, SoteatlasError, type Viewer } from '../model/index.js';
import type { ReportLanguage } from './texts.js';

export interface PrintRequest {
  /** Where the web app and the API are served, e.g. "http://localhost:43120". */
  baseUrl: string;
  set: string;
  year?: number | undefined;
  language?: ReportLanguage;
  /** Only these indicators get a page section of their own; all of the set's by default. */
  indicatorIds?: readonly string[] | undefined;
  /** Commentary by indicator id, and "general" for the report as a whole. */
  commentary?: Readonly<Record<string, string>> | undefined;
  /** The figures are requested as this viewer, so that the PDF withholds what the viewer may not see. */
  viewer?: Viewer;
  signal?: AbortSignal;
}

/** The web report page's URL for a request: everything the page shows is in its query. */
export const reportPageUrl = (request: PrintRequest): string => {
  const query = new URLSearchParams({ set: request.set });
  if (request.year !== undefined) query.set('period', String(request.year));
  if (request.indicatorIds?.length) query.set('ids', request.indicatorIds.join(','));
  for (const [id, text] of Object.entries(request.commentary ?? {})) if (text) query.set(`c.${id}`, text);
  return `${request.baseUrl}/overview/report?${query.toString()}`;
};

/**
 * Headless Chromium as the browser tests start it: Debian's build, no sandbox (containers), no calls
 * home. No GPU is needed for a page of SVG and text.
 */
const launch = async () => {
  // Loaded only when a PDF is printed: every command and server start would otherwise pay for it.
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // A missing browser stops printing, not the server: the client may try again once one is installed.
  const unavailable = (error: unknown) => {
    const message = `Chromium could not be started to print the PDF: ${String(error)}`;
    throw new SoteatlasError('unavailable', message, { details: { executablePath } });
  };
  return chromium
    .launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch(unavailable);
};

/** The page is complete when every indicator section has its figures, or its error, drawn. */
const reportComplete = () => {
  const mark = document.querySelector<HTMLElement>('.report-ready');
  if (!mark) return document.querySelector('.status--error') !== null;
  const wanted = Number(mark.dataset.sections ?? '0');
  const done = document.querySelectorAll(
    '.report-indicator .report-figures, .report-indicator .status--error',
  ).length;
  return done >= wanted;
};

/** The contents know their pages once the page has measured itself laid out for print. */
const reportPaginated = () =>
  document.querySelector<HTMLElement>('.report-ready')?.dataset.paginated === 'true';

/**
 * Opens the report page in `page` and lays it out as it will be printed: every figure drawn, print media,
 * a viewport as wide as the paper's printable width (so what is measured there is what the paper gets),
 * and the contents' page numbers counted.
 */
const openReportForPrint = async (page: Page, request: PrintRequest): Promise<void> => {
  const { widthPx, heightPx } = printableArea();
  await page.setViewportSize({ width: Math.floor(widthPx), height: Math.floor(heightPx) });
  await page.goto(reportPageUrl(request), { waitUntil: 'load' });
  await page.waitForFunction(reportComplete, undefined, { timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
  // A page that failed to load has no contents to number; it is printed as it is, with its error.
  if (await page.locator('.report-ready').count())
    await page.waitForFunction(reportPaginated, undefined, { timeout: 10_000 });
};

/** Headless Chromium opened on nothing yet, in the reader's language, closed once `use` is done. */
const withPrintPage = async <T>(
  language: ReportLanguage,
  signal: AbortSignal | undefined,
  use: (page: Page) => Promise<T>,
): Promise<T> => {
  const browser = await launch();
  const abort = () => void browser.close();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const context = await browser.newContext({
      locale: { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[language],
    });
    // The app takes its language from what the reader chose before; the reader chose this one.
    await context.addInitScript(
      (chosen) => window.localStorage.setItem('soteatlas.language', chosen),
      language,
    );
    return await use(await context.newPage());
  } finally {
    signal?.removeEventListener('abort', abort);
    await browser.close();
  }
};

/**
 * The report page in headless Chromium, laid out for print in the report's language, for `use` to
 * print (or to measure, before anything is printed); the browser is closed afterwards.
 */
export const withReportPage = <T>(request: PrintRequest, use: (page: Page) => Promise<T>): Promise<T> =>
  withPrintPage(request.language ?? 'fi', request.signal, async (page) => {
    await openReportForPrint(page, request);
    return use(page);
  });

/**
 * Prints the management report to PDF: the same page a manager sees at /overview/report, laid out by
 * its print stylesheet, whose @page rules give the paper (A4), the margins, the running head and the
 * page numbers; the PDF is tagged and its outline follows the headings. The server at `baseUrl` must be
 * running.
 */
export const printReportPdf = (request: PrintRequest): Promise<Buffer> =>
  withReportPage(request, async (page) =>
    Buffer.from(
      await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }),
    ),
  );

/** A page of the web app to print, in the reader's language, once `ready` holds in the page. */
export interface PagePrint {
  url: string;
  language: ReportLanguage;
  /** Run in the page until it answers true: the page has drawn everything it prints. */
  ready: () => boolean;
  signal?: AbortSignal | undefined;
}

/**
 * Prints a page of the web app to PDF as laid out by its print stylesheet, A4 with page numbers. The
 * server at the URL must be running.
 */
export const printPagePdf = ({ url, language, ready, signal }: PagePrint): Promise<Buffer> =>
  withPrintPage(language, signal, async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(ready, undefined, { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font-size:8px;text-align:center;color:#4c5a67"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
    return Buffer.from(pdf);
  });

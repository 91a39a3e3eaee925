import { z } from 'zod';
import { ReportPdf, ReportPdfQuery, ReportQuery, ReportXlsx } from '../../model/index.js';
import { findSet, gatherReport, printReportPdf, reportXlsx } from '../../reports/index.js';
import { indicatorSourceOf } from '../indicator-source.js';
import { defineRoute } from '../route.js';

/**
 * Files travel to Fastify as Buffers, which it sends byte for byte; the response schema describes them to
 * OpenAPI as binary strings, which is what a client receives. The route table types bodies by that schema.
 */
const asBody = (file: Buffer | undefined): string | undefined => file as unknown as string | undefined;

const noSuchSet = () => 'There is no monitoring set with that name or id.';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Commentary arrives as a JSON object of texts; anything else is no commentary rather than an error. */
const commentaryOf = (text: string | undefined): Record<string, string> => {
  if (!text) return {};
  try {
    const parsed = z.record(z.string(), z.string().max(5000)).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};

export const reportXlsxRoute = defineRoute({
  path: '/api/reports/report.xlsx',
  summary: 'A monitoring set’s report pack as an Excel workbook',
  description:
    'A summary sheet (figures against targets), one data sheet per indicator with the county and every municipality, and a sheet of definitions. Figures about 1–4 people are withheld from anyone but an analyst and marked "<5", never 0.',
  tag: 'reports',
  permission: 'viewAggregates',
  query: ReportQuery,
  heavy: true,
  timeBudgetSeconds: 120,
  response: ReportXlsx,
  mediaType: xlsxType,
  download: () => 'raportti.xlsx',
  notFound: noSuchSet,
  handler: async ({ store, state, query, viewer }) => {
    const report = await gatherReport(store, state, {
      set: query.set,
      year: query.period,
      language: query.lang,
      viewer,
      source: await indicatorSourceOf(store, state),
    });
    return asBody(report ? await reportXlsx(report) : undefined);
  },
});

export const reportPdfRoute = defineRoute({
  path: '/api/reports/report.pdf',
  summary: 'A monitoring set’s management report as a PDF, printed from the web app’s report page',
  description:
    'Headless Chromium prints /overview/report from a server started for the purpose over the same store; the figures are requested as the asking viewer, so the PDF withholds what the viewer may not see. Takes some seconds.',
  tag: 'reports',
  permission: 'viewAggregates',
  query: ReportPdfQuery,
  heavy: true,
  // A browser started, the report page loaded with all its figures and printed.
  timeBudgetSeconds: 180,
  response: ReportPdf,
  mediaType: 'application/pdf',
  download: () => 'raportti.pdf',
  notFound: noSuchSet,
  errors: ['unavailable'],
  handler: async ({ state, query, viewer, signal, serveApp }) => {
    const set = await findSet(state, query.set);
    if (!set) return undefined;
    // The route cannot know the address it is served at, so the page is printed from a server of its own.
    const server = await serveApp();
    try {
      const pdf = await printReportPdf({
        baseUrl: server.url,
        set: String(set.id),
        year: query.period,
        language: query.lang,
        indicatorIds: query.ids
          ?.split(',')
          .map((id) => id.trim())
          .filter(Boolean),
        commentary: commentaryOf(query.comments),
        viewer,
        signal,
      });
      return asBody(pdf);
    } finally {
      await server.close();
    }
  },
});

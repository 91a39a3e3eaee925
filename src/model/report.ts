import { z } from 'zod';
import { Year } from './common.js';

export const ReportLanguage = z.enum(['fi', 'sv', 'en']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

/** What a report pack is made of: a monitoring set (by name or id), a year and the reader's language. */
export const ReportQuery = z.strictObject({
  set: z.string().trim().min(1).max(200).describe('The monitoring set’s name or id.'),
  period: z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
      Year.optional(),
    )
    .describe('The year the figures are for; by default the latest with events.'),
  lang: ReportLanguage.default('fi').describe('Language of the report.'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The PDF's extra choices: which indicators get a section, and the commentary written for them. */
export const ReportPdfQuery = ReportQuery.extend({
  ids: z
    .string()
    .max(2000)
    .optional()
    .describe('Comma-separated ids of the indicators to report on; all by default.'),
  comments: z
    .string()
    .max(20_000)
    .optional()
    .describe('Commentary as a JSON object from indicator id (or "general") to text.'),
});
export type ReportPdfQuery = z.infer<typeof ReportPdfQuery>;

export const ReportPdf = z.string().meta({
  description: 'The management report as a PDF document (A4).',
  contentMediaType: 'application/pdf',
  contentEncoding: 'binary',
});

export const ReportXlsx = z.string().meta({
  description:
    'The report pack as an Excel workbook: a summary, one data sheet per indicator with suppression marks, and definitions.',
  contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  contentEncoding: 'binary',
});

/**
 * The paper a printed report is laid out for: A4, with margins wide enough for the running header and
 * footer. The web report page's print stylesheet sets the same @page margins; the printer lays the page
 * out at the printable width, and the report page counts its pages by the printable height.
 */
export const reportPaper = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 18, right: 15, bottom: 18, left: 15 },
} as const;

/** CSS pixels (1/96 inch) per millimetre, as browsers lay out print. */
const cssPixelsPerMm = 96 / 25.4;

/** The area inside the margins, in CSS pixels. */
export const printableArea = (paper = reportPaper): { widthPx: number; heightPx: number } => ({
  widthPx: (paper.widthMm - paper.marginMm.left - paper.marginMm.right) * cssPixelsPerMm,
  heightPx: (paper.heightMm - paper.marginMm.top - paper.marginMm.bottom) * cssPixelsPerMm,
});

export { findSet, gatherReport, type ReportRequest } from './gather.js';
export { type PagePrint, type PrintRequest, printPagePdf, printReportPdf, reportPageUrl } from './pdf.js';
export type { ReportData, ReportItem, ReportTarget } from './report-data.js';
export { type ReportLanguage, reportTexts } from './texts.js';
export { reportWorkbook, reportXlsx } from './xlsx.js';

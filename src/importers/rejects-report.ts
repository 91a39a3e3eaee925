import type { RejectedRow } from '../model/index.js';
import { formatFields } from './fields.js';

/** The reject report as a county analyst opens it in Excel: UTF-8 with BOM, semicolons, Finnish headers. */
export const rejectsReportHeader = ['rivi', 'sarake', 'arvo', 'syy'];

export const formatRejectsCsv = (rows: readonly RejectedRow[]): string =>
  `\uFEFF${[rejectsReportHeader, ...rows.map((r) => [String(r.line), r.column, r.value ?? '', r.reason])]
    .map((fields) => formatFields(fields, ';'))
    .join('\r\n')}\r\n`;

import type { AuditEntry } from '../../../../src/model/index.js';
import { useApi } from '../../api/useApi.js';
import { type AuditFilters, auditPath } from './filters.js';

/** One row of the log: the entry, when it was written (UTC) and, where the log knows it, the user's name. */
export type AuditRow = AuditEntry & { time: string; userName?: string };

export interface AuditPage {
  rows: AuditRow[];
  /** Rows matching the filters in all, for paging. */
  total: number;
}

export const useAuditRows = (filters: AuditFilters, page: { limit: number; offset: number }) =>
  useApi<AuditPage>(auditPath(filters, page));

import type { AuditPage } from '../../../../src/model/index.js';
import { useApi } from '../../api/useApi.js';
import { type AuditFilters, auditPath } from './filters.js';

export const useAuditRows = (filters: AuditFilters, page: { limit: number; offset: number }) =>
  useApi<AuditPage>(auditPath(filters, page));

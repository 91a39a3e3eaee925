import type {
  MonitoringSet,
  MonitoringSetSummary,
  MonitoringSetUpdate,
  MonitoringSetView,
} from '../../../../src/model/index.js';
import { apiPath } from '../../api/endpoints.js';
import { sendJson } from '../../api/send.js';
import { useApi } from '../../api/useApi.js';

const setPath = (id: number) => `/api/monitoring-sets/${id}`;

export const useMonitoringSets = (reload = 0) =>
  useApi<MonitoringSetSummary[]>(apiPath('/api/monitoring-sets', { r: reload || undefined }));

/** The set as stored (for editing): its items in order with their targets. */
export const useMonitoringSet = (id: number | undefined, reload = 0) =>
  useApi<MonitoringSet>(id === undefined ? null : apiPath(setPath(id), { r: reload || undefined }));

/** The set evaluated: each indicator's latest value, status and series. */
export const useMonitoringSetView = (id: number | undefined, toYear: number | undefined, reload = 0) =>
  useApi<MonitoringSetView>(
    id === undefined ? null : apiPath(`${setPath(id)}/view`, { toYear, r: reload || undefined }),
  );

export const saveMonitoringSet = (id: number, update: MonitoringSetUpdate): Promise<MonitoringSet> =>
  sendJson<MonitoringSet>('PUT', setPath(id), update);

/** The report pack's downloads, made by the server from the same set and year. */
export const reportDownloadPath = (
  format: 'pdf' | 'xlsx',
  setName: string,
  year: string | undefined,
  language: string,
) => apiPath(`/api/reports/report.${format}`, { set: setName, period: year, lang: language });

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

/** A fresh request needs a fresh component: after a save, the caller remounts what shows the set. */
export const useMonitoringSets = () => useApi<MonitoringSetSummary[]>('/api/monitoring-sets');

/**
 * The set evaluated: each indicator's latest value, status and series, with the stored items, targets
 * and version that editing starts from.
 */
export const useMonitoringSetView = (id: number | undefined, year?: number) =>
  useApi<MonitoringSetView>(id === undefined ? null : apiPath(setPath(id), { year }));

export const saveMonitoringSet = (id: number, update: MonitoringSetUpdate): Promise<MonitoringSet> =>
  sendJson<MonitoringSet>('PUT', setPath(id), { body: update });

/** A set's item without a target keeps the stored one; a target the reader took away is deleted on its own. */
export const deleteTarget = (id: number): Promise<unknown> => sendJson('DELETE', `/api/targets/${id}`);

/** The report pack's downloads, made by the server from the same set and year. */
export const reportDownloadPath = (
  format: 'pdf' | 'xlsx',
  {
    setName,
    year,
    language,
    pdfChoices = {},
  }: {
    setName: string;
    year: string | undefined;
    language: string;
    pdfChoices?: { ids?: readonly string[] | undefined; comments?: Record<string, string> };
  },
) =>
  apiPath(`/api/reports/report.${format}`, {
    set: setName,
    period: year,
    lang: language,
    ids: pdfChoices.ids?.join(','),
    comments:
      pdfChoices.comments && Object.keys(pdfChoices.comments).length > 0
        ? JSON.stringify(pdfChoices.comments)
        : undefined,
  });

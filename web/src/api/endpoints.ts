import type {
  AreaFeatureCollection,
  AreaLevel,
  AreaList,
  ImportView,
  RejectsPage,
  ServiceClass,
  StoreStatus,
  UnitFeatureCollection,
  UnitList,
} from '../../../src/model/index.js';
import { useApi } from './useApi.js';

/** A path with its query string; parameters that are undefined are left out so the server's defaults apply. */
export const apiPath = (path: string, params: Record<string, string | number | undefined> = {}): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
};

/** One page of an import's rejected rows, reasons worded in the reader's language. */
export const rejectsPath = (importId: number, params: { limit: number; lang: string }): string =>
  apiPath(`/api/imports/${importId}/rejects`, params);

export const useRejects = (path: string | null) => useApi<RejectsPage>(path);

/** The reject report with its reasons in the reader's language. */
export const rejectReportPath = (importId: number, lang: string): string =>
  apiPath(`/api/imports/${importId}/rejects.csv`, { lang });

export const useStatus = () => useApi<StoreStatus>('/api/status');

/** The import history shows source values in its rejected rows: it is for those who import. */
export const useImports = (allowed: boolean) => useApi<ImportView[]>(allowed ? '/api/imports' : null);

export const useServiceClasses = () => useApi<ServiceClass[]>('/api/service-classes');

/** Without a year the server answers for the latest year it has population for, and says which. */
export const useAreas = (level: AreaLevel, year?: number) =>
  useApi<AreaList>(apiPath('/api/areas', { level, year }));

export const useAreaShapes = (level: AreaLevel, year?: number) =>
  useApi<AreaFeatureCollection>(apiPath('/api/areas.geojson', { level, year }));

export const useUnits = (year?: number) => useApi<UnitList>(apiPath('/api/units', { year }));

export const useUnitPoints = (year?: number) =>
  useApi<UnitFeatureCollection>(apiPath('/api/units.geojson', { year }));

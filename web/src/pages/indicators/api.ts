import type {
  BreakdownDimension,
  CatalogueIndicator,
  IndicatorAreaLevel,
  IndicatorComparison,
  IndicatorPeriodType,
  IndicatorResult,
  NeedsStandardisedCost,
} from '../../../../src/model/index.js';
import { apiPath } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';

export interface ResultRequest {
  level: IndicatorAreaLevel;
  period: IndicatorPeriodType;
  fromYear?: number | undefined;
  toYear?: number | undefined;
  breakdown?: BreakdownDimension | undefined;
}

export const indicatorResultPath = (id: string, request: ResultRequest): string =>
  apiPath(`/api/indicators/${encodeURIComponent(id)}`, {
    level: request.level,
    period: request.period,
    fromYear: request.fromYear,
    toYear: request.toYear,
    breakdown: request.breakdown,
  });

/** The whole catalogue: the built-in indicators, then the service chains' measures. */
export const useIndicatorList = () => useApi<CatalogueIndicator[]>('/api/indicators');

export const useIndicatorResult = (id: string | undefined, request: ResultRequest) =>
  useApi<IndicatorResult>(id === undefined ? null : indicatorResultPath(id, request));

export const useIndicatorComparison = (id: string, year: number | undefined, level: IndicatorAreaLevel) =>
  useApi<IndicatorComparison>(
    year === undefined
      ? null
      : apiPath(`/api/indicators/${encodeURIComponent(id)}/comparison`, { year, level }),
  );

/** Without a year the server takes the latest with population, events and costs. */
/** Net costs are for those who see unsuppressed figures; for anyone else nothing is asked. */
export const useNeedsStandardisedCost = (allowed: boolean, year?: number) =>
  useApi<NeedsStandardisedCost>(allowed ? apiPath('/api/needs-standardised-cost', { year }) : null);

import type {
  AreaLevel,
  ForecastDemand,
  ForecastPyramids,
  ForecastSeries,
  ForecastVariantList,
} from '../../../../src/model/index.js';
import { apiPath } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';

export interface AreaChoice {
  level: AreaLevel;
  code: string;
}

const areaQuery = (area: AreaChoice) => ({ level: area.level, areaCode: area.code });

export const useForecastVariants = () => useApi<ForecastVariantList>('/api/forecast/variants');

/** Waits (null path) until the page knows what to ask for. */
export const useForecastSeries = (variant: string | undefined, area: AreaChoice | undefined) =>
  useApi<ForecastSeries>(
    variant && area ? apiPath('/api/forecast/series', { variant, ...areaQuery(area) }) : null,
  );

export const useForecastDemand = (
  variant: string | undefined,
  area: AreaChoice | undefined,
  year: number | undefined,
) =>
  useApi<ForecastDemand>(
    variant && area && year !== undefined
      ? apiPath('/api/forecast/demand', { variant, ...areaQuery(area), year })
      : null,
  );

/**
 * The pyramids of every year at once, in one answer: playing the years then needs no request per step,
 * and the axis can be fixed to the largest figure of any year.
 */
export const useForecastPyramids = (variant: string | undefined, area: AreaChoice | undefined) =>
  useApi<ForecastPyramids>(
    variant && area ? apiPath('/api/forecast/pyramids', { variant, ...areaQuery(area) }) : null,
  );

import { useEffect, useState } from 'react';
import type {
  AreaLevel,
  ForecastDemand,
  ForecastPyramid,
  ForecastSeries,
  ForecastVariantList,
} from '../../../../src/model/index.js';
import { apiPath } from '../../api/endpoints.js';
import { type ApiState, useApi } from '../../api/useApi.js';

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
 * The pyramids of every year at once: playing the years then needs no request per step, and the axis can
 * be fixed to the largest figure of any year.
 */
export const useForecastPyramids = (
  variant: string | undefined,
  area: AreaChoice | undefined,
  years: readonly number[],
): ApiState<ReadonlyMap<number, ForecastPyramid>> => {
  const key =
    variant && area && years.length > 0 ? `${variant}|${area.level}|${area.code}|${years.join(',')}` : null;
  const [state, setState] = useState<{
    key: string | null;
    result: ApiState<ReadonlyMap<number, ForecastPyramid>>;
  }>({
    key,
    result: { status: 'loading' },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for variant, area and years
  useEffect(() => {
    if (key === null || !variant || !area) return;
    const controller = new AbortController();
    const load = async (year: number): Promise<[number, ForecastPyramid]> => {
      const path = apiPath('/api/forecast/pyramid', { variant, ...areaQuery(area), year });
      const response = await fetch(path, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return [year, (await response.json()) as ForecastPyramid];
    };
    Promise.all(years.map(load))
      .then((entries) => {
        if (!controller.signal.aborted)
          setState({ key, result: { status: 'ready', data: new Map(entries) } });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({
            key,
            result: { status: 'error', detail: error instanceof Error ? error.message : String(error) },
          });
      });
    return () => controller.abort();
  }, [key]);

  return state.key === key ? state.result : { status: 'loading' };
};

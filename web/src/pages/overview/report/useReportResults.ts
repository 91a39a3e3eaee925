import { useEffect, useState } from 'react';
import type { IndicatorResult } from '../../../../../src/model/index.js';
import { getJson, reasonOf } from '../../../api/failure.js';
import type { ApiState } from '../../../api/useApi.js';
import { indicatorResultPath } from '../../indicators/api.js';

export type ReportResults = ReadonlyMap<string, ApiState<IndicatorResult>>;

/**
 * Every chosen indicator by municipality for the report's year, asked for once: its page draws the
 * figures and the definitions take the method from the same answer. Each settles on its own.
 */
export const useReportResults = (ids: readonly string[], year: number): ReportResults => {
  const key = `${year}|${ids.join(',')}`;
  const [results, setResults] = useState<{ key: string; byId: ReportResults }>({ key, byId: new Map() });

  useEffect(() => {
    const controller = new AbortController();
    const [, list = ''] = key.split('|');
    const wanted = list.split(',').filter(Boolean);
    setResults({ key, byId: new Map() });
    const settle = (id: string, state: ApiState<IndicatorResult>) => {
      if (controller.signal.aborted) return;
      setResults((current) =>
        current.key === key ? { key, byId: new Map(current.byId).set(id, state) } : current,
      );
    };
    for (const id of wanted) {
      const path = indicatorResultPath(id, {
        level: 'municipality',
        period: 'year',
        fromYear: year,
        toYear: year,
      });
      getJson<IndicatorResult>(path, controller.signal)
        .then((data) => settle(id, { status: 'ready', data }))
        .catch((error: unknown) => settle(id, { status: 'error', reason: reasonOf(error) }));
    }
    return () => controller.abort();
  }, [key, year]);

  return results.key === key ? results.byId : new Map();
};

/** Loading until its answer has come. */
export const resultOf = (results: ReportResults, id: string): ApiState<IndicatorResult> =>
  results.get(id) ?? { status: 'loading' };

/** Whether every indicator's answer, figures or failure, has come. */
export const allSettled = (results: ReportResults, ids: readonly string[]): boolean =>
  ids.every((id) => results.get(id) !== undefined);

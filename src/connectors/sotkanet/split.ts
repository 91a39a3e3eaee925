/**
 * Sotkanet's data endpoint takes one indicator per request, and each year asked brings every region
 * Sotkanet has (some 470) for every gender: a long history is asked a few years at a time, so that one
 * answer stays small and a failed request costs little.
 */
export const defaultYearsPerRequest = 5;

export interface DataQuery {
  indicator: number;
  years: number[];
}

export const splitQuery = (
  indicators: readonly number[],
  years: readonly number[],
  yearsPerRequest = defaultYearsPerRequest,
): DataQuery[] => {
  if (!Number.isInteger(yearsPerRequest) || yearsPerRequest < 1)
    throw new RangeError('yearsPerRequest must be a positive whole number');
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const queries: DataQuery[] = [];
  for (const indicator of [...new Set(indicators)])
    for (let i = 0; i < sorted.length; i += yearsPerRequest)
      queries.push({ indicator, years: sorted.slice(i, i + yearsPerRequest) });
  return queries;
};

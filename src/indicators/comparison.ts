import type {
  IndicatorAreaLevel,
  IndicatorComparison,
  IndicatorComparisonRow,
  IndicatorDefinition,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { type ComputeOptions, computeIndicators } from './compute.js';

/**
 * Areas against their county in one year: the area's value, its interval, its rank (1 = best when the
 * direction says which way is better, otherwise the highest), and whether the whole interval lies above
 * or below the county's value — so that a small municipality's noise is not read as a difference.
 */
export const compareAreas = async (
  store: Store,
  definition: IndicatorDefinition,
  request: { level?: Exclude<IndicatorAreaLevel, 'county'>; year?: number },
  options: ComputeOptions = {},
): Promise<IndicatorComparison> => {
  const level = request.level ?? 'municipality';
  const [areas, county] = await Promise.all([
    computeIndicators(store, [definition], { level, period: 'year', fromYear: request.year }, options),
    definition.levels.includes('county')
      ? computeIndicators(
          store,
          [definition],
          { level: 'county', period: 'year', fromYear: request.year },
          options,
        )
      : Promise.resolve([]),
  ]);
  const result = areas[0];
  if (!result) throw new Error('no result');
  const countyValue = county[0]?.values.find((v) => v.isTotal);
  const reference = definition.kind === 'standardisedCostIndex' ? 100 : (countyValue?.value ?? null);
  const totals = result.values.filter((v) => v.isTotal);
  // Competition ranking: equal values share a rank, the next one skips (1, 1, 3).
  const better = (a: number, b: number) => (definition.direction === 'lowerIsBetter' ? a < b : a > b);
  const values = totals.map((v) => v.value).filter((v): v is number => v !== null);
  const rankOf = new Map(
    totals.flatMap((v) =>
      v.value === null
        ? []
        : [[v.areaCode, 1 + values.filter((x) => better(x, v.value as number)).length] as const],
    ),
  );
  const rows = totals.map(
    (v): IndicatorComparisonRow => ({
      areaCode: v.areaCode,
      areaName: v.areaName,
      value: v.value,
      lower: v.lower,
      upper: v.upper,
      suppressed: v.suppressed,
      rank: rankOf.get(v.areaCode) ?? null,
      versusCounty:
        reference === null || v.lower === null || v.upper === null
          ? 'unknown'
          : v.lower > reference
            ? 'above'
            : v.upper < reference
              ? 'below'
              : 'within',
    }),
  );
  return {
    indicatorId: definition.id,
    year: result.toYear,
    level,
    county: countyValue ? { areaCode: countyValue.areaCode, value: reference } : null,
    rows,
    metadata: result.metadata,
  };
};

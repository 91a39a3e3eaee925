import type { IndicatorValue } from '../../../../src/model/index.js';
import type { DotRow } from '../../charts/index.js';

export type VersusCounty = 'above' | 'below' | 'within' | 'unknown';

/**
 * Whether an area differs from the county beyond chance: only when its whole interval lies on one side of
 * the county's value. Without an interval (money, capacity) the plain comparison is all there is.
 */
export const versusCounty = (value: IndicatorValue, countyValue: number | null | undefined): VersusCounty => {
  if (value.value === null || countyValue === null || countyValue === undefined) return 'unknown';
  const low = value.lower ?? value.value;
  const high = value.upper ?? value.value;
  if (low > countyValue) return 'above';
  if (high < countyValue) return 'below';
  return 'within';
};

/** The periods that have figures, oldest first, as the API labels them. */
export const periodsOf = (values: readonly IndicatorValue[]): string[] =>
  [...new Set(values.map((value) => value.period))].sort((a, b) => a.localeCompare(b));

/** A period the reader asked for if it has figures, else the latest that does. */
export const shownPeriodOf = (periods: readonly string[], wanted: string | undefined): string | undefined =>
  wanted !== undefined && periods.includes(wanted) ? wanted : periods[periods.length - 1];

/** A breakdown row's categories in words, "75–84, female" for two dimensions. */
export const categoryKey = (value: IndicatorValue): string => Object.values(value.breakdown).join(', ');

/** Areas as a dot chart's rows, highest first; a withheld or missing figure goes last. */
export const areaDotRows = (
  values: readonly IndicatorValue[],
  highlighted: ReadonlySet<string> = new Set(),
): DotRow[] =>
  [...values]
    .sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY))
    .map((value) => ({
      key: value.areaCode,
      label: value.areaName ?? value.areaCode,
      value: value.value,
      low: value.lower,
      high: value.upper,
      suppressed: value.suppressed,
      highlight: highlighted.has(value.areaCode),
    }));

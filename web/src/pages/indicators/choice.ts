import type {
  BreakdownDimension,
  CatalogueIndicator,
  IndicatorAreaLevel,
  IndicatorPeriodType,
} from '../../../../src/model/index.js';

export interface IndicatorChoice {
  indicator: CatalogueIndicator;
  level: IndicatorAreaLevel;
  periodType: IndicatorPeriodType;
  breakdown: BreakdownDimension | undefined;
  /** A period label such as "2024" or "2024-03"; undefined means the latest one with figures. */
  period: string | undefined;
}

const pick = <T extends string>(
  wanted: string | null,
  allowed: readonly T[],
  preferred: T,
): T | undefined => {
  if (wanted !== null && (allowed as readonly string[]).includes(wanted)) return wanted as T;
  return allowed.includes(preferred) ? preferred : allowed[0];
};

/**
 * What the URL asks for, made valid: an unknown indicator becomes the first one, and a level, period type
 * or breakdown the indicator does not allow becomes one it does, so that an old bookmark still opens.
 */
export const resolveChoice = (
  params: URLSearchParams,
  indicators: readonly CatalogueIndicator[],
): IndicatorChoice | undefined => {
  const indicator = indicators.find((candidate) => candidate.id === params.get('id')) ?? indicators[0];
  if (!indicator) return undefined;
  const level = pick(params.get('level'), indicator.levels, 'municipality') ?? 'municipality';
  const periodType = pick(params.get('type'), indicator.periods, 'year') ?? 'year';
  const wantedBreakdown = params.get('breakdown');
  const breakdown = indicator.breakdowns.find((dimension) => dimension === wantedBreakdown);
  const period = params.get('period') ?? undefined;
  return { indicator, level, periodType, breakdown, period };
};

import {
  computeIndicators,
  findIndicator,
  IndicatorRequestError,
  latestIndicatorYear,
} from '../indicators/index.js';
import type {
  BreakdownDimension,
  CatalogueIndicator,
  IndicatorAreaLevel,
  IndicatorDefinition,
  IndicatorSource,
  IndicatorValue,
  MonitoringSeriesPoint,
  MonitoringSet,
  MonitoringSetItem,
  MonitoringSetItemView,
  MonitoringSetView,
  Viewer,
} from '../model/index.js';
import { isChainIndicator, publicViewer } from '../model/index.js';
import type { Store } from '../store/index.js';
import { assessTarget } from './status.js';
import { targetTrend } from './trend.js';

export interface EvaluateOptions {
  viewer?: Viewer;
  periodType?: 'year' | 'quarter' | 'month';
  /** The last year shown; by default the latest year with events. */
  toYear?: number;
  /** How many years of series the sparklines and trend lines cover. */
  years?: number;
  /** Indicators computed elsewhere than in the indicator engine, such as the service chains' measures. */
  source?: IndicatorSource | undefined;
}

/** Where an item's figures come from in the engine: an area of a level, or one category of a breakdown. */
interface Placement {
  level: IndicatorAreaLevel;
  areaCode: string;
  breakdown: BreakdownDimension | null;
  category: string | null;
}

const placementOf = (item: MonitoringSetItem, countyCode: string | null): Placement | string => {
  const { level, code } = item.scope;
  if (level === 'county') {
    const areaCode = code ?? countyCode;
    return areaCode === null
      ? 'the store has no county'
      : { level: 'county', areaCode, breakdown: null, category: null };
  }
  if (code === null) return `a ${level} scope needs a code`;
  if (level === 'municipality')
    return { level: 'municipality', areaCode: code, breakdown: null, category: null };
  if (countyCode === null) return 'the store has no county';
  return { level: 'county', areaCode: countyCode, breakdown: level, category: code };
};

const refusal = (definition: CatalogueIndicator, placement: Placement, period: string): string | null => {
  if (!definition.levels.includes(placement.level)) return `not computed for level ${placement.level}`;
  if (!definition.periods.includes(period as IndicatorDefinition['periods'][number]))
    return `not computed for ${period} periods`;
  if (placement.breakdown && !definition.breakdowns.includes(placement.breakdown))
    return `cannot be broken down by ${placement.breakdown}`;
  return null;
};

const pointOf = (v: IndicatorValue): MonitoringSeriesPoint => ({
  period: v.period,
  periodStart: v.periodStart,
  periodEnd: v.periodEnd,
  value: v.value,
  lower: v.lower,
  upper: v.upper,
  suppressed: v.suppressed,
});

/** The scope's figures in time order, from the first period with data (years before the data began say nothing). */
const seriesOf = (values: readonly IndicatorValue[], placement: Placement): MonitoringSeriesPoint[] => {
  const points = values
    .filter((v) =>
      v.areaCode === placement.areaCode && placement.breakdown
        ? !v.isTotal && v.breakdown[placement.breakdown] === placement.category
        : v.areaCode === placement.areaCode && v.isTotal,
    )
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
    .map(pointOf);
  const first = points.findIndex((p) => p.value !== null || p.suppressed);
  return first < 0 ? [] : points.slice(first);
};

const itemView = (
  item: MonitoringSetItem,
  {
    definition,
    placement,
    series = [],
    note,
  }: {
    definition: CatalogueIndicator | undefined;
    placement: Placement | null;
    series?: MonitoringSeriesPoint[];
    /** Why the item has no values, or null. */
    note: string | null;
  },
): MonitoringSetItemView => {
  const current = series.at(-1);
  const value = current?.value ?? null;
  return {
    ...item,
    title: definition?.title ?? null,
    unit: definition?.unit ?? null,
    decimals: definition?.decimals ?? null,
    indicatorDirection: definition?.direction ?? null,
    areaCode: placement ? (placement.category ?? placement.areaCode) : null,
    period: current?.period ?? null,
    value,
    lower: current?.lower ?? null,
    upper: current?.upper ?? null,
    suppressed: current?.suppressed ?? false,
    assessment: item.target
      ? assessTarget(value, item.target)
      : { status: 'unknown', variance: null, variancePercent: null },
    trend: item.target ? targetTrend(series, item.target) : null,
    series,
    note,
  };
};

type Plan =
  | { item: MonitoringSetItem; definition?: CatalogueIndicator; placement?: Placement; note: string }
  | { item: MonitoringSetItem; definition: CatalogueIndicator; placement: Placement; note: null };

const planOf = (
  item: MonitoringSetItem,
  countyCode: string | null,
  periodType: string,
  source: IndicatorSource | undefined,
): Plan => {
  const definition = findIndicator(item.indicatorId) ?? source?.find(item.indicatorId);
  if (!definition) return { item, note: `unknown indicator ${item.indicatorId}` };
  const placement = placementOf(item, countyCode);
  if (typeof placement === 'string') return { item, definition, note: placement };
  const refused = refusal(definition, placement, periodType);
  if (refused) return { item, definition, placement, note: `${definition.id}: ${refused}` };
  return { item, definition, placement, note: null };
};

const groupKey = (placement: Placement): string => `${placement.level}|${placement.breakdown ?? ''}`;

/**
 * The engine's values of every planned item, keyed by group and indicator, with one request per group
 * of items that share an area level and breakdown. Should the engine refuse one indicator for this
 * viewer (a producer asking for the county's costs), the group's others are computed one by one so that
 * only that one goes without; its refusal is kept as the item's note. Chain indicators come from the
 * source the caller handed in, one request each (the source computes a chain once for all its measures).
 */
const computePlans = async (
  store: Store,
  plans: readonly Plan[],
  {
    viewer,
    source,
    ...request
  }: {
    period: EvaluateOptions['periodType'];
    fromYear: number;
    toYear: number;
    viewer: Viewer;
    source: IndicatorSource | undefined;
  },
): Promise<{ computed: Map<string, IndicatorValue[]>; refused: Map<string, string> }> => {
  const groups = new Map<string, { placement: Placement; definitions: Map<string, IndicatorDefinition> }>();
  const computed = new Map<string, IndicatorValue[]>();
  for (const p of plans) {
    if (p.note !== null) continue;
    if (isChainIndicator(p.definition)) {
      const { fromYear, toYear } = request;
      const result = await source?.compute(
        p.definition.id,
        { level: p.placement.level, fromYear, toYear },
        viewer,
      );
      computed.set(`${groupKey(p.placement)}|${p.definition.id}`, result?.values ?? []);
      continue;
    }
    const group = groups.get(groupKey(p.placement)) ?? { placement: p.placement, definitions: new Map() };
    group.definitions.set(p.definition.id, p.definition);
    groups.set(groupKey(p.placement), group);
  }
  const refused = new Map<string, string>();
  for (const [key, group] of groups) {
    const groupRequest = {
      ...request,
      level: group.placement.level,
      breakdown: group.placement.breakdown ? [group.placement.breakdown] : [],
    };
    const definitions = [...group.definitions.values()];
    const batches = await computeIndicators(store, definitions, groupRequest, { viewer }).then(
      (results) => [results],
      async (error: unknown) => {
        if (!(error instanceof IndicatorRequestError)) throw error;
        const single = [];
        for (const definition of definitions) {
          try {
            single.push(await computeIndicators(store, [definition], groupRequest, { viewer }));
          } catch (inner) {
            if (!(inner instanceof IndicatorRequestError)) throw inner;
            refused.set(`${key}|${definition.id}`, inner.message);
          }
        }
        return single;
      },
    );
    for (const result of batches.flat()) computed.set(`${key}|${result.indicatorId}`, result.values);
  }
  return { computed, refused };
};

/** The years shown and the county the county-scoped items are for. */
const windowOf = async (store: Store, options: EvaluateOptions) => {
  const toYear = options.toYear ?? (await latestIndicatorYear(store));
  // Years before the first event would show as zeros of rates that were never measured, not as change.
  const [first] = await store.all<{ year: number | null }>(
    'SELECT year(min(event_date)) AS year FROM events',
  );
  const fromYear = Math.min(toYear, Math.max(toYear - Math.max(1, options.years ?? 5) + 1, first?.year ?? 0));
  const [county] = await store.all<{ code: string }>(
    `SELECT code FROM areas WHERE level = 'county' AND valid_from_year <= $year
     AND (valid_to_year IS NULL OR valid_to_year >= $year) ORDER BY code LIMIT 1`,
    { year: toYear },
  );
  return { fromYear, toYear, countyCode: county?.code ?? null };
};

/**
 * A monitoring set as the overview shows it: each indicator's latest value, its target, status,
 * variance and trend, and the series behind the sparkline, computed by the indicator engine for the
 * viewer (so figures about few people are withheld from anyone but an analyst).
 */
export const evaluateMonitoringSet = async (
  store: Store,
  set: MonitoringSet,
  options: EvaluateOptions = {},
): Promise<MonitoringSetView> => {
  const viewer = options.viewer ?? publicViewer;
  const periodType = options.periodType ?? 'year';
  const { fromYear, toYear, countyCode } = await windowOf(store, options);
  const plans = set.items.map((item) => planOf(item, countyCode, periodType, options.source));
  const { computed, refused } = await computePlans(store, plans, {
    period: periodType,
    fromYear,
    toYear,
    viewer,
    source: options.source,
  });
  const { items: _items, ...summary } = set;
  return {
    ...summary,
    periodType,
    fromYear,
    toYear,
    items: plans.map((p) => {
      if (p.note !== null)
        return itemView(p.item, { definition: p.definition, placement: p.placement ?? null, note: p.note });
      const key = `${groupKey(p.placement)}|${p.definition.id}`;
      const values = computed.get(key) ?? [];
      return itemView(p.item, {
        definition: p.definition,
        placement: p.placement,
        series: seriesOf(values, p.placement),
        note: refused.get(key) ?? null,
      });
    }),
  };
};

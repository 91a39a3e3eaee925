import { computeIndicators, findIndicator } from '../indicators/index.js';
import type {
  CatalogueIndicator,
  IndicatorAreaLevel,
  IndicatorDefinition,
  IndicatorResult,
  IndicatorSource,
  MonitoringSet,
  MonitoringSetItemView,
  Viewer,
} from '../model/index.js';
import { isChainIndicator, publicViewer } from '../model/index.js';
import type { StateDb } from '../state/index.js';
import { listAreas, type Store } from '../store/index.js';
import {
  ensureShippedMonitoringSets,
  evaluateMonitoringSet,
  findMonitoringSet,
  findMonitoringSetByName,
} from '../targets/index.js';
import type { ReportData, ReportItem, ReportTarget } from './report-data.js';
import type { ReportLanguage } from './texts.js';

export interface ReportRequest {
  /** The monitoring set's name, or its id. */
  set: string;
  /** The year the figures are for; by default the latest with events. */
  year?: number | undefined;
  language?: ReportLanguage;
  /** Who the report is for: figures about few people are withheld from anyone but an analyst. */
  viewer?: Viewer;
  /** Today, as YYYY-MM-DD; given in tests so that the file does not change from day to day. */
  preparedOn?: string;
  /** Indicators computed elsewhere than in the indicator engine, such as the service chains' measures. */
  source?: IndicatorSource | undefined;
}

export const findSet = async (state: StateDb, set: string): Promise<MonitoringSet | undefined> => {
  await ensureShippedMonitoringSets(state);
  const byName = await findMonitoringSetByName(state, set);
  if (byName) return byName;
  return /^\d+$/.test(set) ? findMonitoringSet(state, Number(set)) : undefined;
};

const targetOf = (item: MonitoringSetItemView): ReportTarget | null =>
  item.target
    ? { value: item.target.targetValue, status: item.assessment.status, variance: item.assessment.variance }
    : null;

/** Areas have official Finnish and (in bilingual regions) Swedish names; English uses the Finnish one. */
const countyName = (area: { nameFi: string; nameSv: string | null }, language: ReportLanguage) =>
  language === 'sv' ? (area.nameSv ?? area.nameFi) : area.nameFi;

/** One engine request per area level for every indicator of the set that the level allows. */
const computeLevel = async (
  store: Store,
  definitions: readonly IndicatorDefinition[],
  { level, year, viewer }: { level: IndicatorAreaLevel; year: number; viewer: Viewer },
): Promise<Map<string, IndicatorResult>> => {
  const allowed = definitions.filter((d) => d.levels.includes(level) && d.periods.includes('year'));
  if (allowed.length === 0) return new Map();
  const results = await computeIndicators(
    store,
    allowed,
    { level, period: 'year', fromYear: year, toYear: year },
    // A report leaves the county and is kept: its suppression pattern is checked exactly.
    { viewer, audit: true },
  );
  return new Map(results.map((result) => [result.indicatorId, result]));
};

/** The chain indicators' values for one level and year, from the source the caller gave. */
const computeSourced = async (
  source: IndicatorSource | undefined,
  definitions: readonly CatalogueIndicator[],
  { level, year, viewer }: { level: IndicatorAreaLevel; year: number; viewer: Viewer },
): Promise<Map<string, IndicatorResult>> => {
  const results = new Map<string, IndicatorResult>();
  for (const definition of definitions.filter(isChainIndicator)) {
    if (!definition.levels.includes(level)) continue;
    const result = await source?.compute(definition.id, { level, fromYear: year, toYear: year }, viewer);
    if (result) results.set(definition.id, result);
  }
  return results;
};

/** THL's figure for the store's county and year, for the indicators that name a Sotkanet id. */
const countyReferences = async (
  store: Store,
  definitions: readonly IndicatorDefinition[],
  year: number,
): Promise<Map<string, NonNullable<ReportItem['reference']>>> => {
  const linked = definitions.filter((d) => d.sotkanetId !== undefined);
  if (linked.length === 0) return new Map();
  const rows = await store.all<{
    indicator_id: string;
    value: number | null;
    mark: string | null;
    source: string;
  }>(
    `SELECT r.indicator_id, r.value, r.mark, r.reference_source AS source FROM reference_values r
     WHERE r.area_level = 'county' AND r.year = $1 AND r.sex = 'total'
       AND r.area_code = (SELECT code FROM areas WHERE level = 'county' ORDER BY valid_from_year DESC, code LIMIT 1)`,
    [year],
  );
  return new Map(
    linked.flatMap((d) => {
      const row = rows.find((r) => r.indicator_id === String(d.sotkanetId));
      return row ? [[d.id, { value: row.value, mark: row.mark, source: row.source }] as const] : [];
    }),
  );
};

/**
 * A report pack's content: the set's indicators for one year, each with its target and status (from
 * the targets module, as the overview shows them), the county's figure and every municipality's, as
 * disclosure control leaves them for the viewer. Undefined when there is no such set.
 */
export const gatherReport = async (
  store: Store,
  state: StateDb,
  request: ReportRequest,
): Promise<ReportData | undefined> => {
  const set = await findSet(state, request.set);
  if (!set) return undefined;
  const viewer = request.viewer ?? publicViewer;
  const view = await evaluateMonitoringSet(store, set, {
    viewer,
    periodType: 'year',
    years: 1,
    source: request.source,
    ...(request.year !== undefined && { toYear: request.year }),
  });
  const year = view.toYear;
  const find = (id: string): CatalogueIndicator | undefined => findIndicator(id) ?? request.source?.find(id);
  const listed = [
    ...new Map(
      view.items.flatMap((item) => {
        const definition = find(item.indicatorId);
        return definition ? [[definition.id, definition] as const] : [];
      }),
    ).values(),
  ];
  const definitions = listed.filter((d): d is IndicatorDefinition => !isChainIndicator(d));
  const [county, municipalities] = [
    new Map([
      ...(await computeLevel(store, definitions, { level: 'county', year, viewer })),
      ...(await computeSourced(request.source, listed, { level: 'county', year, viewer })),
    ]),
    new Map([
      ...(await computeLevel(store, definitions, { level: 'municipality', year, viewer })),
      ...(await computeSourced(request.source, listed, { level: 'municipality', year, viewer })),
    ]),
  ];
  const references = await countyReferences(store, definitions, year);
  const items: ReportItem[] = view.items.flatMap((item) => {
    const indicator = find(item.indicatorId);
    if (!indicator) return [];
    const countyResult = county.get(indicator.id);
    const areaResult = municipalities.get(indicator.id);
    const metadata = countyResult?.metadata ?? areaResult?.metadata;
    if (!metadata) return [];
    return [
      {
        indicator,
        target: targetOf(item),
        county: countyResult?.values.find((value) => value.isTotal) ?? null,
        areas: (areaResult?.values ?? [])
          .filter((value) => value.isTotal)
          .sort((a, b) => a.areaCode.localeCompare(b.areaCode)),
        metadata,
        reference: references.get(indicator.id) ?? null,
      },
    ];
  });
  const language = request.language ?? 'fi';
  const [countyArea] = await listAreas(store, { year, level: 'county' });
  return {
    county: countyArea ? countyName(countyArea, language) : null,
    setName: set.names?.[language] ?? set.name,
    period: String(year),
    language,
    preparedOn: request.preparedOn ?? new Date().toISOString().slice(0, 10),
    items,
  };
};

import type {
  ConsistencyCheck,
  IndicatorDefinition,
  LocalText,
  ReferenceComparison,
  ReferenceIndicatorList,
  ReferencePoint,
  ReferenceSex,
  ReferenceTitles,
} from '../model/index.js';
import { sotkanetAttribution } from '../model/index.js';
import type { Store } from '../store/index.js';
import { builtInIndicators } from './package/index.js';

/** One stored reference value, as the comparison reads it. */
export interface ReferenceRow {
  areaLevel: 'country' | 'county' | 'municipality';
  areaCode: string;
  areaName: string | null;
  value: number | null;
  absoluteValue: number | null;
  mark: string | null;
}

/** The county's own figure for the year, where it computes the indicator. */
export interface OwnFigure {
  value: number | null;
  suppressed: boolean;
}

const alandCode = '91';

const builtInFor = (indicatorId: string, definitions: readonly IndicatorDefinition[]) =>
  definitions.find((d) => d.sotkanetId !== undefined && String(d.sotkanetId) === indicatorId);

/** Ranks by value, highest first; equal values share a rank; figures without a value have none. */
const ranked = (rows: readonly ReferenceRow[], own: (code: string) => boolean): ReferencePoint[] => {
  const sorted = [...rows].sort(
    (a, b) =>
      (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
      a.areaCode.localeCompare(b.areaCode),
  );
  return sorted.map((r) => ({
    ...r,
    rank:
      r.value === null
        ? null
        : sorted.filter((o) => o.value !== null && o.value > (r.value as number)).length + 1,
    own: own(r.areaCode),
  }));
};

const quantile = (sorted: readonly number[], q: number): number => {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
};

/**
 * Why the county's figure and THL's may differ: THL's registers close at a cut-off the county's own
 * systems do not share, either side may withhold small counts, and a definition may differ.
 */
export const consistencyCheck = (
  indicatorId: string,
  year: number,
  own: OwnFigure | undefined,
  reference: ReferenceRow | undefined,
  definitionDiffers: boolean,
): ConsistencyCheck => {
  const ownValue = own?.value ?? null;
  const referenceValue = reference?.value ?? null;
  const difference = ownValue !== null && referenceValue !== null ? ownValue - referenceValue : null;
  const explanations: ConsistencyCheck['explanations'] = [];
  if (!reference || referenceValue === null) explanations.push('noReference');
  if (!own || (ownValue === null && !own.suppressed)) explanations.push('noOwnValue');
  if (own?.suppressed || (reference?.mark ?? null) !== null) explanations.push('suppression');
  if (difference !== null && difference !== 0) explanations.push('dataCutOff');
  if (definitionDiffers) explanations.push('definition');
  return {
    indicatorId,
    year,
    own: ownValue,
    reference: referenceValue,
    difference,
    relativeDifference:
      difference !== null && referenceValue !== null && referenceValue !== 0
        ? (difference / referenceValue) * 100
        : null,
    explanations,
  };
};

/** Builds the comparison from the stored rows of one indicator, year and sex. Pure. */
export const buildReferenceComparison = (input: {
  indicatorId: string;
  indicatorTitle: string | null;
  /** The titles the source's metadata gave; the stored title stands in for a missing Finnish one. */
  indicatorTitles?: ReferenceTitles;
  referenceSource: string;
  year: number | null;
  years: number[];
  countyCode: string | null;
  countyMunicipalities: readonly string[];
  rows: readonly ReferenceRow[];
  builtIn: IndicatorDefinition | undefined;
  own: OwnFigure | undefined;
}): ReferenceComparison => {
  const isOwnCounty = (code: string) => code === input.countyCode;
  const ownMunicipality = new Set(input.countyMunicipalities);
  const countryRow = input.rows.find((r) => r.areaLevel === 'country');
  const organisers = ranked(
    input.rows.filter((r) => r.areaLevel === 'county' && r.areaCode !== alandCode),
    isOwnCounty,
  );
  const municipalityValues = input.rows
    .filter((r) => r.areaLevel === 'municipality' && r.value !== null)
    .map((r) => r.value as number)
    .sort((a, b) => a - b);
  const percentileOf = (value: number | null) =>
    value === null || municipalityValues.length === 0
      ? null
      : (municipalityValues.filter((v) => v <= value).length / municipalityValues.length) * 100;
  const allMunicipalities = ranked(
    input.rows.filter((r) => r.areaLevel === 'municipality'),
    (code) => ownMunicipality.has(code),
  );
  const note: LocalText | null = input.builtIn?.sotkanetNote ?? null;
  const countyRow = input.rows.find((r) => r.areaLevel === 'county' && isOwnCounty(r.areaCode));
  return {
    indicatorId: input.indicatorId,
    indicatorTitle: input.indicatorTitle,
    indicatorTitles: {
      fi: input.indicatorTitles?.fi ?? input.indicatorTitle,
      sv: input.indicatorTitles?.sv ?? null,
      en: input.indicatorTitles?.en ?? null,
    },
    referenceSource: input.referenceSource,
    year: input.year,
    years: input.years,
    countyCode: input.countyCode,
    country: countryRow ? (ranked([countryRow], () => false)[0] ?? null) : null,
    organisers,
    municipalities: allMunicipalities
      .filter((m) => m.own)
      .map((m) => ({ ...m, percentile: percentileOf(m.value) })),
    nationalDistribution:
      municipalityValues.length === 0
        ? null
        : {
            min: municipalityValues[0] as number,
            q1: quantile(municipalityValues, 0.25),
            median: quantile(municipalityValues, 0.5),
            q3: quantile(municipalityValues, 0.75),
            max: municipalityValues[municipalityValues.length - 1] as number,
            n: municipalityValues.length,
          },
    builtInIndicatorId: input.builtIn?.id ?? null,
    consistency:
      input.builtIn && input.year !== null
        ? consistencyCheck(input.indicatorId, input.year, input.own, countyRow, note !== null)
        : null,
    definitionNote: note,
    attribution: sotkanetAttribution,
  };
};

type StoredTitles = Map<string, ReferenceTitles>;

/** The titles in three languages the store holds from the sources' indicator metadata. */
const titlesOf = async (store: Store): Promise<StoredTitles> => {
  const rows = await store.all<{
    reference_source: string;
    indicator_id: string;
    title_fi: string | null;
    title_sv: string | null;
    title_en: string | null;
  }>(`SELECT reference_source, indicator_id, title_fi, title_sv, title_en FROM reference_indicators`);
  return new Map(
    rows.map((r) => [
      `${r.reference_source} ${r.indicator_id}`,
      { fi: r.title_fi, sv: r.title_sv, en: r.title_en },
    ]),
  );
};

/** An indicator's titles: the metadata's, with the title stored beside the values as the Finnish one. */
const titlesFor = (
  titles: StoredTitles,
  source: string,
  indicatorId: string,
  stored: string | null,
): ReferenceTitles => {
  const known = titles.get(`${source} ${indicatorId}`);
  return { fi: known?.fi ?? stored, sv: known?.sv ?? null, en: known?.en ?? null };
};

/** The reference indicators the store holds, with their years and the built-in that matches each. */
export const listReferenceIndicators = async (
  store: Store,
  definitions: readonly IndicatorDefinition[] = builtInIndicators,
): Promise<ReferenceIndicatorList> => {
  const rows = await store.all<{
    indicator_id: string;
    title: string | null;
    source: string;
    years: number[];
  }>(`
    SELECT indicator_id, any_value(indicator_title) AS title, any_value(reference_source) AS source,
      list(DISTINCT year ORDER BY year) AS years
    FROM reference_values GROUP BY indicator_id ORDER BY TRY_CAST(indicator_id AS INTEGER), indicator_id`);
  const titles = await titlesOf(store);
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    indicatorTitle: r.title,
    indicatorTitles: titlesFor(titles, r.source, r.indicator_id, r.title),
    referenceSource: r.source,
    years: [...r.years].map(Number),
    builtInIndicatorId: builtInFor(r.indicator_id, definitions)?.id ?? null,
  }));
};

/**
 * One reference indicator for the store's county beside all organisers, the country and its own
 * municipalities; `ownFigure` computes the county's own value where a built-in matches.
 */
export const referenceComparison = async (
  store: Store,
  indicatorId: string,
  request: { year?: number; sex?: ReferenceSex },
  ownFigure: (definition: IndicatorDefinition, year: number) => Promise<OwnFigure | undefined>,
  definitions: readonly IndicatorDefinition[] = builtInIndicators,
): Promise<ReferenceComparison | undefined> => {
  const sex = request.sex ?? 'total';
  const [meta] = await store.all<{ title: string | null; source: string | null; years: number[] | null }>(
    `SELECT any_value(indicator_title) AS title, any_value(reference_source) AS source,
       list(DISTINCT year ORDER BY year) FILTER (WHERE sex = $2) AS years
     FROM reference_values WHERE indicator_id = $1`,
    [indicatorId, sex],
  );
  if (!meta?.source) return undefined;
  const years = [...(meta.years ?? [])].map(Number);
  const year = request.year ?? years[years.length - 1] ?? null;
  const [county] = await store.all<{ code: string }>(
    `SELECT code FROM areas WHERE level = 'county' ORDER BY valid_from_year DESC, code LIMIT 1`,
  );
  const countyCode = county?.code ?? null;
  const municipalities = await store.all<{ code: string }>(
    `SELECT DISTINCT code FROM areas WHERE level = 'municipality' AND parent_code = $1
       AND valid_from_year <= $2 AND coalesce(valid_to_year, 9999) >= $2`,
    [countyCode ?? '', year ?? 0],
  );
  const rows = await store.all<ReferenceRow>(
    `SELECT r.area_level AS "areaLevel", r.area_code AS "areaCode",
       (SELECT any_value(a.name_fi) FROM areas a WHERE a.code = r.area_code AND a.level = r.area_level) AS "areaName",
       r.value, r.absolute_value AS "absoluteValue", r.mark
     FROM reference_values r WHERE r.indicator_id = $1 AND r.year = $2 AND r.sex = $3`,
    [indicatorId, year ?? 0, sex],
  );
  const builtIn = builtInFor(indicatorId, definitions);
  const own = builtIn && year !== null ? await ownFigure(builtIn, year) : undefined;
  return buildReferenceComparison({
    indicatorId,
    indicatorTitle: meta.title,
    indicatorTitles: titlesFor(await titlesOf(store), meta.source, indicatorId, meta.title),
    referenceSource: meta.source,
    year,
    years,
    countyCode,
    countyMunicipalities: municipalities.map((m) => m.code),
    rows,
    builtIn,
    own,
  });
};

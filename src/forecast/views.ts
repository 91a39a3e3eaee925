import {
  discloseCount,
  type ForecastPyramid,
  type ForecastPyramids,
  type ForecastPyramidYear,
  type ForecastSeries,
  type ForecastSeriesLine,
  type ForecastVariant,
  populationAgeGroups,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { historyAt } from './estimate.js';
import { cellHistory } from './grid-query.js';
import { ageCount, groupCount } from './layout.js';
import { municipalValues, projectedCounts } from './projected-population.js';
import { cachedProjection, type ForecastContext, type Projection } from './projection.js';
import { storedVariants } from './variants.js';

export type ViewLevel = 'country' | 'county' | 'municipality' | 'gridCell';

/**
 * Disclosure of forecast figures. Projected counts are model estimates, not records of people, but
 * the first projected years of a small area at single-year age are nearly the people living there now
 * (next year's 91-year-olds are this year's 90-year-olds, less a few), so they are suppressed for
 * non-analysts exactly like observed counts: 1–4 withheld, everywhere, grid cells included.
 */
const disclose = (value: number, open: boolean): { value: number | null; suppressed: boolean } =>
  open ? { value, suppressed: false } : discloseCount(value);

/** Which municipalities (indexes of the history's areas) make up an area; empty when none. */
export const municipalitiesOf = (context: ForecastContext, level: ViewLevel, code: string): number[] => {
  const { history, geography } = context;
  return history.areaCodes.flatMap((areaCode, i) => {
    if (level === 'country') return [i];
    if (level === 'municipality') return areaCode === code ? [i] : [];
    if (level === 'county') return geography.municipalities[i]?.countyCode === code ? [i] : [];
    return [];
  });
};

/** The county of the projection's first municipality: what an area-less request is about. */
export const defaultCountyCode = (context: ForecastContext): string | undefined =>
  context.geography.municipalities.find((m) => m.countyCode !== null)?.countyCode ?? undefined;

const addUp = (values: Float64Array, areas: number[]): Float64Array => {
  const out = new Float64Array(groupCount);
  for (const area of areas)
    for (let g = 0; g < groupCount; g++)
      out[g] = (out[g] as number) + (values[area * groupCount + g] as number);
  return out;
};

const groupOf = Array.from({ length: ageCount }, (_, age) =>
  populationAgeGroups.findIndex((g) => age >= g.ageFrom && age <= g.ageTo),
);

const point = (
  values: Float64Array,
  { year, observed, open }: { year: number; observed: boolean; open: boolean },
) => {
  const groups = new Float64Array(populationAgeGroups.length);
  let total = 0;
  for (let g = 0; g < groupCount; g++) {
    const v = values[g] as number;
    total += v;
    const k = groupOf[g % ageCount] as number;
    groups[k] = (groups[k] as number) + v;
  }
  let suppressed = false;
  const ageGroups: Record<string, number | null> = {};
  populationAgeGroups.forEach((group, k) => {
    const shown = disclose(Math.round(groups[k] as number), open);
    suppressed ||= shown.suppressed;
    ageGroups[group.code] = shown.value;
  });
  const shownTotal = disclose(Math.round(total), open);
  return {
    year,
    observed,
    total: shownTotal.value,
    ageGroups,
    suppressed: suppressed || shownTotal.suppressed,
  };
};

const lineOf = (
  context: ForecastContext,
  projection: Projection,
  {
    areas,
    open,
    withHistory,
  }: {
    areas: number[];
    open: boolean;
    withHistory: boolean;
  },
): ForecastSeriesLine => {
  const { history } = context;
  const points = [];
  if (withHistory) {
    history.years.forEach((year, y) => {
      if (year <= projection.baseYear)
        points.push(point(addUp(historyAt(history, y), areas), { year, observed: true, open }));
    });
  }
  for (const year of projection.years) {
    if (year <= projection.baseYear) continue;
    const found = municipalValues(context, projection, year);
    if (found) points.push(point(addUp(found.values, areas), { year, observed: false, open }));
  }
  return {
    variant: projection.variant.name,
    label: projection.variant.label,
    ...(projection.variant.labels && { labels: projection.variant.labels }),
    kind: projection.variant.kind,
    points,
  };
};

/** Total and age-group lines for the variant (with the observed years before it) and every official variant. */
export const forecastSeries = async (
  store: Store,
  context: ForecastContext,
  {
    variant,
    area,
    open,
  }: {
    variant: ForecastVariant;
    area: { level: ViewLevel; code: string };
    open: boolean;
  },
): Promise<ForecastSeries | undefined> => {
  const areas = municipalitiesOf(context, area.level, area.code);
  if (areas.length === 0) return undefined;
  const projection = await cachedProjection(store, context, variant);
  const lines = [lineOf(context, projection, { areas, open, withHistory: true })];
  for (const official of (await storedVariants(store)).filter(
    (v) => v.kind === 'official' && v.name !== variant.name,
  )) {
    lines.push(
      lineOf(context, await cachedProjection(store, context, official), { areas, open, withHistory: false }),
    );
  }
  return {
    areaLevel: area.level,
    areaCode: area.code,
    baseYear: projection.baseYear,
    ageGroups: [...populationAgeGroups],
    lines,
    ...(projection.basis && { basis: projection.basis }),
  };
};

/** Residents by single-year age and sex for an area and year; grid cells from the cell distribution. */
export const forecastPyramid = async (
  store: Store,
  context: ForecastContext,
  {
    variant,
    area,
    year,
    open,
  }: {
    variant: ForecastVariant;
    area: { level: ViewLevel; code: string };
    year: number;
    open: boolean;
  },
): Promise<ForecastPyramid | undefined> => {
  const projection = await cachedProjection(store, context, variant);
  let values: Float64Array;
  let observed: boolean;
  if (area.level === 'gridCell') {
    const cells = await cellHistory(store, context);
    if (!cells?.cellCodes.includes(area.code)) return undefined;
    if (!municipalValues(context, projection, year)) return undefined;
    const counts = await projectedCounts(store, { variant, year, level: 'gridCell' });
    const i = counts.areaCodes.indexOf(area.code);
    values = Float64Array.from(counts.counts.subarray(i * groupCount, (i + 1) * groupCount));
    observed = counts.observed;
  } else {
    const areas = municipalitiesOf(context, area.level, area.code);
    const found = municipalValues(context, projection, year);
    if (areas.length === 0 || !found) return undefined;
    values = addUp(found.values, areas);
    observed = found.observed;
  }
  const rows = Array.from({ length: ageCount }, (_, age) => {
    const male = disclose(Math.round(values[age] as number), open);
    const female = disclose(Math.round(values[ageCount + age] as number), open);
    return { age, male: male.value, female: female.value, suppressed: male.suppressed || female.suppressed };
  });
  return {
    areaLevel: area.level,
    areaCode: area.code,
    variant: variant.name,
    year,
    baseYear: projection.baseYear,
    observed,
    rows,
  };
};

/** The years a variant's pyramids exist for: recorded ones up to its base year, then its own. */
const pyramidYears = (context: ForecastContext, projection: Projection): number[] => {
  const recorded = context.history.years.filter((year) => year <= projection.baseYear);
  const own = projection.years.filter((year) => year > projection.baseYear);
  return [...new Set([...recorded, ...own])].sort((a, b) => a - b);
};

/**
 * Every year's pyramid of a variant for an area (not a grid cell) in one answer, as two arrays by age per
 * year: a page plays the years without a request per step and keeps one scale. Suppression as in
 * forecastPyramid; `largest` is taken over the figures as shown, so it reveals nothing withheld.
 */
export const forecastPyramids = async (
  store: Store,
  context: ForecastContext,
  {
    variant,
    area,
    open,
  }: {
    variant: ForecastVariant;
    area: { level: Exclude<ViewLevel, 'gridCell'>; code: string };
    open: boolean;
  },
): Promise<ForecastPyramids | undefined> => {
  const areas = municipalitiesOf(context, area.level, area.code);
  if (areas.length === 0) return undefined;
  const projection = await cachedProjection(store, context, variant);
  let largest = 0;
  const years: ForecastPyramidYear[] = [];
  for (const year of pyramidYears(context, projection)) {
    const found = municipalValues(context, projection, year);
    if (!found) continue;
    const values = addUp(found.values, areas);
    let suppressed = false;
    const side = (offset: number) =>
      Array.from({ length: ageCount }, (_, age) => {
        const shown = disclose(Math.round(values[offset + age] as number), open);
        suppressed ||= shown.suppressed;
        if (shown.value !== null) largest = Math.max(largest, shown.value);
        return shown.value;
      });
    years.push({ year, observed: found.observed, male: side(0), female: side(ageCount), suppressed });
  }
  return {
    areaLevel: area.level,
    areaCode: area.code,
    variant: variant.name,
    baseYear: projection.baseYear,
    largest,
    years,
  };
};

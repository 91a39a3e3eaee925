import {
  type IndicatorDefinition,
  type IndicatorMeasure,
  type IndicatorMetadata,
  IndicatorRequest,
  type IndicatorRequestInput,
  type IndicatorResult,
  type IndicatorValue,
  isSmallCount,
  publicViewer,
  type ServiceArea,
  SoteatlasError,
  seesUnsuppressed,
  type Viewer,
} from '../model/index.js';
import type { Row, Store } from '../store/index.js';
import { checkAnswerSize } from './answer-size.js';
import { clientTableServes, compileIndicators, cubeServes, type MeasureColumns } from './compile.js';
import { ensureIndicatorCube } from './cube.js';
import { confidenceLevel, poissonInterval, wilsonInterval } from './intervals.js';
import { type PeriodSpan, periodsOf } from './periods.js';
import { areaCodesInScope } from './scope.js';
import { suppressTable, type TableCell, totalCategory } from './suppression.js';
import { auditedSuppressTable } from './suppression-audit.js';

/**
 * A request the definition does not allow (invalidRequest), or that the viewer may not make (forbidden).
 * Its own class, so that a monitoring set can note one refused indicator and still show the others.
 */
export class IndicatorRequestError extends SoteatlasError {
  override name = 'IndicatorRequestError';
  constructor(message: string, code: 'invalidRequest' | 'forbidden' = 'invalidRequest') {
    super(code, message);
  }
}

export interface ComputeOptions {
  /** Who is asking: everyone but an analyst gets suppressed figures, a producer only its own events. */
  viewer?: Viewer;
  /**
   * 'auto' (the default) reads the indicator cube for the indicators it serves, building it when the
   * events have changed; 'events' always reads the events (the cube's results are checked against it).
   */
  eventSource?: 'auto' | 'events';
  /**
   * Check the suppression pattern exactly with a linear program (see suppression-audit.ts) and withhold
   * more where a withheld figure could still be narrowed down. Slower; meant for exports and reports,
   * which leave the county and are kept.
   */
  audit?: boolean;
}

/** Measures that count people or their contacts: these are what small-number suppression protects. */
const isPersonCount = (m: IndicatorMeasure): boolean => m.source === 'events' && m.aggregate !== 'cost';

const checkRequest = (definition: IndicatorDefinition, request: IndicatorRequest, viewer: Viewer) => {
  const refuse = (message: string, code?: 'forbidden') => {
    throw new IndicatorRequestError(`${definition.id}: ${message}`, code);
  };
  if (!definition.levels.includes(request.level)) refuse(`not computed for level ${request.level}`);
  if (!definition.periods.includes(request.period)) refuse(`not computed for ${request.period} periods`);
  for (const d of request.breakdown)
    if (!definition.breakdowns.includes(d)) refuse(`cannot be broken down by ${d}`);
  if (
    viewer.producerCode !== undefined &&
    [definition.numerator, definition.denominator].some((m) => m.source === 'netCost')
  )
    refuse('net operating costs are the county’s, not a producer’s', 'forbidden');
};

/** The service-class catalogue is written when the store is created: one read per store is enough. */
const catalogueOf = new WeakMap<Store, Promise<Record<ServiceArea, string[]>>>();
const classesByArea = (store: Store): Promise<Record<ServiceArea, string[]>> => {
  let cached = catalogueOf.get(store);
  if (!cached) {
    cached = readClassesByArea(store);
    catalogueOf.set(store, cached);
  }
  return cached;
};

const readClassesByArea = async (store: Store): Promise<Record<ServiceArea, string[]>> => {
  const rows = await store.all<{ code: string; area: ServiceArea }>(
    'SELECT code, service_area AS area FROM service_classes ORDER BY code',
  );
  const byArea: Record<ServiceArea, string[]> = { health: [], social: [], elderly: [] };
  for (const row of rows) byArea[row.area]?.push(row.code);
  return byArea;
};

/** The latest year with events, or with population when there are none. */
export const latestIndicatorYear = async (store: Store): Promise<number> => {
  const [row] = await store.all<{ year: number | null }>(
    'SELECT coalesce((SELECT year(max(event_date)) FROM events), (SELECT max(year) FROM population)) AS year',
  );
  return row?.year ?? new Date().getUTCFullYear();
};

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * Computes several indicators for one request: one SQL query for all those that place events alike
 * (usually one query in all), then intervals and disclosure control per indicator.
 */
export const computeIndicators = async (
  store: Store,
  definitions: readonly IndicatorDefinition[],
  requestInput: IndicatorRequestInput = {},
  options: ComputeOptions = {},
): Promise<IndicatorResult[]> => {
  const viewer = options.viewer ?? publicViewer;
  const request = IndicatorRequest.parse(requestInput);
  for (const d of definitions) checkRequest(d, request, viewer);
  const toYear = request.toYear ?? request.fromYear ?? (await latestIndicatorYear(store));
  const fromYear = request.fromYear ?? toYear;
  if (fromYear > toYear) throw new IndicatorRequestError('fromYear is after toYear');
  if (toYear - fromYear > 30) throw new IndicatorRequestError('at most 30 years at a time');
  const periods = periodsOf(request.period, fromYear, toYear);
  await checkAnswerSize(store, request, periods.length);
  const classes = await classesByArea(store);
  const producerCode = viewer.producerCode;
  // Suppression runs over every area first, so that what is withheld does not depend on the scope.
  const inScope = await areaCodesInScope(store, request.level, viewer);

  const results = new Map<string, IndicatorResult>();
  const cube =
    options.eventSource !== 'events' && request.level !== 'gridCell'
      ? await ensureIndicatorCube(store)
      : undefined;
  type Source = 'events' | 'cube' | 'clients';
  const sourceOf = (d: IndicatorDefinition): Source =>
    cube === undefined
      ? 'events'
      : cubeServes(d, request.level)
        ? 'cube'
        : clientTableServes(d, request.level, { clientClasses: cube.clientClasses, classesByArea: classes })
          ? 'clients'
          : 'events';
  const batches: { definitions: IndicatorDefinition[]; eventSource: Source }[] = [];
  for (const place of ['residence', 'unit'] as const)
    for (const eventSource of ['cube', 'clients', 'events'] as const) {
      const batch = definitions.filter((d) => d.place === place && sourceOf(d) === eventSource);
      if (batch.length > 0) batches.push({ definitions: batch, eventSource });
    }
  for (const { definitions: batch, eventSource } of batches) {
    const compiled = compileIndicators({
      definitions: batch,
      level: request.level,
      period: request.period,
      periods,
      breakdown: request.breakdown,
      classesByArea: classes,
      eventSource,
      ...(producerCode !== undefined && { producerCode }),
    });
    const rows = await store.all(compiled.sql, compiled.params);
    for (const [i, definition] of batch.entries()) {
      const values = await valuesOf(definition, rows, {
        columns: compiled.columns[i] as MeasureColumns,
        request,
        periods,
        dimensions: compiled.dimensions,
        suppress: !seesUnsuppressed(viewer),
        audit: options.audit === true,
      });
      const asked = request.areaCodes ? new Set(request.areaCodes) : undefined;
      const wanted =
        asked && inScope ? new Set([...asked].filter((code) => inScope.has(code))) : (asked ?? inScope);
      results.set(definition.id, {
        indicatorId: definition.id,
        level: request.level,
        period: request.period,
        fromYear,
        toYear,
        breakdown: [...request.breakdown],
        values: wanted ? values.filter((v) => wanted.has(v.areaCode)) : values,
        metadata: metadataOf(definition, viewer, producerCode),
      });
    }
  }
  return definitions.map((d) => results.get(d.id) as IndicatorResult);
};

export const computeIndicator = async (
  store: Store,
  definition: IndicatorDefinition,
  request: IndicatorRequestInput = {},
  options: ComputeOptions = {},
): Promise<IndicatorResult> => {
  const [result] = await computeIndicators(store, [definition], request, options);
  return result as IndicatorResult;
};

const metadataOf = (
  definition: IndicatorDefinition,
  viewer: Viewer,
  producerCode: string | undefined,
): IndicatorMetadata => {
  const notes: string[] = [];
  if (definition.kind === 'standardisedCostIndex')
    notes.push(
      'Need is estimated by indirect age-sex standardisation against the county in THL’s 20 age bands of the county funding model (0, 1–6, 7–12, … 91–95, 96+) by sex: each area’s expected cost is its residents by band and sex times the county’s cost per resident of that band and sex (from the service events); no morbidity or socioeconomic factor enters.',
    );
  if (definition.numerator.source === 'events' && definition.numerator.aggregate === 'clients')
    notes.push(
      'Clients are distinct client keys in each area; a client who moved between areas during the period counts in each of them.',
    );
  if (producerCode !== undefined) notes.push(`Only the events and units of producer ${producerCode}.`);
  notes.push(
    'Each period is computed on the areas valid in its last year; a merged municipality’s earlier events count in its successor.',
  );
  return {
    standardisation: definition.kind === 'standardisedCostIndex' ? 'indirectAgeSexCounty' : 'none',
    suppression: seesUnsuppressed(viewer) ? 'none' : 'primaryAndComplementary',
    confidence: confidenceLevel,
    notes,
  };
};

interface ValueContext {
  request: IndicatorRequest;
  periods: readonly PeriodSpan[];
  dimensions: readonly string[];
  suppress: boolean;
  audit: boolean;
}

const valuesOf = async (
  definition: IndicatorDefinition,
  rows: readonly Row[],
  { columns, ...context }: ValueContext & { columns: MeasureColumns },
): Promise<IndicatorValue[]> => {
  const { dimensions } = context;
  const perN = definition.perN;
  // A breakdown category with nothing on either side in an area (a unit elsewhere, a producer that does
  // not serve it) is left out rather than shown as an empty row; totals always stay.
  const kept = rows.filter(
    (row) =>
      row.is_total === true ||
      (numberOrNull(row[columns.numerator]) ?? 0) !== 0 ||
      (numberOrNull(row[columns.denominator]) ?? 0) !== 0,
  );
  const computed = kept.map((row) => {
    const numerator = numberOrNull(row[columns.numerator]);
    const denominator = numberOrNull(row[columns.denominator]);
    const breakdown: Record<string, string> = {};
    if (row.is_total !== true) for (const d of dimensions) breakdown[d] = String(row[`d_${d}`] ?? '?');
    const value: IndicatorValue = {
      period: String(row.period),
      periodStart: String(row.start_date),
      periodEnd: String(row.end_date),
      areaCode: String(row.area_code),
      areaName: row.area_name === null || row.area_name === undefined ? null : String(row.area_name),
      breakdown,
      isTotal: row.is_total === true,
      numerator,
      denominator,
      value: null,
      lower: null,
      upper: null,
      suppressed: false,
    };
    if (numerator !== null && denominator !== null && denominator > 0) {
      value.value = (numerator / denominator) * perN;
      if (definition.interval === 'poisson') {
        const { lower, upper } = poissonInterval(numerator);
        value.lower = (lower / denominator) * perN;
        value.upper = (upper / denominator) * perN;
      } else if (definition.interval === 'wilson') {
        const interval = wilsonInterval(numerator, denominator);
        if (interval) {
          value.lower = interval.lower * perN;
          value.upper = interval.upper * perN;
        }
      }
      if (definition.complement) {
        const { lower, upper } = value;
        value.value = perN - value.value;
        value.lower = upper === null ? null : perN - upper;
        value.upper = lower === null ? null : perN - lower;
      }
    }
    return { value, row };
  });

  if (definition.kind === 'standardisedCostIndex') standardise(computed, columns);

  if (context.suppress) {
    const countNumerator = isPersonCount(definition.numerator);
    const countDenominator = isPersonCount(definition.denominator);
    const smallDenominator = definition.denominator.source === 'population';
    if (countNumerator || countDenominator) {
      const cells: TableCell[] = computed.map(({ value, row }) => ({
        period: value.period,
        areaCode: value.areaCode,
        parentCode:
          row.parent_code === null || row.parent_code === undefined ? null : String(row.parent_code),
        category: value.isTotal ? totalCategory : dimensions.map((d) => value.breakdown[d]).join('\u0001'),
        count: countNumerator ? (value.numerator ?? 0) : 0,
        ...(countDenominator && { secondary: value.denominator ?? 0 }),
      }));
      const mask = context.audit
        ? (await auditedSuppressTable(cells, context.request.period)).mask
        : suppressTable(cells, context.request.period);
      computed.forEach(({ value }, i) => {
        if (!mask[i]) return;
        withhold(value);
        if (countNumerator) value.numerator = null;
        if (countDenominator) value.denominator = null;
      });
    }
    // A rate over 1–4 residents (a small grid cell) would describe them: the rate and the residents are
    // withheld, as the population figures are everywhere. The count keeps the pattern above.
    if (smallDenominator)
      for (const { value } of computed)
        if (isSmallCount(value.denominator)) {
          withhold(value);
          value.denominator = null;
        }
  }
  return computed.map(({ value }) => value);
};

const withhold = (value: IndicatorValue) => {
  value.suppressed = true;
  value.value = null;
  value.lower = null;
  value.upper = null;
  if (value.needCoefficient !== undefined) {
    value.rawIndex = null;
    value.needCoefficient = null;
  }
};

/**
 * (area cost per resident ÷ county cost per resident) ÷ need coefficient × 100, with the need
 * coefficient = (area's expected cost per resident ÷ county's), the county being the sum of the areas
 * of the requested level in the same period.
 */
const standardise = (computed: { value: IndicatorValue; row: Row }[], columns: MeasureColumns) => {
  const byPeriod = new Map<string, { cost: number; residents: number; expected: number }>();
  for (const { value, row } of computed) {
    const sums = byPeriod.get(value.period) ?? { cost: 0, residents: 0, expected: 0 };
    sums.cost += value.numerator ?? 0;
    sums.residents += value.denominator ?? 0;
    sums.expected += numberOrNull(row[columns.expected ?? '']) ?? 0;
    byPeriod.set(value.period, sums);
  }
  for (const { value, row } of computed) {
    const sums = byPeriod.get(value.period);
    const expected = numberOrNull(row[columns.expected ?? '']);
    value.value = null;
    value.rawIndex = null;
    value.needCoefficient = null;
    if (!sums || value.numerator === null || !value.denominator || !sums.cost || !sums.residents) continue;
    const raw = value.numerator / value.denominator / (sums.cost / sums.residents);
    value.rawIndex = raw * 100;
    if (expected === null || !sums.expected) continue;
    const need = expected / value.denominator / (sums.expected / sums.residents);
    value.needCoefficient = need;
    value.value = need > 0 ? (raw / need) * 100 : null;
  }
};

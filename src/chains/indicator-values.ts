import { confidenceLevel, wilsonInterval } from '../indicators/index.js';
import {
  type ChainDefinition,
  type ChainGroupFigures,
  type ChainIndicatorDefinition,
  type ChainResult,
  type IndicatorResult,
  type IndicatorSource,
  type IndicatorValue,
  type SourceRequest,
  seesUnsuppressed,
  type Viewer,
} from '../model/index.js';
import { listAreas, type Store } from '../store/index.js';
import { computeChain } from './compute.js';
import { chainIndicators } from './indicators.js';

type Figure = Pick<IndicatorValue, 'numerator' | 'denominator' | 'value' | 'lower' | 'upper' | 'suppressed'>;

const withheld: Figure = {
  numerator: null,
  denominator: null,
  value: null,
  lower: null,
  upper: null,
  suppressed: true,
};

/** A share of the entering clients, in percent with Wilson's interval; withheld with either count. */
const shareOf = (part: ChainGroupFigures['entered'], entered: ChainGroupFigures['entered']): Figure => {
  if (part.value === null || entered.value === null) return withheld;
  const interval = wilsonInterval(part.value, entered.value);
  return {
    numerator: part.value,
    denominator: entered.value,
    value: entered.value > 0 ? (100 * part.value) / entered.value : null,
    lower: interval ? 100 * interval.lower : null,
    upper: interval ? 100 * interval.upper : null,
    suppressed: false,
  };
};

/**
 * One measure of one group of the chain engine's answer, as the engine left it for the viewer: a figure
 * is withheld exactly when the counts it is made of are, so the indicator gives away nothing the Chain
 * page does not.
 */
export const chainFigure = (definition: ChainIndicatorDefinition, group: ChainGroupFigures): Figure => {
  const last = group.steps.at(-1)?.reached ?? { value: null, suppressed: true };
  switch (definition.measure) {
    case 'reach-final':
      return shareOf(last, group.entered);
    case 'returns':
      return shareOf(group.returns, group.entered);
    case 'median-days': {
      if (last.value === null) return withheld;
      const { value, lower, upper } = group.daysToEnd;
      return { numerator: null, denominator: last.value, value, lower, upper, suppressed: false };
    }
    case 'cost-per-client': {
      const entered = group.entered.value;
      if (entered === null) return withheld;
      const cost = group.costPerClient;
      return {
        numerator: cost === null ? null : cost * entered,
        denominator: entered,
        value: cost,
        lower: null,
        upper: null,
        suppressed: false,
      };
    }
  }
};

/** The chain engine's answer by municipality for one year. */
type ChainOfYear = (year: number) => Promise<ChainResult>;

const years = (request: SourceRequest): number[] =>
  Array.from({ length: request.toYear - request.fromYear + 1 }, (_, i) => request.fromYear + i);

/**
 * A chain indicator's values for an area level and whole years: the county's figure is the chain's total,
 * a municipality's is its group when the chain is broken down by the client's municipality.
 */
export const chainIndicatorResult = async (
  store: Store,
  chain: ChainDefinition,
  definition: ChainIndicatorDefinition,
  request: SourceRequest,
  viewer: Viewer,
  chainOf: ChainOfYear = (year) => computeChain(store, chain, year, { viewer, by: 'municipality' }),
): Promise<IndicatorResult> => {
  const values: IndicatorValue[] = [];
  for (const year of years(request)) {
    const areas = await listAreas(store, { year, level: request.level });
    const nameOf = new Map(areas.map((area) => [area.code, area.nameFi]));
    const result = await chainOf(year);
    const groups =
      request.level === 'county'
        ? areas.slice(0, 1).map((area) => ({ areaCode: area.code, group: result.total }))
        : result.groups
            .filter((group) => nameOf.has(group.category))
            .map((group) => ({ areaCode: group.category, group }));
    for (const { areaCode, group } of groups)
      values.push({
        period: String(year),
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        areaCode,
        areaName: nameOf.get(areaCode) ?? null,
        breakdown: {},
        isTotal: true,
        ...chainFigure(definition, group),
      });
  }
  return {
    indicatorId: definition.id,
    level: request.level,
    period: 'year',
    fromYear: request.fromYear,
    toYear: request.toYear,
    breakdown: [],
    values,
    metadata: {
      standardisation: 'none',
      suppression: seesUnsuppressed(viewer) ? 'none' : 'primaryAndComplementary',
      confidence: confidenceLevel,
      notes: [],
    },
  };
};

/**
 * The chains' measures as a source of indicators, over the chain definitions in force. A chain's four
 * measures come from one answer of the chain engine per year and viewer, computed once for the source.
 */
export const chainIndicatorSource = (store: Store, chains: readonly ChainDefinition[]): IndicatorSource => {
  const definitions = chains.flatMap((chain) =>
    chainIndicators(chain).map((d) => ({ chain, definition: d })),
  );
  const byId = new Map(definitions.map((entry) => [entry.definition.id, entry]));
  const answers = new WeakMap<Viewer, Map<string, Promise<ChainResult>>>();
  const answerOf = (chain: ChainDefinition, viewer: Viewer): ChainOfYear => {
    const cache = answers.get(viewer) ?? new Map<string, Promise<ChainResult>>();
    answers.set(viewer, cache);
    return (year) => {
      const key = `${chain.id}|${year}`;
      const answer = cache.get(key) ?? computeChain(store, chain, year, { viewer, by: 'municipality' });
      cache.set(key, answer);
      return answer;
    };
  };
  return {
    definitions: definitions.map((entry) => entry.definition),
    find: (id) => byId.get(id)?.definition,
    compute: async (id, request, viewer) => {
      const entry = byId.get(id);
      if (!entry || request.level === 'gridCell') return undefined;
      const { chain, definition } = entry;
      return chainIndicatorResult(store, chain, definition, request, viewer, answerOf(chain, viewer));
    },
  };
};

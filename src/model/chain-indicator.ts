import { z } from 'zod';
import { ChainId } from './chain.js';
import {
  BreakdownDimension,
  IndicatorAreaLevel,
  IndicatorDefinition,
  IndicatorDirection,
  IndicatorPeriodType,
  type IndicatorResult,
  IntervalMethod,
  LocalText,
} from './indicator.js';
import type { Viewer } from './viewer.js';

/**
 * A service chain's measures as indicators, so that they can be monitored, given targets and reported
 * like the built-in ones: the share of entries reaching the chain's last step, the median days from entry
 * to the last step, the cost per entering client and the share returning within the chain's return rule.
 */
export const ChainMeasure = z.enum(['reach-final', 'median-days', 'cost-per-client', 'returns']);
export type ChainMeasure = z.infer<typeof ChainMeasure>;

const chainIndicatorPattern = /^chain:([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9-]+)$/;

/** `chain:<chain id>:<measure>`, e.g. `chain:hip-fracture:reach-final`. */
export const chainIndicatorId = (chainId: string, measure: ChainMeasure): string =>
  `chain:${chainId}:${measure}`;

/** The chain and measure an indicator id names, or undefined when it names none. */
export const parseChainIndicatorId = (id: string): { chainId: string; measure: ChainMeasure } | undefined => {
  const [, chainId, measure] = chainIndicatorPattern.exec(id) ?? [];
  const parsed = ChainMeasure.safeParse(measure);
  return chainId !== undefined && parsed.success ? { chainId, measure: parsed.data } : undefined;
};

/**
 * A chain indicator's definition: the same descriptive fields as a built-in indicator's (title, unit,
 * direction, what it may be computed for), and the chain and measure its values come from instead of the
 * measures the indicator engine compiles. Values are for the clients entering the chain in a year.
 */
export const ChainIndicatorDefinition = z.strictObject({
  id: z.string().regex(chainIndicatorPattern),
  source: z.literal('chain'),
  chainId: ChainId,
  measure: ChainMeasure,
  title: LocalText,
  description: LocalText,
  serviceArea: z.literal('all'),
  unit: LocalText,
  decimals: z.int().min(0).max(4),
  direction: IndicatorDirection,
  interval: IntervalMethod,
  periods: z.array(IndicatorPeriodType).min(1),
  levels: z.array(IndicatorAreaLevel).min(1),
  breakdowns: z.array(BreakdownDimension),
});
export type ChainIndicatorDefinition = z.infer<typeof ChainIndicatorDefinition>;

/** Any indicator the catalogue lists: a built-in definition or a chain's measure. */
export const CatalogueIndicator = z.union([IndicatorDefinition, ChainIndicatorDefinition]);
export type CatalogueIndicator = IndicatorDefinition | ChainIndicatorDefinition;

export const IndicatorCatalogue = z.array(CatalogueIndicator);

export const isChainIndicator = (indicator: CatalogueIndicator): indicator is ChainIndicatorDefinition =>
  'source' in indicator && indicator.source === 'chain';

/** What an indicator source computes: one area level over whole years. */
export interface SourceRequest {
  level: IndicatorAreaLevel;
  fromYear: number;
  toYear: number;
}

/**
 * Indicators whose values come from another engine than the indicator engine (a service chain's
 * measures). The server hands one to the targets and the report packs, which so need not know where the
 * values come from; its values are in the indicator engine's shape and through the same disclosure
 * control for the viewer.
 */
export interface IndicatorSource {
  definitions: readonly ChainIndicatorDefinition[];
  find: (id: string) => ChainIndicatorDefinition | undefined;
  compute: (id: string, request: SourceRequest, viewer: Viewer) => Promise<IndicatorResult | undefined>;
}

import type { ForecastBacktest, ForecastVariant } from '../model/index.js';
import type { Store } from '../store/index.js';
import { backtest } from './backtest.js';
import { type ForecastContext, officialProjection } from './projection.js';
import { storedVariants } from './variants.js';

/**
 * A backtest of `variant` from `fromYear` over the store's history, beside the official projection
 * imported with that base year (Statistics Finland's "projection 2019" starts from the population at
 * the end of 2018), if the store holds one.
 */
export const backtestInStore = async (
  store: Store,
  context: ForecastContext,
  variant: ForecastVariant,
  fromYear: number,
): Promise<ForecastBacktest> => {
  const official = (await storedVariants(store)).find(
    (v) => v.kind === 'official' && v.assumptions.baseYear === fromYear,
  );
  return backtest(context.history, variant, fromYear, {
    official: official ? await officialProjection(store, context, official) : undefined,
  });
};

import { chainIndicatorSource, listChains } from '../chains/index.js';
import type { IndicatorSource } from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';

/**
 * The indicators computed elsewhere than in the indicator engine: the measures of the service chains in
 * force for the county (shipped or its own versions). Made for each request, since a chain's definition
 * may change between two; targets and report packs get it from here rather than knowing the chains.
 */
export const indicatorSourceOf = async (store: Store, state: StateDb): Promise<IndicatorSource> =>
  chainIndicatorSource(
    store,
    (await listChains(state)).map((chain) => chain.definition),
  );

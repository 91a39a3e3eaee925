import type { NeedCoefficientSet, NeedsStandardisedCost } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { ageSexNeedCoefficients } from './age-sex.js';
import { ageSexStandardisedCost } from './cost-index.js';
import { countyNeedInputs, latestNeedYear } from './store-inputs.js';

export interface CountyNeed {
  coefficients: NeedCoefficientSet;
  cost: NeedsStandardisedCost;
  /** Residents of each municipality, for disclosure control at the edge. */
  residents: Map<string, number>;
}

/**
 * The county's own needs-standardised comparison of its municipalities for `year` (by default the latest
 * year with population, events and costs): the store knows residents' age and sex but not their
 * diagnoses, so need is standardised indirectly by age and sex against the county. Undefined when the
 * store has no such year.
 */
export const countyNeed = async (store: Store, year?: number): Promise<CountyNeed | undefined> => {
  const chosen = year ?? (await latestNeedYear(store));
  if (chosen === null) return undefined;
  const { need, costs } = await countyNeedInputs(store, chosen);
  if (need.areas.length === 0) return undefined;
  const residents = new Map<string, number>();
  for (const p of need.population) residents.set(p.areaCode, (residents.get(p.areaCode) ?? 0) + p.count);
  return { coefficients: ageSexNeedCoefficients(need), cost: ageSexStandardisedCost(need, costs), residents };
};

import type { IndicatorDefinition } from '../../model/index.js';
import { capacityIndicators } from './capacity.js';
import { costIndicators } from './costs.js';
import { shareIndicators } from './shares.js';
import { useIndicators } from './use.js';

/**
 * The built-in package, modelled on THL's SOTE-tietopaketit: costs, needs-standardised costs, service
 * use, clients, channels, capacity and data completeness, in the order the UI lists them.
 *
 * Customer experience (asiakaskokemus) is not in the package: the data model holds no survey or
 * feedback records yet, so there is nothing to compute it from. No Sotkanet ids are given: the demo's
 * service classes are coarser than THL's registers, so none of these is exactly a Sotkanet indicator,
 * and an id is named only once THL's own metadata (`/rest/1.1/indicators/{id}`) has been checked
 * against the definition. The Sotkanet metadata at hand (mortality 186 and 322, hip fracture and
 * hip replacement 5051 and 5034, complications 5074, referrals 5033, waiting over six months 3336)
 * matches none of them.
 */
export const builtInIndicators: readonly IndicatorDefinition[] = [
  ...costIndicators,
  ...useIndicators,
  ...shareIndicators,
  ...capacityIndicators,
];

const byId = new Map(builtInIndicators.map((d) => [d.id, d]));
if (byId.size !== builtInIndicators.length) throw new Error('built-in indicator ids must be unique');

export const findIndicator = (id: string): IndicatorDefinition | undefined => byId.get(id);

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
 * feedback records yet, so there is nothing to compute it from.
 *
 * A built-in names a Sotkanet id (`sotkanetId`) only where a recorded answer of the service or a
 * published page that ties the id to its title shows the indicator measures the same thing, with a note
 * where the definitions differ (`src/connectors/sotkanet/fixtures/README.md` says where each was
 * verified and which candidates were turned down). So far: home care clients as % of residents aged 75+
 * (5513) and the net cost of specialised care per resident (1071). The other candidates (health-centre
 * visits, living at home, 24-hour care, child welfare, the other net costs) either count something
 * else than the built-in or have no id tied to their title in any source found, so none is linked by
 * guess.
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

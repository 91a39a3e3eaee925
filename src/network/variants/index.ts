export { type CchTopology, cchTopology, customise } from './cch.js';
export {
  digiroadGraph,
  notFerries,
  unknownLinks,
  type VariantGraph,
  type VariantGraphOptions,
  variantGraphOf,
  variantSeconds,
} from './digiroad-graph.js';
export { type IslandReport, type OriginOnNetwork, type OriginReachRow, originReach } from './islands.js';
export { hierarchyDistance } from './query.js';

import { z } from 'zod';

const LinkIds = z.array(z.string().min(1).max(100)).max(10_000).default([]);

/**
 * A variant of the road network a scenario is evaluated on: the season's speed limits and links out of
 * use (a ferry out of service, a closed road or bridge), by the link ids of the imported network.
 * Only travel times change, never the network's shape, so a variant is a new set of weights.
 */
export const NetworkVariant = z.object({
  season: z.enum(['summer', 'winter']).default('summer'),
  /** Roads or bridges closed, by link id. */
  closedLinks: LinkIds,
  /** Ferries out of service, by link id: each must be a ferry link of the network. */
  ferriesOut: LinkIds,
});
export type NetworkVariant = z.infer<typeof NetworkVariant>;

/**
 * A variant's identity: the season and the sorted, distinct link ids out of use. Summer with nothing
 * closed is the empty key, the network as it is.
 */
export const variantKey = (variant: NetworkVariant | undefined): string => {
  if (!variant) return '';
  const out = [...new Set([...variant.closedLinks, ...variant.ferriesOut])].sort();
  if (variant.season === 'summer' && out.length === 0) return '';
  return `${variant.season};${out.join(',')}`;
};

/** How an origin reaches the road network: by road, only by ferry, or not at all. */
export const OriginReach = z.enum(['road', 'ferryOnly', 'unreachable', 'offNetwork']);
export type OriginReach = z.infer<typeof OriginReach>;

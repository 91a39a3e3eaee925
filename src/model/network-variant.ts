import { z } from 'zod';

/**
 * A variant of the road network a scenario is evaluated on: the season's speed limits and links out of
 * use (a ferry out of service, a closed road or bridge), by the link ids of the imported network.
 * Only travel times change, never the network's shape, so a variant is a new set of weights.
 */
export const NetworkVariant = z.object({
  season: z.enum(['summer', 'winter']).default('summer'),
  closedLinks: z.array(z.string().min(1).max(100)).max(10_000).default([]),
});
export type NetworkVariant = z.infer<typeof NetworkVariant>;

/** How an origin reaches the road network: by road, only by ferry, or not at all. */
export const OriginReach = z.enum(['road', 'ferryOnly', 'unreachable', 'offNetwork']);
export type OriginReach = z.infer<typeof OriginReach>;

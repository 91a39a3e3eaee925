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
 * The variant a request for travel times may name, the same on every route that computes them for a
 * scenario (access, equity, language access, actions, modes, optimisation, isochrones and exports).
 */
export const VariantChoice = NetworkVariant.optional().describe(
  'For car: the season (winter speed limits) and links out of use (closed roads or bridges, ferries out of service) by link id. None: summer, nothing closed.',
);

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

/** A ferry link of a road network of identified links, which a variant may take out of service. */
export const FerryLink = z.object({
  linkId: z.string(),
  /** Along the crossing, all parts of the link. */
  lengthMetres: z.number(),
  /** The crossing time the network gives; null when it gives none (the ferry speed then applies). */
  crossingMinutes: z.number().nullable(),
  /** The middle of the link, WGS84, to show where it is. */
  lon: z.number(),
  lat: z.number(),
});
export type FerryLink = z.infer<typeof FerryLink>;

/** The ferries of a road network; none for a network without link ids (OSM), which has no variants. */
export const FerryList = z.object({
  network: z.string().nullable(),
  /** Whether the network has link ids, so that a variant can be computed on it at all. */
  identifiedLinks: z.boolean(),
  ferries: z.array(FerryLink),
});
export type FerryList = z.infer<typeof FerryList>;

/** How an origin reaches the road network: by road, only by ferry, or not at all. */
export const OriginReach = z.enum(['road', 'ferryOnly', 'unreachable', 'offNetwork']);
export type OriginReach = z.infer<typeof OriginReach>;

/** A road link's line on the map: its edges, each [[lon, lat], [lon, lat]], WGS84. */
const LinkLines = z.array(z.array(z.array(z.number()).length(2)).min(2));

/** A road link of a network of identified links, drawn on the map: where a closed road or bridge is. */
export const RoadLinkShape = z.object({
  linkId: z.string(),
  /** Along all parts of the link. */
  lengthMetres: z.number(),
  geometry: z.object({ type: z.literal('MultiLineString'), coordinates: LinkLines }),
});
export type RoadLinkShape = z.infer<typeof RoadLinkShape>;

/** The link nearest a point on the map, to close it in a variant. */
export const NearestRoadLink = RoadLinkShape.extend({
  network: z.string(),
  /** From the point to the nearest place on the link. */
  distanceMetres: z.number(),
});
export type NearestRoadLink = z.infer<typeof NearestRoadLink>;

/** Link ids one request for their lines may name: as many as a planner closes, and a URL still carries. */
export const roadLinksPerRequest = 500;

/** The links named, those the network holds; ids it does not hold are left out. */
export const RoadLinkShapes = z.object({
  network: z.string(),
  links: z.array(RoadLinkShape),
});
export type RoadLinkShapes = z.infer<typeof RoadLinkShapes>;

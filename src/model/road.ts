import { z } from 'zod';

/** How people travel on the road network: by car, or on foot. */
export const TravelProfile = z.enum(['car', 'walk']);
export type TravelProfile = z.infer<typeof TravelProfile>;

const Kmh = z.number().positive().max(200);

/**
 * Speeds by OpenStreetMap highway class, kept as data in config/road-speeds.json so that a county can
 * change them; the `note` there says where the defaults come from.
 */
export const RoadSpeeds = z.object({
  note: z.string().optional(),
  /** Average car speed by highway class; classes not listed are not driven on. */
  car: z.record(z.string(), Kmh),
  walk: z.object({ speedKmh: Kmh, classes: z.array(z.string()).min(1) }),
  /** Network distance ÷ straight-line distance, for the fallback when no road network is loaded. */
  detourFactor: z.number().min(1).max(3),
  /** Straight-line × detour-factor speed where no road network is loaded. */
  fallbackSpeedKmh: z.object({ car: Kmh, walk: Kmh }),
  /** Speed over the straight line between a point and the nearest graph node (or everywhere, without a network). */
  accessSpeedKmh: z.object({ car: Kmh, walk: Kmh }),
});
export type RoadSpeeds = z.infer<typeof RoadSpeeds>;

/** A road network stored under a name, as `soteatlas import-roads` summarises it. */
export const RoadNetworkSummary = z.object({
  name: z.string().min(1),
  sourceFile: z.string(),
  format: z.enum(['osm-pbf', 'osm-xml', 'geojson']),
  nodeCount: z.number().int().min(0),
  edgeCount: z.number().int().min(0),
  lengthKm: z.number().min(0),
  /** Changes whenever the network's nodes or edges change; caches of travel times are keyed by it. */
  version: z.string(),
  importedAt: z.string(),
});
export type RoadNetworkSummary = z.infer<typeof RoadNetworkSummary>;

/** A point in EPSG:3067 from or to which travel times are computed. */
export const TravelPoint = z.object({ x: z.number(), y: z.number() });
export type TravelPoint = z.infer<typeof TravelPoint>;

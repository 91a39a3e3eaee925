import { z } from 'zod';
import { TransitUse, TravelMode } from './transit.js';

/** How people travel on the road network: by car, on foot or by bicycle. */
export const TravelProfile = z.enum(['car', 'walk', 'bike']);
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
  /** Cycling speed and the highway classes cycled on (motorways are not); a configuration without it cycles where people walk, at 15 km/h. */
  bike: z.object({ speedKmh: Kmh, classes: z.array(z.string()).min(1) }).optional(),
  /** Network distance ÷ straight-line distance, for the fallback when no road network is loaded. */
  detourFactor: z.number().min(1).max(3),
  /** Straight-line × detour-factor speed where no road network is loaded. */
  fallbackSpeedKmh: z.object({ car: Kmh, walk: Kmh, bike: Kmh.default(15) }),
  /** Speed over the straight line between a point and the nearest graph node (or everywhere, without a network). */
  accessSpeedKmh: z.object({ car: Kmh, walk: Kmh, bike: Kmh.default(15) }),
  /**
   * A point farther than this from every node of the road network is off the network: its trips are
   * straight-line estimates, counted as such in every result, and a network with no node this near any
   * populated cell is refused at import.
   */
  maxSnapMetres: z.number().positive().default(5000),
});
export type RoadSpeeds = z.infer<typeof RoadSpeeds>;

/** The network's connected components, ways taken as two-way: a fragmented import shows here. */
export const RoadComponents = z.object({
  count: z.int().min(0),
  /** Shares (0–1) of the nodes and of the kilometres of road in the component with the most nodes. */
  largestNodeShare: z.number().min(0).max(1),
  largestLengthShare: z.number().min(0).max(1),
});
export type RoadComponents = z.infer<typeof RoadComponents>;

/** Below this share of nodes or kilometres in its largest component a network is reported as fragmented. */
export const fragmentedBelowShare = 0.9;

export const RoadNetworkName = z.string().trim().min(1).max(100);

/** A road network stored under a name, as `soteatlas import-roads` summarises it. */
export const RoadNetworkSummary = z.object({
  name: RoadNetworkName,
  sourceFile: z.string(),
  format: z.enum(['osm-pbf', 'osm-xml', 'geojson', 'digiroad-gpkg', 'digiroad-shp']),
  nodeCount: z.number().int().min(0),
  edgeCount: z.number().int().min(0),
  lengthKm: z.number().min(0),
  /** Changes whenever the network's nodes or edges change; caches of travel times are keyed by it. */
  version: z.string(),
  /** 1 for the first import under the name; each re-import under it makes the next. */
  revision: z.int().positive(),
  importedAt: z.string(),
  /** Null for a network stored before components were counted. */
  components: RoadComponents.nullable(),
  /** Whether travel times are computed on this network unless another is asked for. */
  active: z.boolean(),
});
export type RoadNetworkSummary = z.infer<typeof RoadNetworkSummary>;

export const RoadNetworkList = z.array(RoadNetworkSummary);

/** How much of the county a road network reaches, checked before it is stored. */
export const RoadCoverage = z.object({
  /** False when the store holds no areas to check against. */
  checked: z.boolean(),
  /** Nodes inside the bounding box of the county's areas (widened by the snapping limit). */
  nodesInCountyBox: z.int().min(0),
  populatedCells: z.int().min(0),
  /** Populated grid cells with a road node within the snapping limit of their centre. */
  populatedCellsNearRoad: z.int().min(0),
  maxSnapMetres: z.number(),
});
export type RoadCoverage = z.infer<typeof RoadCoverage>;

/** What `import-roads` prints: the stored network, its coverage of the county and any warnings. */
export const RoadImportReport = RoadNetworkSummary.extend({
  coverage: RoadCoverage,
  warnings: z.array(z.string()),
  /**
   * For a file of identified links (Digiroad): features read, and how many became links or were
   * rejected (each with its feature number and reason); read = accepted + rejected.
   */
  links: z.object({ read: z.int().min(0), accepted: z.int().min(0), rejected: z.int().min(0) }).optional(),
  /**
   * For a Digiroad release with speed-limit layers (DR_NOPEUSRAJOITUS, DR_TALVINOPEUSRAJOITUS): each
   * layer's rows read, joined to a link and rejected (read = accepted + rejected), and how many links
   * took their limit from the layer, how many kept the county's speed for their road class, and how
   * many got a winter limit.
   */
  speedLimits: z
    .object({
      layers: z.array(
        z.object({
          layer: z.string(),
          read: z.int().min(0),
          accepted: z.int().min(0),
          rejected: z.int().min(0),
        }),
      ),
      linksWithLayerLimit: z.int().min(0),
      linksWithDefault: z.int().min(0),
      linksWithWinterLimit: z.int().min(0),
    })
    .optional(),
});
export type RoadImportReport = z.infer<typeof RoadImportReport>;

/** Names the stored network (and its import) a result was computed on. */
export const RoadNetworkRef = z.object({
  name: z.string(),
  revision: z.int().positive(),
  version: z.string(),
});
export type RoadNetworkRef = z.infer<typeof RoadNetworkRef>;

/**
 * What travel times a result used: the road network, or none (straight lines throughout), and how many
 * of its origins and destinations were off the network and so got straight-line estimates.
 */
export const TravelUse = z.object({
  /** How residents travel; public transport walks on the road network (profile walk) to and from stops. */
  mode: TravelMode.default('car'),
  network: RoadNetworkRef.nullable(),
  profile: TravelProfile,
  origins: z.int().min(0),
  destinations: z.int().min(0),
  straightLineOrigins: z.int().min(0),
  straightLineDestinations: z.int().min(0),
  /**
   * Origins (cells) whose nearest road reaches the rest of the network only by ferry (their times
   * include the crossing), and origins and destinations whose nearest road does not reach it at all
   * (an island without a ferry in the data): those have no travel time, rather than one snapped
   * across the water.
   */
  ferryOnlyOrigins: z.int().min(0).default(0),
  unreachableOrigins: z.int().min(0).default(0),
  unreachableDestinations: z.int().min(0).default(0),
  maxSnapMetres: z.number(),
  /** The timetable, day, window and percentile of public-transport times; null for other modes. */
  transit: TransitUse.nullable().default(null),
});
export type TravelUse = z.infer<typeof TravelUse>;

/** A point in EPSG:3067 from or to which travel times are computed. */
export const TravelPoint = z.object({ x: z.number(), y: z.number() });
export type TravelPoint = z.infer<typeof TravelPoint>;

import { z } from 'zod';
import { Code, Year } from './common.js';
import { featureCollectionOf, MultiPolygonGeometry } from './geojson.js';
import { ScenarioChange } from './network.js';
import { VariantChoice } from './network-variant.js';
import { RoadNetworkName } from './road.js';

/**
 * Travel-time bands around each unit of a class, as polygons of the grid cells within each limit
 * (cumulative: the 20-minute band holds the 10-minute one). EPSG:3067 in a GeoPackage, WGS84 in GeoJSON.
 */
export const IsochroneQuery = z.strictObject({
  serviceClass: Code,
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  /** Band limits in minutes, ascending. */
  bands: z
    .array(z.number().positive().max(180))
    .min(1)
    .max(8)
    .default([10, 20, 30])
    .refine((limits) => limits.every((v, i) => i === 0 || v > (limits[i - 1] as number)), {
      message: 'Band limits must rise.',
    }),
  /** Only these units; default every open unit of the class. */
  units: z.array(Code).max(500).optional(),
  roadNetwork: RoadNetworkName.optional(),
  variant: VariantChoice,
});
export type IsochroneQuery = z.infer<typeof IsochroneQuery>;

export const IsochroneProperties = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  minutes: z.number(),
  /** Residents of the cells within the band; null when withheld (1–4) from a viewer who is not an analyst. */
  residents: z.int().nullable(),
  residentsSuppressed: z.boolean(),
  cells: z.int().nonnegative(),
});
export type IsochroneProperties = z.infer<typeof IsochroneProperties>;

export const IsochroneLayer = featureCollectionOf(MultiPolygonGeometry, IsochroneProperties);
export type IsochroneLayer = z.infer<typeof IsochroneLayer>;

export const geoPackageMediaType = 'application/geopackage+sqlite3';

export const GeoPackageFile = z.string().meta({
  description: 'An OGC GeoPackage (SQLite) with polygon layers in EPSG:3067, for QGIS and ArcGIS.',
  contentMediaType: geoPackageMediaType,
  contentEncoding: 'binary',
});

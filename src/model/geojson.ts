import { z } from 'zod';

/**
 * GeoJSON (RFC 7946) geometries as the API serves them. Geometry collections are left out: neither
 * area boundaries nor unit locations need them.
 */
const Position = z.array(z.number()).min(2).max(3);

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
export const MultiPointGeometry = z.object({ type: z.literal('MultiPoint'), coordinates: z.array(Position) });
export const LineStringGeometry = z.object({ type: z.literal('LineString'), coordinates: z.array(Position) });
export const MultiLineStringGeometry = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(Position)),
});
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(Position)),
});
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(Position))),
});

export const Geometry = z.discriminatedUnion('type', [
  PointGeometry,
  MultiPointGeometry,
  LineStringGeometry,
  MultiLineStringGeometry,
  PolygonGeometry,
  MultiPolygonGeometry,
]);
export type Geometry = z.infer<typeof Geometry>;

/** A FeatureCollection whose features all carry the same properties shape. */
export const featureCollectionOf = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
  z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: geometry.nullable(),
        properties,
      }),
    ),
  });

type Coordinates = number[] | Coordinates[];

const mapCoordinates = (coordinates: Coordinates, project: (position: number[]) => number[]): Coordinates =>
  typeof coordinates[0] === 'number'
    ? project(coordinates as number[])
    : (coordinates as Coordinates[]).map((inner) => mapCoordinates(inner, project));

/** The same geometry with every position passed through `project`, e.g. from EPSG:3067 to WGS84. */
export const mapGeometry = (geometry: Geometry, project: (position: number[]) => number[]): Geometry =>
  ({ ...geometry, coordinates: mapCoordinates(geometry.coordinates, project) }) as Geometry;

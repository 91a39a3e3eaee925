import { readFile } from 'node:fs/promises';
import { type TravelPoint, toEtrsTm35fin } from '../../model/index.js';
import type { Tags } from './highway-tags.js';

type Position = number[];

interface LineFeature {
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** The road class of a feature: OSM's highway tag, or a roadClass / class property with the same values. */
const tagsOf = (properties: Record<string, unknown>): Tags => {
  const tags: Tags = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value !== null && value !== undefined) tags[key] = String(value);
  }
  tags.highway = tags.highway ?? tags.roadClass ?? tags.class ?? '';
  if (tags.maxspeed === undefined && tags.maxSpeedKmh !== undefined) tags.maxspeed = tags.maxSpeedKmh;
  return tags;
};

/** EPSG:3067 when the file says so (crs member) or its coordinates are plainly metres; WGS84 otherwise. */
const isEtrs = (
  collection: { crs?: { properties?: { name?: string } } },
  sample: Position | undefined,
): boolean => {
  const name = collection.crs?.properties?.name ?? '';
  if (/3067/.test(name)) return true;
  if (/4326|CRS84/i.test(name)) return false;
  return sample !== undefined && Math.abs(sample[0] ?? 0) > 360;
};

/**
 * Reads road centre lines from GeoJSON (LineString and MultiLineString features, EPSG:3067 or WGS84).
 * Lines meet where they share a vertex exactly (to the centimetre): that is how a network drawn as
 * GeoJSON says two roads are connected.
 */
export const readGeoJsonLines = async (
  path: string,
  sink: { node(id: number, x: number, y: number): void; way(refs: readonly number[], tags: Tags): void },
): Promise<{ project: (x: number, y: number) => TravelPoint }> => {
  const collection = JSON.parse(await readFile(path, 'utf8')) as {
    type?: string;
    features?: LineFeature[];
    crs?: { properties?: { name?: string } };
  };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error('a GeoJSON road file must be a FeatureCollection');
  }
  const lines: { coordinates: Position[]; tags: Tags }[] = [];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    const tags = tagsOf(feature.properties ?? {});
    if (geometry?.type === 'LineString')
      lines.push({ coordinates: geometry.coordinates as Position[], tags });
    else if (geometry?.type === 'MultiLineString') {
      for (const part of geometry.coordinates as Position[][]) lines.push({ coordinates: part, tags });
    }
  }
  const etrs = isEtrs(collection, lines[0]?.coordinates[0]);
  const ids = new Map<string, number>();
  for (const line of lines) {
    const refs = line.coordinates.map((position) => {
      const [a = Number.NaN, b = Number.NaN] = position;
      const p = etrs ? { x: a, y: b } : toEtrsTm35fin(a, b);
      const key = `${Math.round(p.x * 100)},${Math.round(p.y * 100)}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        sink.node(id, p.x, p.y);
      }
      return id;
    });
    sink.way(refs, line.tags);
  }
  return { project: (x, y) => ({ x, y }) };
};

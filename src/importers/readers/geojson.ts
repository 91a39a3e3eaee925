import { statSync } from 'node:fs';
import { toEtrsTm35fin } from '../../model/index.js';
import { jsonTexts, unlistedJsonTexts } from '../identity-guard.js';
import { reason } from '../reasons.js';
import type { SourceRecord, SourceTable } from '../source.js';
import { unparsable } from './json.js';
import { itemBatches, type JsonItem, jsonItems } from './json-items.js';

type Position = number[];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  type: 'Feature';
  geometry: Geometry | null;
  properties: Record<string, unknown> | null;
}
const isFeature = (value: unknown): value is Feature =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Feature';

interface FeatureCollection {
  type: 'FeatureCollection';
  crs?: { properties?: { name?: string } };
  features: Feature[];
}

/** EPSG:3067 when the file says so, or when its coordinates are metres rather than degrees. */
const isEtrsTm35fin = (collection: FeatureCollection, firstPosition: Position | undefined): boolean => {
  const name = collection.crs?.properties?.name ?? '';
  if (/3067|TM35FIN/i.test(name)) return true;
  if (/4326|CRS84|WGS84/i.test(name)) return false;
  return Math.abs(firstPosition?.[0] ?? 0) > 180;
};

const mapPositions = (coordinates: unknown, f: (p: Position) => Position): unknown =>
  Array.isArray(coordinates) && typeof coordinates[0] === 'number'
    ? f(coordinates as Position)
    : (coordinates as unknown[]).map((c) => mapPositions(c, f));

const firstPosition = (coordinates: unknown): Position | undefined => {
  let c = coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? (c as Position) : undefined;
};

/** Area-weighted centroid of a polygon's outer rings (shoelace formula); falls back to the vertex mean. */
export const centroid = (geometry: Geometry): Position => {
  const rings: Position[][] =
    geometry.type === 'Polygon'
      ? [(geometry.coordinates as Position[][])[0] ?? []]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Position[][][]).map((p) => p[0] ?? [])
        : [];
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0 = 0, y0 = 0] = ring[i] ?? [];
      const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (area !== 0) return [cx / (3 * area), cy / (3 * area)];
  const all = rings.flat();
  return [
    all.reduce((s, p) => s + (p[0] ?? 0), 0) / all.length,
    all.reduce((s, p) => s + (p[1] ?? 0), 0) / all.length,
  ];
};

/** Features read ahead to learn the property names (the headers) and the coordinate system. */
const lookahead = 1000;

/**
 * Reads GeoJSON features (units as points, area boundaries as polygons) in EPSG:3067 or WGS84, as
 * a stream. Geometry is stored in EPSG:3067: points become x and y, polygons their geometry and
 * centroid. The headers are the property names of the first thousand features.
 */
export const readGeoJson = async (path: string): Promise<SourceTable> => {
  const bytesTotal = statSync(path).size;
  const members: Record<string, unknown> = {};
  const iterator = jsonItems(path, {
    member: 'features',
    onMember: (raw) => {
      try {
        Object.assign(members, JSON.parse(`{${raw}}`));
      } catch {
        // A malformed member other than the features says nothing about the rows.
      }
    },
  });
  const ahead: JsonItem[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    ahead.push(next.value);
    if (ahead.length >= lookahead) break;
  }
  if (ahead.length === 0 && members.type !== 'FeatureCollection')
    throw new Error('not a GeoJSON FeatureCollection');
  const features = ahead.map((item) => item.value).filter(isFeature);
  const collection = {
    type: 'FeatureCollection' as const,
    crs: members.crs as FeatureCollection['crs'],
    features,
  };
  const metres = isEtrsTm35fin(
    collection,
    firstPosition(features.find((f) => f.geometry)?.geometry?.coordinates),
  );
  const project = (p: Position): Position => {
    if (metres) return p;
    const { x, y } = toEtrsTm35fin(p[0] ?? 0, p[1] ?? 0);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };
  const propertyNames = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const extra = ['x', 'y', 'geometry'].filter((name) => !propertyNames.includes(name));
  const headers = [...propertyNames, ...extra];

  const toRecord = (item: JsonItem): SourceRecord => {
    if (item.problem)
      return { line: item.ordinal, fields: [], problem: item.problem, unlisted: unparsable(item) };
    if (!isFeature(item.value)) {
      const unlisted = jsonTexts(item.value).map((text) => ({ column: '', text }));
      return { line: item.ordinal, fields: [], problem: reason('notGeoJsonFeature'), unlisted };
    }
    const properties = item.value.properties ?? {};
    // Members beside the properties (an id, say) are searched for identity codes, the geometry is not.
    const { geometry: _, properties: __, ...members } = item.value as unknown as Record<string, unknown>;
    const unlisted = [...unlistedJsonTexts(properties, headers), ...unlistedJsonTexts(members, [])];
    const derived: Record<string, string> = {};
    const geometry = item.value.geometry;
    if (geometry?.type === 'Point') {
      const [x = 0, y = 0] = project(geometry.coordinates as Position);
      derived.x = String(x);
      derived.y = String(y);
    } else if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
      const projected = { type: geometry.type, coordinates: mapPositions(geometry.coordinates, project) };
      const [x = 0, y = 0] = centroid(projected);
      derived.x = String(Math.round(x));
      derived.y = String(Math.round(y));
      derived.geometry = JSON.stringify(projected);
    }
    const fields = headers.map((h) => {
      const value = properties[h] ?? derived[h];
      if (value === null || value === undefined) return derived[h] ?? '';
      return Array.isArray(value)
        ? value.join(',')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    });
    return { line: item.ordinal, fields, unlisted };
  };

  return {
    format: 'geojson',
    encoding: 'utf-8',
    delimiter: null,
    decimalSeparator: '.',
    headers,
    bytesTotal,
    batches: itemBatches(ahead, iterator, { toRecord, bytesTotal }),
    emptyLines: () => 0,
  };
};

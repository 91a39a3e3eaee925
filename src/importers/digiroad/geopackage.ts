import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { FileRefused, reason } from '../reasons.js';

/** One feature of a GeoPackage layer: its feature id, its attributes, its lines (EPSG of the layer). */
export interface GeoPackageFeature {
  readonly fid: number;
  readonly properties: Readonly<Record<string, string | number | null>>;
  /** Parts of the line as flat x, y pairs; undefined when the geometry could not be read. */
  readonly lines: readonly Float64Array[] | undefined;
}

export interface GeoPackageLayer {
  readonly table: string;
  readonly srsId: number;
  readonly features: readonly GeoPackageFeature[];
}

const require = createRequire(import.meta.url);
let sqlModule: Promise<initSqlJs.SqlJsStatic> | undefined;
const sql = () => {
  sqlModule ??= initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  return sqlModule;
};

/** Bytes of the envelope by the GeoPackage header's envelope indicator (flags bits 1–3). */
const envelopeBytes = [0, 32, 48, 48, 64];

/**
 * Reads WKB LineString and MultiLineString (2D, Z, M, ZM; ISO and EWKB type codes) into x, y pairs.
 * Returns undefined for anything else or for bytes that run out.
 */
export const readWkbLines = (view: DataView, start: number): Float64Array[] | undefined => {
  const lines: Float64Array[] = [];
  const readGeometry = (at: number): number | undefined => {
    if (at + 5 > view.byteLength) return undefined;
    const little = view.getUint8(at) === 1;
    const raw = view.getUint32(at + 1, little);
    const ewkbZ = (raw & 0x80000000) !== 0;
    const ewkbM = (raw & 0x40000000) !== 0;
    const code = raw & 0x0fffffff;
    const base = code % 1000;
    const iso = Math.floor(code / 1000);
    const hasZ = ewkbZ || iso === 1 || iso === 3;
    const hasM = ewkbM || iso === 2 || iso === 3;
    const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    let p = at + 5;
    if (base === 2) {
      if (p + 4 > view.byteLength) return undefined;
      const count = view.getUint32(p, little);
      p += 4;
      if (p + count * dims * 8 > view.byteLength) return undefined;
      const xy = new Float64Array(count * 2);
      for (let i = 0; i < count; i++) {
        xy[2 * i] = view.getFloat64(p, little);
        xy[2 * i + 1] = view.getFloat64(p + 8, little);
        p += dims * 8;
      }
      lines.push(xy);
      return p;
    }
    if (base === 5) {
      if (p + 4 > view.byteLength) return undefined;
      const count = view.getUint32(p, little);
      p += 4;
      for (let i = 0; i < count; i++) {
        const after = readGeometry(p);
        if (after === undefined) return undefined;
        p = after;
      }
      return p;
    }
    return undefined;
  };
  return readGeometry(start) === undefined ? undefined : lines;
};

/** The lines of a GeoPackage geometry blob (header 'GP', version, flags, srs id, envelope, WKB). */
export const readGeoPackageGeometry = (blob: Uint8Array): Float64Array[] | undefined => {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return undefined;
  const flags = blob[3] as number;
  if ((flags & 0x10) !== 0) return [];
  const envelope = envelopeBytes[(flags >> 1) & 0x07];
  if (envelope === undefined) return undefined;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  return readWkbLines(view, 8 + envelope);
};

const openGeoPackage = async (path: string): Promise<initSqlJs.Database> => {
  const SQL = await sql();
  try {
    const db = new SQL.Database(await readFile(path));
    db.exec('SELECT 1 FROM gpkg_geometry_columns LIMIT 1');
    return db;
  } catch {
    throw new FileRefused(reason('unreadable', { file: path }));
  }
};

/** The line layers of an open GeoPackage, by name: table, geometry column and srs id. */
const lineTables = (db: initSqlJs.Database): [string, string, number][] =>
  (db.exec(
    "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE upper(geometry_type_name) IN ('LINESTRING', 'MULTILINESTRING', 'GEOMETRY') ORDER BY table_name",
  )[0]?.values ?? []) as [string, string, number][];

const readLayer = (db: initSqlJs.Database, [name, geometryColumn, srsId]: [string, string, number]) => {
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  const info = db.exec(`PRAGMA table_info(${quote(name)})`)[0]?.values ?? [];
  const columns = info.map((row) => String(row[1]));
  const pk = info.find((row) => row[5] === 1)?.[1] ?? 'rowid';
  const statement = db.prepare(
    `SELECT ${quote(String(pk))} AS __fid, * FROM ${quote(name)} ORDER BY ${quote(String(pk))}`,
  );
  const features: GeoPackageFeature[] = [];
  while (statement.step()) {
    const row = statement.getAsObject();
    const properties: Record<string, string | number | null> = {};
    for (const column of columns) {
      if (column === geometryColumn) continue;
      const value = row[column];
      properties[column] = value instanceof Uint8Array ? null : (value ?? null);
    }
    const blob = row[geometryColumn];
    features.push({
      fid: Number(row.__fid),
      properties,
      lines: blob instanceof Uint8Array ? readGeoPackageGeometry(blob) : undefined,
    });
  }
  statement.free();
  return { table: name, srsId: Number(srsId), features };
};

/**
 * The line layer of a GeoPackage file (or the one named): every row with its attributes and lines.
 * A file that is not a GeoPackage, or has no line layer, is refused.
 */
export const readGeoPackageLines = async (path: string, table?: string): Promise<GeoPackageLayer> => {
  const db = await openGeoPackage(path);
  try {
    const chosen = lineTables(db).find((row) => table === undefined || row[0] === table);
    if (!chosen) throw new FileRefused(reason('missingColumns', { columns: 'LINESTRING layer' }));
    return readLayer(db, chosen);
  } finally {
    db.close();
  }
};

/**
 * Several line layers of one GeoPackage, read from one opening of the file: `choose` picks, from the
 * names of its line layers, the ones wanted under a key; a key whose name is undefined is left out.
 */
export const readGeoPackageLayers = async <K extends string>(
  path: string,
  choose: (tables: readonly string[]) => Record<K, string | undefined>,
): Promise<Partial<Record<K, GeoPackageLayer>>> => {
  const db = await openGeoPackage(path);
  try {
    const tables = lineTables(db);
    const wanted = choose(tables.map((row) => row[0]));
    const layers: Partial<Record<K, GeoPackageLayer>> = {};
    for (const key of Object.keys(wanted) as K[]) {
      const row = tables.find((t) => t[0] === wanted[key]);
      if (row) layers[key] = readLayer(db, row);
    }
    return layers;
  } finally {
    db.close();
  }
};

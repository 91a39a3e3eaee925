import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';

const require = createRequire(import.meta.url);

export interface WkbOptions {
  littleEndian?: boolean;
  z?: boolean;
  m?: boolean;
  /** EWKB flag bits for Z and M instead of ISO type codes. */
  ewkb?: boolean;
}

/** WKB of a LineString (one part) or MultiLineString (several) of x, y pairs. */
export const wkbOf = (
  parts: readonly (readonly [number, number][])[],
  options: WkbOptions = {},
): Uint8Array => {
  const little = options.littleEndian ?? true;
  const dims = 2 + (options.z ? 1 : 0) + (options.m ? 1 : 0);
  const typeCode = (base: number) =>
    options.ewkb
      ? (base | (options.z ? 0x80000000 : 0) | (options.m ? 0x40000000 : 0)) >>> 0
      : base + (options.z && options.m ? 3000 : options.z ? 1000 : options.m ? 2000 : 0);
  const lineBytes = (points: readonly [number, number][]) => 9 + points.length * dims * 8;
  const multi = parts.length !== 1;
  const size = (multi ? 9 : 0) + parts.reduce((s, p) => s + lineBytes(p), 0);
  const view = new DataView(new ArrayBuffer(size));
  let at = 0;
  const header = (base: number, count: number) => {
    view.setUint8(at, little ? 1 : 0);
    view.setUint32(at + 1, typeCode(base), little);
    view.setUint32(at + 5, count, little);
    at += 9;
  };
  if (multi) header(5, parts.length);
  for (const points of parts) {
    header(2, points.length);
    for (const [x, y] of points) {
      view.setFloat64(at, x, little);
      view.setFloat64(at + 8, y, little);
      for (let d = 2; d < dims; d++) view.setFloat64(at + d * 8, 7, little);
      at += dims * 8;
    }
  }
  return new Uint8Array(view.buffer);
};

/** A GeoPackage geometry blob: magic, version 0, flags (little-endian header, no envelope), srs 3067, WKB. */
export const geoPackageBlob = (wkb: Uint8Array): Uint8Array => {
  const blob = new Uint8Array(8 + wkb.length);
  const view = new DataView(blob.buffer);
  blob.set([0x47, 0x50, 0, 0x01]);
  view.setInt32(4, 3067, true);
  blob.set(wkb, 8);
  return blob;
};

/** Writes a minimal GeoPackage with one line layer `links` of the given attribute columns. */
export const writeLinkGeoPackage = async (
  path: string,
  columns: readonly string[],
  rows: readonly { values: Record<string, string | number | null>; geometry: Uint8Array | null }[],
): Promise<void> => {
  const SQL = await initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  const db = new SQL.Database();
  db.exec(`
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
    INSERT INTO gpkg_contents VALUES ('links', 'features', 3067);
    INSERT INTO gpkg_geometry_columns VALUES ('links', 'geom', 'LINESTRING', 3067, 2, 2);
    CREATE TABLE links (fid INTEGER PRIMARY KEY, geom BLOB, ${columns.map((c) => `"${c}"`).join(', ')});
  `);
  const insert = db.prepare(
    `INSERT INTO links (geom, ${columns.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) insert.run([row.geometry, ...columns.map((c) => row.values[c] ?? null)]);
  insert.free();
  await writeFile(path, db.export());
  db.close();
};

export interface FixtureLayer {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly { values: Record<string, string | number | null>; geometry: Uint8Array | null }[];
  /** The layer's srs id; 3067 unless a test says otherwise. */
  readonly srsId?: number;
}

/** Writes a GeoPackage of several line layers, as Digiroad's release holds DR_LINKKI beside its limit layers. */
export const writeLayersGeoPackage = async (path: string, layers: readonly FixtureLayer[]): Promise<void> => {
  const SQL = await initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  const db = new SQL.Database();
  db.exec(`
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
  `);
  for (const layer of layers) {
    const srs = layer.srsId ?? 3067;
    const quoted = layer.columns.map((c) => `"${c}"`).join(', ');
    db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?)', [layer.name, 'features', srs]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 2, 2)', [
      layer.name,
      'geom',
      'LINESTRING',
      srs,
    ]);
    db.exec(`CREATE TABLE "${layer.name}" (fid INTEGER PRIMARY KEY, geom BLOB, ${quoted})`);
    const insert = db.prepare(
      `INSERT INTO "${layer.name}" (geom, ${quoted}) VALUES (?, ${layer.columns.map(() => '?').join(', ')})`,
    );
    for (const row of layer.rows) {
      insert.run([row.geometry, ...layer.columns.map((c) => row.values[c] ?? null)]);
    }
    insert.free();
  }
  await writeFile(path, db.export());
  db.close();
};

import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import type { Polygon } from './dissolve.js';

/**
 * Writes polygon layers as an OGC GeoPackage (1.3): the tables the standard requires, one feature table
 * per layer with a MULTIPOLYGON column in EPSG:3067, and each geometry as the standard's binary header
 * followed by little-endian WKB. QGIS and ArcGIS open it as it is.
 */

export interface GeoPackageColumn {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL';
}

export interface GeoPackageLayerInput {
  /** Table name: letters, digits and underscores. */
  name: string;
  description: string;
  columns: readonly GeoPackageColumn[];
  features: readonly {
    polygons: readonly Polygon[];
    values: Readonly<Record<string, string | number | null>>;
  }[];
}

const require = createRequire(import.meta.url);
let sqlModule: Promise<initSqlJs.SqlJsStatic> | undefined;
const sql = () => {
  sqlModule ??= initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  return sqlModule;
};

/** ETRS89 / TM35FIN(E,N), EPSG:3067, in the OGC WKT the GeoPackage standard's srs table takes. */
const tm35finWkt =
  'PROJCS["ETRS89 / TM35FIN(E,N)",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",' +
  'SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6258"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
  'PARAMETER["central_meridian",27],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],' +
  'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
  'AXIS["Northing",NORTH],AUTHORITY["EPSG","3067"]]';

const wgs84Wkt =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

const schema = [
  `CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
     organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
     description TEXT)`,
  `CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
     identifier TEXT UNIQUE, description TEXT DEFAULT '',
     last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
     min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
     CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`,
  `CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
     geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
     CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
     CONSTRAINT uk_gc_table_name UNIQUE (table_name),
     CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
     CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`,
];

const spatialReferenceSystems: [string, number, string, number, string, string][] = [
  ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'],
  [
    'WGS 84 geodetic',
    4326,
    'EPSG',
    4326,
    wgs84Wkt,
    'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
  ],
  ['ETRS89 / TM35FIN(E,N)', 3067, 'EPSG', 3067, tm35finWkt, 'Finland, ETRS-TM35FIN'],
];

type Envelope = [minX: number, maxX: number, minY: number, maxY: number];

const envelopeOf = (polygons: readonly Polygon[]): Envelope => {
  const envelope: Envelope = [Infinity, -Infinity, Infinity, -Infinity];
  for (const polygon of polygons)
    for (const [x, y] of polygon[0] ?? []) {
      envelope[0] = Math.min(envelope[0], x);
      envelope[1] = Math.max(envelope[1], x);
      envelope[2] = Math.min(envelope[2], y);
      envelope[3] = Math.max(envelope[3], y);
    }
  return envelope;
};

/** The GeoPackage geometry blob: "GP", version 0, little-endian with an xy envelope, srs id, then WKB. */
export const geometryBlob = (polygons: readonly Polygon[], srsId: number): Uint8Array => {
  const points = polygons.reduce((n, p) => n + p.reduce((m, ring) => m + ring.length, 0), 0);
  const rings = polygons.reduce((n, p) => n + p.length, 0);
  const wkbBytes = 9 + polygons.length * 9 + rings * 4 + points * 16;
  const bytes = new Uint8Array(8 + 32 + wkbBytes);
  const view = new DataView(bytes.buffer);
  bytes.set([0x47, 0x50, 0, 0b0000_0011]);
  view.setInt32(4, srsId, true);
  for (const [i, value] of envelopeOf(polygons).entries()) view.setFloat64(8 + i * 8, value, true);
  let at = 40;
  const header = (type: number, count: number) => {
    view.setUint8(at, 1);
    view.setUint32(at + 1, type, true);
    view.setUint32(at + 5, count, true);
    at += 9;
  };
  header(6, polygons.length);
  for (const polygon of polygons) {
    header(3, polygon.length);
    for (const ring of polygon) {
      view.setUint32(at, ring.length, true);
      at += 4;
      for (const [x, y] of ring) {
        view.setFloat64(at, x, true);
        view.setFloat64(at + 8, y, true);
        at += 16;
      }
    }
  }
  return bytes;
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The layers as the bytes of a GeoPackage file. */
export const writeGeoPackage = async (layers: readonly GeoPackageLayerInput[]): Promise<Uint8Array> => {
  const SQL = await sql();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA application_id = 1196444487'); // "GPKG"
    db.run('PRAGMA user_version = 10300');
    for (const statement of schema) db.run(statement);
    for (const srs of spatialReferenceSystems)
      db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', srs);
    for (const layer of layers) {
      for (const name of [layer.name, ...layer.columns.map((c) => c.name)])
        if (!identifier.test(name)) throw new Error(`not a table or column name: ${name}`);
      const columns = layer.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
      db.run(
        `CREATE TABLE "${layer.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON${columns ? `, ${columns}` : ''})`,
      );
      const [minX, maxX, minY, maxY] = envelopeOf(layer.features.flatMap((f) => f.polygons));
      const bounded = Number.isFinite(minX);
      db.run(
        'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          layer.name,
          'features',
          layer.name,
          layer.description,
          bounded ? minX : null,
          bounded ? minY : null,
          bounded ? maxX : null,
          bounded ? maxY : null,
          3067,
        ],
      );
      db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [
        layer.name,
        'geom',
        'MULTIPOLYGON',
        3067,
      ]);
      const names = layer.columns.map((c) => `"${c.name}"`);
      const insert = db.prepare(
        `INSERT INTO "${layer.name}" (geom${names.map((n) => `, ${n}`).join('')}) VALUES (?${names.map(() => ', ?').join('')})`,
      );
      try {
        for (const feature of layer.features)
          insert.run([
            geometryBlob(feature.polygons, 3067),
            ...layer.columns.map((c) => feature.values[c.name] ?? null),
          ]);
      } finally {
        insert.free();
      }
    }
    return db.export();
  } finally {
    db.close();
  }
};

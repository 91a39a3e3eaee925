import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { dissolveSquares } from './dissolve.js';
import { writeGeoPackage } from './geopackage.js';

const require = createRequire(import.meta.url);

/** Reads a little-endian WKB MultiPolygon back into rings. */
const readMultiPolygon = (view: DataView, start: number) => {
  let at = start;
  const u32 = () => {
    const value = view.getUint32(at, true);
    at += 4;
    return value;
  };
  const header = () => {
    expect(view.getUint8(at)).toBe(1);
    at += 1;
    return [u32(), u32()] as const;
  };
  const [type, count] = header();
  expect(type).toBe(6);
  return Array.from({ length: count }, () => {
    const [polygonType, rings] = header();
    expect(polygonType).toBe(3);
    return Array.from({ length: rings }, () =>
      Array.from({ length: u32() }, () => {
        const point = [view.getFloat64(at, true), view.getFloat64(at + 8, true)];
        at += 16;
        return point;
      }),
    );
  });
};

describe('a GeoPackage of polygon layers', () => {
  it('has the tables the standard requires and gives back the polygons and values written', async () => {
    const donut = dissolveSquares(
      [0, 1, 2].flatMap((c) =>
        [0, 1, 2].filter((r) => c !== 1 || r !== 1).map((r) => ({ column: c, row: r })),
      ),
    ).map((polygon) =>
      polygon.map((ring) =>
        ring.map(([x, y]) => [500_000 + x * 1000, 6_900_000 + y * 1000] as [number, number]),
      ),
    );
    const bytes = await writeGeoPackage([
      {
        name: 'isochrones',
        description: 'Travel-time bands',
        columns: [
          { name: 'unit_code', type: 'TEXT' },
          { name: 'minutes', type: 'REAL' },
          { name: 'residents', type: 'INTEGER' },
        ],
        features: [{ polygons: donut, values: { unit_code: 'U1', minutes: 10, residents: null } }],
      },
    ]);
    expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('SQLite format 3');
    const SQL = await initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
    const db = new SQL.Database(bytes);
    const one = (query: string) => db.exec(query)[0]?.values ?? [];
    expect(one('PRAGMA application_id')).toEqual([[0x47504b47]]);
    expect(one('PRAGMA user_version')).toEqual([[10300]]);
    expect(
      one("SELECT srs_id FROM gpkg_spatial_ref_sys WHERE organization = 'EPSG' ORDER BY srs_id"),
    ).toEqual([[3067], [4326]]);
    expect(
      one('SELECT table_name, data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents'),
    ).toEqual([['isochrones', 'features', 3067, 500_000, 6_900_000, 503_000, 6_903_000]]);
    expect(
      one('SELECT table_name, column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns'),
    ).toEqual([['isochrones', 'geom', 'MULTIPOLYGON', 3067]]);
    const [[geom, code, minutes, residents]] = one(
      'SELECT geom, unit_code, minutes, residents FROM isochrones',
    ) as [[Uint8Array, string, number, null]];
    expect([code, minutes, residents]).toEqual(['U1', 10, null]);
    const view = new DataView(geom.buffer, geom.byteOffset, geom.byteLength);
    expect([geom[0], geom[1], geom[2], geom[3]]).toEqual([0x47, 0x50, 0, 0b011]);
    expect(view.getInt32(4, true)).toBe(3067);
    expect([8, 16, 24, 32].map((at) => view.getFloat64(at, true))).toEqual([
      500_000, 503_000, 6_900_000, 6_903_000,
    ]);
    expect(readMultiPolygon(view, 40)).toEqual(donut);
    db.close();
  });

  it('refuses a layer or column name that is not a plain identifier', async () => {
    await expect(
      writeGeoPackage([{ name: 'x"; DROP TABLE y', description: '', columns: [], features: [] }]),
    ).rejects.toThrow(/not a table or column name/);
  });
});

/**
 * Writes small line shapefiles by the ESRI and dBASE layouts, for tests: the bytes a GIS program
 * writes for a Digiroad link layer, with the shape type and encoding the test chooses.
 */

export interface ShapeRecord {
  /** Parts as [x, y] points; null for a null shape. */
  readonly parts: readonly (readonly [number, number][])[] | null;
  readonly attributes: Readonly<Record<string, string | number | null>>;
  readonly deleted?: boolean;
}

export interface DbfColumn {
  readonly name: string;
  readonly type: 'C' | 'N';
  readonly length: number;
}

/** 3 PolyLine, 13 PolyLineZ (z and m written), 23 PolyLineM. */
export type LineShapeType = 3 | 13 | 23;

const shapeContent = (parts: ShapeRecord['parts'], type: LineShapeType): Uint8Array => {
  if (parts === null) return new Uint8Array(4);
  const points = parts.flat();
  const extra = type === 13 ? 2 : type === 23 ? 1 : 0;
  const size = 44 + 4 * parts.length + 16 * points.length + extra * (16 + 8 * points.length);
  const view = new DataView(new ArrayBuffer(size));
  view.setInt32(0, type, true);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  box.forEach((v, i) => {
    view.setFloat64(4 + 8 * i, v, true);
  });
  view.setInt32(36, parts.length, true);
  view.setInt32(40, points.length, true);
  let first = 0;
  parts.forEach((part, k) => {
    view.setInt32(44 + 4 * k, first, true);
    first += part.length;
  });
  let at = 44 + 4 * parts.length;
  for (const [x, y] of points) {
    view.setFloat64(at, x, true);
    view.setFloat64(at + 8, y, true);
    at += 16;
  }
  // z (or m) range and values: heights and measures routing ignores, written so the layout is real.
  for (let e = 0; e < extra; e++) {
    view.setFloat64(at, 0, true);
    view.setFloat64(at + 8, 99, true);
    at += 16;
    for (let i = 0; i < points.length; i++, at += 8) view.setFloat64(at, 12.5 + i, true);
  }
  return new Uint8Array(view.buffer);
};

export const shpOf = (records: readonly ShapeRecord[], type: LineShapeType = 3): Uint8Array => {
  const contents = records.map((r) => shapeContent(r.parts, type));
  const size = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, size / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, type, true);
  let at = 100;
  contents.forEach((content, i) => {
    view.setInt32(at, i + 1, false);
    view.setInt32(at + 4, content.length / 2, false);
    bytes.set(content, at + 8);
    at += 8 + content.length;
  });
  return bytes;
};

/** A dBASE III table; text encoded by `encode` (UTF-8 by default), padded with spaces. */
export const dbfOf = (
  columns: readonly DbfColumn[],
  records: readonly ShapeRecord[],
  encode: (text: string) => Uint8Array = (t) => new TextEncoder().encode(t),
): Uint8Array => {
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((s, c) => s + c.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * records.length + 1).fill(0x20);
  const view = new DataView(bytes.buffer);
  bytes.fill(0, 0, headerLength);
  bytes[0] = 0x03;
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  columns.forEach((column, i) => {
    const at = 32 + 32 * i;
    bytes.set(new TextEncoder().encode(column.name.slice(0, 10)), at);
    bytes[at + 11] = column.type.charCodeAt(0);
    bytes[at + 16] = column.length;
  });
  bytes[headerLength - 1] = 0x0d;
  records.forEach((record, r) => {
    let at = headerLength + r * recordLength;
    bytes[at] = record.deleted ? 0x2a : 0x20;
    at += 1;
    for (const column of columns) {
      const value = record.attributes[column.name];
      const text = value === null || value === undefined ? new Uint8Array() : encode(String(value));
      const cell = column.type === 'N' ? new Uint8Array(column.length).fill(0x20) : text;
      if (column.type === 'N')
        cell.set(text.subarray(0, column.length), column.length - Math.min(text.length, column.length));
      bytes.set(cell.subarray(0, column.length), at);
      at += column.length;
    }
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
};

/** Latin-1 bytes of a text, as an older GIS program writes a .dbf. */
export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A .prj of ETRS-TM35FIN as QGIS writes it for Digiroad's layers. */
export const tm35finPrj =
  'PROJCS["ETRS89_TM35FIN_E_N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",27.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

export const wgs84Prj =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** Digiroad's link columns as its shapefile release cuts them to ten characters. */
export const digiroadColumns: DbfColumn[] = [
  { name: 'LINK_ID', type: 'C', length: 40 },
  { name: 'TOIMINN_LK', type: 'N', length: 2 },
  { name: 'LINKKITYYP', type: 'N', length: 2 },
  { name: 'AJOSUUNTA', type: 'N', length: 1 },
  { name: 'NOPEUSRAJ', type: 'N', length: 3 },
  { name: 'TALVINOPEU', type: 'N', length: 3 },
  { name: 'TIENIMI_SU', type: 'C', length: 40 },
];

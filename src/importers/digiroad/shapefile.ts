import { FileRefused, reason } from '../reasons.js';
import type { GeoPackageFeature } from './geopackage.js';

/**
 * ESRI shapefiles as Digiroad publishes them (the .shp geometry, the .dbf attributes, the .prj
 * coordinate system and the .cpg code page), following ESRI's "Shapefile Technical Description"
 * (1998) and the dBASE III/IV table layout. Only line shapes are read: PolyLine (3), PolyLineZ (13)
 * and PolyLineM (23), whose z and m values routing does not need.
 */
export interface ShapefileParts {
  readonly shp: Uint8Array;
  readonly dbf: Uint8Array;
  /** The .prj text; undefined when the release has none, which is refused. */
  readonly prj: string | undefined;
  /** The .cpg text naming the .dbf's encoding, when there is one. */
  readonly cpg: string | undefined;
}

const lineShapes = new Set([3, 13, 23]);

/** The record's lines as x, y pairs; [] for a null shape, undefined for any other shape or short bytes. */
const readShape = (view: DataView, start: number, end: number): Float64Array[] | undefined => {
  if (start + 4 > end) return undefined;
  const type = view.getInt32(start, true);
  if (type === 0) return [];
  if (!lineShapes.has(type) || start + 44 > end) return undefined;
  const partCount = view.getInt32(start + 36, true);
  const pointCount = view.getInt32(start + 40, true);
  const partsAt = start + 44;
  const pointsAt = partsAt + 4 * partCount;
  if (partCount < 0 || pointCount < 0 || pointsAt + 16 * pointCount > end) return undefined;
  const lines: Float64Array[] = [];
  for (let k = 0; k < partCount; k++) {
    const first = view.getInt32(partsAt + 4 * k, true);
    const last = k + 1 < partCount ? view.getInt32(partsAt + 4 * (k + 1), true) : pointCount;
    if (first < 0 || last < first || last > pointCount) return undefined;
    const xy = new Float64Array(2 * (last - first));
    for (let i = first; i < last; i++) {
      xy[2 * (i - first)] = view.getFloat64(pointsAt + 16 * i, true);
      xy[2 * (i - first) + 1] = view.getFloat64(pointsAt + 16 * i + 8, true);
    }
    lines.push(xy);
  }
  return lines;
};

/** Every record of a .shp file by its record number (1-based), its lines or undefined when unreadable. */
export const readShpLines = (bytes: Uint8Array): Map<number, Float64Array[] | undefined> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0, false) !== 9994) {
    throw new FileRefused(reason('unreadable', { detail: 'the .shp file has no shapefile header' }));
  }
  const shapeType = view.getInt32(32, true);
  if (shapeType !== 0 && !lineShapes.has(shapeType)) {
    throw new FileRefused(
      reason('unreadable', { detail: `the .shp file holds shape type ${shapeType}, not lines` }),
    );
  }
  const records = new Map<number, Float64Array[] | undefined>();
  const fileEnd = Math.min(bytes.length, view.getInt32(24, false) * 2);
  let at = 100;
  while (at + 8 <= fileEnd) {
    const number = view.getInt32(at, false);
    const contentEnd = at + 8 + view.getInt32(at + 4, false) * 2;
    records.set(number, contentEnd <= fileEnd ? readShape(view, at + 8, contentEnd) : undefined);
    if (contentEnd <= at + 8) break;
    at = contentEnd;
  }
  return records;
};

/** dBASE language driver ids that name a code page, for a .dbf without a .cpg. */
const encodingByDriver: Record<number, string> = { 3: 'windows-1252', 87: 'windows-1252' };

/** The .cpg's code page as a TextDecoder label: "UTF-8", "65001", "1252", "88591", "ISO-8859-1" … */
const encodingOf = (cpg: string): string => {
  const name = cpg.trim().toLowerCase();
  if (/^(utf-?8|65001)$/.test(name)) return 'utf-8';
  if (/^\d{4}$/.test(name)) return `windows-${name}`;
  if (/^8859\d+$/.test(name)) return `iso-8859-${name.slice(4)}`;
  return name;
};

const decoderFor = (cpg: string | undefined, driver: number): TextDecoder => {
  const label = cpg !== undefined ? encodingOf(cpg) : (encodingByDriver[driver] ?? 'utf-8');
  try {
    // Without a .cpg or a language driver, text must be valid UTF-8: a Latin-1 byte is refused, not guessed.
    return new TextDecoder(label, { fatal: cpg === undefined && encodingByDriver[driver] === undefined });
  } catch {
    throw new FileRefused(
      reason('unreadable', { detail: `the .cpg names an unknown encoding "${cpg?.trim()}"` }),
    );
  }
};

interface DbfField {
  readonly name: string;
  readonly type: string;
  readonly offset: number;
  readonly length: number;
}

/** The .dbf's records (record number 1-based → attributes); deleted records are left out. */
export const readDbf = (
  bytes: Uint8Array,
  cpg: string | undefined,
): Map<number, Record<string, string | number | null>> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32)
    throw new FileRefused(reason('unreadable', { detail: 'the .dbf file is too short' }));
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const decoder = decoderFor(cpg, bytes[29] as number);
  const ascii = new TextDecoder('latin1');
  const fields: DbfField[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const raw = ascii.decode(bytes.subarray(at, at + 11));
    const name = raw.slice(0, raw.indexOf('\0') < 0 ? 11 : raw.indexOf('\0')).trim();
    const length = bytes[at + 16] as number;
    fields.push({ name, type: String.fromCharCode(bytes[at + 11] as number), offset, length });
    offset += length;
  }
  const records = new Map<number, Record<string, string | number | null>>();
  for (let r = 0; r < recordCount; r++) {
    const start = headerLength + r * recordLength;
    if (start + recordLength > bytes.length) {
      throw new FileRefused(reason('unreadable', { detail: `the .dbf file ends inside record ${r + 1}` }));
    }
    if (bytes[start] === 0x2a) continue;
    const properties: Record<string, string | number | null> = {};
    for (const field of fields) {
      const cell = bytes.subarray(start + field.offset, start + field.offset + field.length);
      let text: string;
      try {
        text = decoder
          .decode(cell)
          .replace(/[\0 ]+$/, '')
          .trimStart();
      } catch {
        throw new FileRefused(
          reason('unreadable', {
            detail: `record ${r + 1}, ${field.name}: not UTF-8 text, and no .cpg names another encoding`,
          }),
        );
      }
      // Numbers stay text when they do not parse, so that the link check names the value's column.
      const numeric = field.type === 'N' || field.type === 'F';
      properties[field.name] =
        text === '' ? null : numeric && Number.isFinite(Number(text)) ? Number(text) : text;
    }
    records.set(r + 1, properties);
  }
  return records;
};

/**
 * Whether a .prj is ETRS-TM35FIN (EPSG:3067). ETRS89 / UTM zone 35N (EPSG:25835) has the same
 * definition and coordinates, so a .prj written under that name is taken too.
 */
export const isEtrsTm35fin = (prj: string): boolean =>
  /TM35FIN/i.test(prj) ||
  /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?3067"?\s*\]/i.test(prj) ||
  (/ETRS.?(19)?89/i.test(prj) && /UTM.?zone.?35N/i.test(prj));

/** The name a .prj gives its coordinate system, for the refusal: its first quoted name. */
const prjName = (prj: string): string =>
  /"([^"]+)"/.exec(prj)?.[1] ?? (prj.trim().slice(0, 60) || 'an empty .prj');

/**
 * The features of a line shapefile: each .dbf record with the lines of the .shp record of the same
 * number (undefined when that shape is missing or not a line), numbered by record. Refused unless its
 * .prj is EPSG:3067.
 */
export const readShapefileLines = (parts: ShapefileParts): GeoPackageFeature[] => {
  if (parts.prj === undefined) throw new FileRefused(reason('missingFiles', { missing: '.prj' }));
  if (!isEtrsTm35fin(parts.prj)) {
    throw new FileRefused(
      reason('coordinateSystem', { found: prjName(parts.prj), expected: 'EPSG:3067 (ETRS-TM35FIN)' }),
    );
  }
  const shapes = readShpLines(parts.shp);
  const records = readDbf(parts.dbf, parts.cpg);
  return [...records].map(([fid, properties]) => ({ fid, properties, lines: shapes.get(fid) }));
};

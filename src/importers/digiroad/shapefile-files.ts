import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { FileRefused, reason } from '../reasons.js';
import type { GeoPackageFeature } from './geopackage.js';
import { readShapefileLines, type ShapefileParts } from './shapefile.js';

/** The link layer among several shapefiles: Digiroad names it DR_LINKKI (DR_LINKKI_K in its K release). */
const linkLayer = /(^|[/\\])DR_LINKKI(_K)?\.shp$/i;

const chooseShp = (names: readonly string[]): string => {
  const shps = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  const chosen = shps.length === 1 ? shps[0] : shps.find((n) => linkLayer.test(n));
  if (chosen === undefined) {
    throw new FileRefused(
      reason('missingFiles', {
        missing:
          shps.length === 0 ? '.shp' : `DR_LINKKI.shp (found ${shps.map((n) => basename(n)).join(', ')})`,
      }),
    );
  }
  return chosen;
};

/** The parts beside `shp` in a set of names, matched by stem without regard to case. */
const partsOf = (
  names: readonly string[],
  shp: string,
  read: (name: string) => Promise<Uint8Array>,
): Promise<ShapefileParts> => {
  const stem = shp.slice(0, -4).toLowerCase();
  const find = (extension: string) => names.find((n) => n.toLowerCase() === `${stem}${extension}`);
  const dbf = find('.dbf');
  if (dbf === undefined) throw new FileRefused(reason('missingFiles', { missing: `${basename(stem)}.dbf` }));
  const text = async (name: string | undefined) =>
    name === undefined ? undefined : new TextDecoder().decode(await read(name));
  return Promise.all([read(shp), read(dbf), text(find('.prj')), text(find('.cpg'))]).then(
    ([shpBytes, dbfBytes, prj, cpg]) => ({ shp: shpBytes, dbf: dbfBytes, prj, cpg }),
  );
};

/** The speed-limit layers beside the link layer: DR_NOPEUSRAJOITUS and DR_TALVINOPEUSRAJOITUS (_K). */
export const speedLimitLayer = /(^|[/\\])DR_NOPEUSRAJOITUS(_K)?\.shp$/i;
export const winterSpeedLimitLayer = /(^|[/\\])DR_TALVINOPEUSRAJOITUS(_K)?\.shp$/i;

/** The features of Digiroad's link layer, and of its speed-limit layers when the release has them. */
export interface DigiroadShapefileRelease {
  readonly links: GeoPackageFeature[];
  readonly speedLimits?: GeoPackageFeature[];
  readonly winterSpeedLimits?: GeoPackageFeature[];
}

const readRelease = async (
  names: readonly string[],
  shp: string,
  read: (name: string) => Promise<Uint8Array>,
): Promise<DigiroadShapefileRelease> => {
  const layer = async (pattern: RegExp) => {
    const found = names.find((n) => pattern.test(n));
    return found === undefined ? undefined : readShapefileLines(await partsOf(names, found, read));
  };
  const links = readShapefileLines(await partsOf(names, shp, read));
  // Only beside DR_LINKKI: a single shapefile read alone is the link layer, nothing else.
  if (!linkLayer.test(shp)) return { links };
  const [speedLimits, winterSpeedLimits] = await Promise.all([
    layer(speedLimitLayer),
    layer(winterSpeedLimitLayer),
  ]);
  return {
    links,
    ...(speedLimits && { speedLimits }),
    ...(winterSpeedLimits && { winterSpeedLimits }),
  };
};

/**
 * Reads Digiroad's shapefile release: a .zip holding the link layer (alone, or DR_LINKKI among other
 * layers), or a .shp with its .dbf, .prj and .cpg beside it; with DR_LINKKI, the speed-limit layers
 * beside it (DR_NOPEUSRAJOITUS, DR_TALVINOPEUSRAJOITUS) are read too when the release has them.
 */
export const readShapefileRelease = async (path: string): Promise<DigiroadShapefileRelease> => {
  if (extname(path).toLowerCase() === '.zip') {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(await readFile(path));
    } catch {
      throw new FileRefused(
        reason('unreadable', { detail: `${basename(path)} is not a readable zip archive` }),
      );
    }
    const names = Object.keys(entries);
    const shp = chooseShp(names);
    return readRelease(names, shp, async (name) => entries[name] as Uint8Array);
  }
  const folder = dirname(path);
  const names = (await readdir(folder)).map((name) => join(folder, name));
  const shp = names.find((n) => n === join(folder, basename(path)));
  if (shp === undefined) throw new FileRefused(reason('missingFiles', { missing: basename(path) }));
  return readRelease(names, shp, (name) => readFile(name));
};

/** The link layer of Digiroad's shapefile release (see readShapefileRelease). */
export const readShapefileSource = async (path: string): Promise<GeoPackageFeature[]> =>
  (await readShapefileRelease(path)).links;

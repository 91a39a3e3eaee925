import type { RejectReason } from '../../model/index.js';
import { reason } from '../reasons.js';
import type { GeoPackageFeature } from './geopackage.js';
import type { DigiroadLimitReport } from './limit-report.js';

/**
 * A Digiroad road link (Väylävirasto's national road network, CC BY 4.0) as routing needs it. Codes are
 * Digiroad's own (its data description, "Digiroad-tietolajit"): LINKKITYYP 21 is a ferry or cable
 * ferry, 8 a cycle or pedestrian path, 9 a pedestrian zone, 12 a track, 99 unknown; AJOSUUNTA 2 is both
 * ways, 3 against and 4 along the direction the line is drawn in; TOIMINN_LK 1–6 the functional class
 * from main roads (1) to access roads (6), 7–10 paths and tracks.
 */
export interface DigiroadLink {
  readonly linkId: string;
  /** The road class routing uses: OSM's highway names, so the county's speeds by class apply. */
  readonly roadClass: string;
  /** 0 both ways, 1 along the drawn direction, -1 against it. */
  readonly oneway: -1 | 0 | 1;
  /** Speed limit in km/h, 0 when the file gives none. */
  readonly speedKmh: number;
  /** Winter speed limit in km/h, 0 when the file gives none (the summer limit then holds all year). */
  readonly winterSpeedKmh: number;
  readonly ferry: boolean;
  /** A ferry's crossing time in seconds when the file gives one, else 0. */
  readonly crossingSeconds: number;
  /** Parts as flat x, y pairs in EPSG:3067. */
  readonly lines: readonly Float64Array[];
}

export interface DigiroadReject {
  /** The layer the feature is in when not the link layer: a speed-limit layer (limits.ts). */
  readonly layer?: string;
  /** The feature id (fid) in a GeoPackage, the record number in a shapefile. */
  readonly line: number;
  readonly column: string;
  readonly reason: RejectReason;
}

export interface DigiroadLinks {
  readonly links: DigiroadLink[];
  /** Rejected features of the link layer, then of the speed-limit layers (those name their layer). */
  readonly rejects: DigiroadReject[];
  /** Features of the link layer read: links.length + its rejects (those without a layer). */
  readonly read: number;
  /** What the speed-limit layers gave, when the release was read with them (limits.ts). */
  readonly limits?: DigiroadLimitReport;
}

/** Functional class → OSM highway class (1 main roads of class I … 6 access roads, 7+ paths). */
const classByFunctionalClass: Record<number, string> = {
  1: 'trunk',
  2: 'primary',
  3: 'secondary',
  4: 'tertiary',
  5: 'unclassified',
  6: 'residential',
  7: 'track',
  8: 'cycleway',
  9: 'footway',
  10: 'footway',
};

/** Link types that say by themselves how a link is used, whatever its functional class. */
const classByLinkType: Record<number, string> = { 8: 'cycleway', 9: 'pedestrian', 12: 'track', 21: 'ferry' };

const linkTypes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 21, 99];

/** Column names as Digiroad writes them, in its GeoPackage and (cut to 10 characters) shapefile releases. */
const columns = {
  linkId: ['LINK_ID', 'link_id'],
  functionalClass: ['TOIMINN_LK', 'toiminn_lk', 'toiminnallinen_luokka'],
  linkType: ['LINKKITYYP', 'linkkityyp', 'linkkityyppi'],
  direction: ['AJOSUUNTA', 'ajosuunta'],
  speed: ['NOPEUSRAJOITUS', 'NOPEUSRAJ', 'nopeusrajoitus', 'ARVO', 'arvo', 'speed_limit'],
  winterSpeed: ['TALVINOPEUSRAJOITUS', 'TALVINOPEU', 'talvinopeusrajoitus', 'winter_speed_limit'],
  crossing: ['YLITYSAIKA_S', 'YLITYSAIKA', 'ylitysaika_s', 'crossing_seconds'],
} as const;

/** The first of `names` the feature has: Digiroad spells a column differently by release and format. */
export const pick = (
  properties: Readonly<Record<string, string | number | null>>,
  names: readonly string[],
): { column: string; value: string | number | null } | undefined => {
  for (const name of names) if (name in properties) return { column: name, value: properties[name] ?? null };
  return undefined;
};

/** A whole number, undefined when empty, NaN when not whole. */
export const wholeNumber = (value: string | number | null): number | undefined => {
  if (value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isInteger(n) ? n : Number.NaN;
};

/**
 * Checks every feature and turns the valid ones into links; a feature that is not a usable link is a
 * reject with its feature number, column and reason. Nothing is guessed: a car link needs a functional
 * class or a link type that says what it is, and a known direction of traffic.
 */
export const digiroadLinks = (features: readonly GeoPackageFeature[]): DigiroadLinks => {
  const links: DigiroadLink[] = [];
  const rejects: DigiroadReject[] = [];
  const seen = new Map<string, number>();
  for (const feature of features) {
    const p = feature.properties;
    const reject = (column: string, why: RejectReason) =>
      rejects.push({ line: feature.fid, column, reason: why });
    const id = pick(p, columns.linkId);
    if (!id || id.value === null || String(id.value).trim() === '') {
      reject(id?.column ?? 'LINK_ID', reason('missingValue'));
      continue;
    }
    const linkId = String(id.value).trim();
    const earlier = seen.get(linkId);
    if (earlier !== undefined) {
      reject(id.column, reason('duplicateKey', { line: earlier }));
      continue;
    }
    if (!feature.lines || feature.lines.length === 0 || feature.lines.some((l) => l.length < 4)) {
      reject('geometry', reason('notExpectedForm'));
      continue;
    }
    const type = pick(p, columns.linkType);
    const linkType = type ? wholeNumber(type.value) : undefined;
    if (type && linkType !== undefined && !linkTypes.includes(linkType)) {
      reject(type.column, reason('unknownValue', { expected: linkTypes.join(', ') }));
      continue;
    }
    const klass = pick(p, columns.functionalClass);
    const functionalClass = klass ? wholeNumber(klass.value) : undefined;
    if (klass && functionalClass !== undefined && classByFunctionalClass[functionalClass] === undefined) {
      reject(klass.column, reason('unknownValue', { expected: '1–10' }));
      continue;
    }
    const roadClass =
      (linkType !== undefined ? classByLinkType[linkType] : undefined) ??
      (functionalClass !== undefined ? classByFunctionalClass[functionalClass] : undefined);
    if (roadClass === undefined) {
      reject(klass?.column ?? 'TOIMINN_LK', reason('missingValue'));
      continue;
    }
    const direction = pick(p, columns.direction);
    const directionCode = direction ? wholeNumber(direction.value) : undefined;
    if (directionCode !== 2 && directionCode !== 3 && directionCode !== 4) {
      reject(
        direction?.column ?? 'AJOSUUNTA',
        directionCode === undefined
          ? reason('missingValue')
          : reason('unknownValue', { expected: '2, 3, 4' }),
      );
      continue;
    }
    const speeds: number[] = [];
    let bad = false;
    for (const names of [columns.speed, columns.winterSpeed, columns.crossing]) {
      const found = pick(p, names);
      const value = found ? wholeNumber(found.value) : undefined;
      if (found && value !== undefined && !(value > 0)) {
        reject(found.column, Number.isNaN(value) ? reason('notWholeNumber') : reason('moreThan', { min: 0 }));
        bad = true;
        break;
      }
      speeds.push(value ?? 0);
    }
    if (bad) continue;
    const [speedKmh = 0, winterSpeedKmh = 0, crossingSeconds = 0] = speeds;
    seen.set(linkId, feature.fid);
    links.push({
      linkId,
      roadClass,
      oneway: directionCode === 2 ? 0 : directionCode === 4 ? 1 : -1,
      speedKmh,
      winterSpeedKmh,
      ferry: roadClass === 'ferry',
      crossingSeconds,
      lines: feature.lines,
    });
  }
  return { links, rejects, read: features.length };
};

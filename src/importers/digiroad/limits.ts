import type { RejectReason } from '../../model/index.js';
import { reason } from '../reasons.js';
import type { GeoPackageFeature } from './geopackage.js';
import type { DigiroadLimitLayer, DigiroadLimitReport } from './limit-report.js';
import { type DigiroadLink, type DigiroadReject, pick, wholeNumber } from './links.js';

/**
 * Digiroad's speed limits and winter speed limits as its releases publish them: separate line layers,
 * DR_NOPEUSRAJOITUS and DR_TALVINOPEUSRAJOITUS (DR_NOPEUSRAJOITUS_K and DR_TALVINOPEUSRAJOITUS_K in the
 * K release), one row per stretch of a road link with a limit: LINK_ID the link it lies on, ARVO the
 * limit in km/h, VAIK_SUUNT the direction it binds (1 both ways, 2 along the direction the link is
 * drawn in, 3 against it), and the stretch's own line. A link with several limits along it has several
 * rows.
 *
 * How far along the link a row reaches is taken from the row's own line: its length is the stretch it
 * covers (what the end measure minus the start measure would say). A link's limit is then the
 * length-weighted travel time over its rows, given back as the one speed that takes the same time:
 * Σ length / Σ (length / limit). A link of 500 m at 80 and 500 m at 50 km/h takes 22.5 + 36 = 58.5 s,
 * an effective 61.5 km/h; an arithmetic mean (65 km/h) would make it faster than it is.
 */
export type { DigiroadLimitLayer, DigiroadLimitReport } from './limit-report.js';

export interface DigiroadLimitRow {
  /** The row's feature number (fid in a GeoPackage, record number in a shapefile). */
  readonly line: number;
  readonly linkId: string;
  readonly kmh: number;
  /** 1 both ways, 2 along the drawn direction, 3 against it. */
  readonly direction: 1 | 2 | 3;
  /** Length of the stretch in metres (its own line). */
  readonly metres: number;
}

export interface DigiroadLimitRows {
  readonly layer: DigiroadLimitLayer;
  readonly rows: DigiroadLimitRow[];
  readonly rejects: DigiroadReject[];
  /** Features read: rows.length + rejects.length. */
  readonly read: number;
}

/** Column names as Digiroad writes them (upper case in its shapefiles, lower case in its GeoPackage). */
const limitColumns = {
  linkId: ['LINK_ID', 'link_id'],
  value: ['ARVO', 'arvo'],
  direction: ['VAIK_SUUNT', 'vaik_suunt'],
} as const;

export const lineMetres = (lines: readonly Float64Array[]): number => {
  let metres = 0;
  for (const xy of lines) {
    for (let i = 2; i < xy.length; i += 2) {
      metres += Math.hypot(
        (xy[i] as number) - (xy[i - 2] as number),
        (xy[i + 1] as number) - (xy[i - 1] as number),
      );
    }
  }
  return metres;
};

/** The highest limit taken as a limit; anything above is not a Finnish speed limit (120 km/h at most). */
const highestLimit = 200;

/**
 * Checks every row of a speed-limit layer: each is a stretch with its link, its limit and the direction
 * it binds, or a reject with its feature number, column and reason. A layer without VAIK_SUUNT binds
 * both ways (the column is then not published, not left empty); an empty VAIK_SUUNT is a reject.
 */
export const digiroadLimitRows = (
  features: readonly GeoPackageFeature[],
  layer: DigiroadLimitLayer,
): DigiroadLimitRows => {
  const rows: DigiroadLimitRow[] = [];
  const rejects: DigiroadReject[] = [];
  for (const feature of features) {
    const p = feature.properties;
    const reject = (column: string, why: RejectReason) =>
      rejects.push({ layer, line: feature.fid, column, reason: why });
    const id = pick(p, limitColumns.linkId);
    if (!id || id.value === null || String(id.value).trim() === '') {
      reject(id?.column ?? 'LINK_ID', reason('missingValue'));
      continue;
    }
    const value = pick(p, limitColumns.value);
    const kmh = value ? wholeNumber(value.value) : undefined;
    if (kmh === undefined || Number.isNaN(kmh) || kmh <= 0 || kmh > highestLimit) {
      reject(
        value?.column ?? 'ARVO',
        kmh === undefined
          ? reason('missingValue')
          : Number.isNaN(kmh)
            ? reason('notWholeNumber')
            : kmh <= 0
              ? reason('moreThan', { min: 0 })
              : reason('atMost', { max: highestLimit }),
      );
      continue;
    }
    const side = pick(p, limitColumns.direction);
    const direction = side ? wholeNumber(side.value) : 1;
    if (direction !== 1 && direction !== 2 && direction !== 3) {
      reject(
        side?.column ?? 'VAIK_SUUNT',
        direction === undefined ? reason('missingValue') : reason('unknownValue', { expected: '1, 2, 3' }),
      );
      continue;
    }
    const metres = feature.lines ? lineMetres(feature.lines) : Number.NaN;
    if (!feature.lines || feature.lines.some((l) => l.length < 4) || !(metres > 0)) {
      reject('geometry', reason('notExpectedForm'));
      continue;
    }
    rows.push({ line: feature.fid, linkId: String(id.value).trim(), kmh, direction, metres });
  }
  return { layer, rows, rejects, read: features.length };
};

/** Σ length / Σ (length / limit) over the rows binding traffic in a direction (2 along, 3 against). */
const weighted = (rows: readonly DigiroadLimitRow[], direction: 2 | 3, cap = Number.POSITIVE_INFINITY) => {
  let metres = 0;
  let hours = 0;
  const limits = new Set<number>();
  for (const row of rows) {
    if (row.direction !== 1 && row.direction !== direction) continue;
    const kmh = Math.min(row.kmh, cap);
    metres += row.metres;
    hours += row.metres / kmh;
    limits.add(kmh);
  }
  if (!(metres > 0)) return undefined;
  // One limit all along is that limit exactly, not the same figure through rounding.
  return { metres, kmh: limits.size === 1 ? ([...limits][0] as number) : metres / hours };
};

/** The directions traffic takes on a link: 2 along the drawn direction, 3 against it. */
const travelled = (link: DigiroadLink): (2 | 3)[] =>
  link.oneway === 0 ? [2, 3] : link.oneway === 1 ? [2] : [3];

/**
 * Joins the limit layers' rows to the links by LINK_ID and gives each link the limits it has:
 *
 * - Summer: the length-weighted limit of the rows that bind the way traffic goes. The network keeps one
 *   limit a link, so a two-way link whose directions differ takes the lower of the two.
 * - Winter: the winter rows' stretches at their winter limit and the rest of the link at its summer
 *   limit, as one speed over the link's whole length; a winter stretch is never faster than the summer
 *   limit, and a link with no winter row keeps 0 (its summer limit holds all year).
 *
 * Links with no row keep what the link itself says (0: the class speed). A row for a link the file
 * does not hold as an accepted link is a reject, so rows in = accepted + rejected for every layer.
 */
export const applyDigiroadLimits = (
  links: readonly DigiroadLink[],
  layers: { speed?: DigiroadLimitRows; winter?: DigiroadLimitRows },
): { links: DigiroadLink[]; rejects: DigiroadReject[]; report: DigiroadLimitReport } => {
  const known = new Set(links.map((l) => l.linkId));
  const rejects: DigiroadReject[] = [];
  const reportLayers: DigiroadLimitReport['layers'] = [];
  const byLink = (table: DigiroadLimitRows | undefined) => {
    const grouped = new Map<string, DigiroadLimitRow[]>();
    if (!table) return grouped;
    rejects.push(...table.rejects);
    let accepted = 0;
    for (const row of table.rows) {
      if (!known.has(row.linkId)) {
        rejects.push({
          layer: table.layer,
          line: row.line,
          column: 'LINK_ID',
          reason: reason('unknownLinkId', { linkId: row.linkId }),
        });
        continue;
      }
      accepted += 1;
      const list = grouped.get(row.linkId);
      if (list) list.push(row);
      else grouped.set(row.linkId, [row]);
    }
    reportLayers.push({
      layer: table.layer,
      read: table.read,
      accepted,
      rejected: table.rejects.length + (table.rows.length - accepted),
    });
    return grouped;
  };
  const speedRows = byLink(layers.speed);
  const winterRows = byLink(layers.winter);
  let linksWithLayerLimit = 0;
  let linksWithDefault = 0;
  let linksWithWinterLimit = 0;
  const out = links.map((link) => {
    const directions = travelled(link);
    const summerRows = speedRows.get(link.linkId);
    let speedKmh = link.speedKmh;
    if (summerRows) {
      const perDirection = directions.map((d) => weighted(summerRows, d)?.kmh).filter((k) => k !== undefined);
      if (perDirection.length > 0) {
        speedKmh = Math.min(...perDirection);
        linksWithLayerLimit += 1;
      }
    }
    if (!(speedKmh > 0)) linksWithDefault += 1;
    const wRows = winterRows.get(link.linkId);
    let winterSpeedKmh = link.winterSpeedKmh;
    if (wRows) {
      const linkMetres = lineMetres(link.lines);
      const perDirection = directions
        .map((d) => {
          const stretch = weighted(wRows, d, speedKmh > 0 ? speedKmh : Number.POSITIVE_INFINITY);
          if (!stretch) return undefined;
          // Without a summer limit the rest of the link's speed is the class's, unknown here: the
          // winter stretches alone then give the link's winter limit (the graph caps it at the class).
          if (!(speedKmh > 0)) return stretch.kmh;
          const rest = Math.max(0, linkMetres - stretch.metres);
          const metres = stretch.metres + rest;
          return metres / (stretch.metres / stretch.kmh + rest / speedKmh);
        })
        .filter((k) => k !== undefined);
      if (perDirection.length > 0) {
        winterSpeedKmh = Math.min(...perDirection);
        linksWithWinterLimit += 1;
      }
    }
    return speedKmh === link.speedKmh && winterSpeedKmh === link.winterSpeedKmh
      ? link
      : { ...link, speedKmh, winterSpeedKmh };
  });
  return {
    links: out,
    rejects,
    report: { layers: reportLayers, linksWithLayerLimit, linksWithDefault, linksWithWinterLimit },
  };
};

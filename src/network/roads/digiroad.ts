import { extname } from 'node:path';
import {
  applyDigiroadLimits,
  type DigiroadLink,
  type DigiroadLinks,
  digiroadLimitRows,
  digiroadLinks,
  FileRefused,
  type GeoPackageFeature,
  readGeoPackageLayers,
  readShapefileRelease,
  reason,
} from '../../importers/index.js';
import { type RoadNetwork, RoadNetworkBuilder } from '../graph/road-network.js';

export type DigiroadFormat = 'digiroad-gpkg' | 'digiroad-shp';

/** By extension: a GeoPackage, else a shapefile (.shp, or the release's .zip). */
export const digiroadFormatOf = (path: string): DigiroadFormat | undefined => {
  const extension = extname(path).toLowerCase();
  return extension === '.gpkg'
    ? 'digiroad-gpkg'
    : extension === '.shp' || extension === '.zip'
      ? 'digiroad-shp'
      : undefined;
};

const lengthMetres = (xy: Float64Array): number => {
  let metres = 0;
  for (let i = 2; i < xy.length; i += 2) {
    metres += Math.hypot(
      (xy[i] as number) - (xy[i - 2] as number),
      (xy[i + 1] as number) - (xy[i - 1] as number),
    );
  }
  return metres;
};

/**
 * Digiroad links as a road network: links meet where their end points coincide to the centimetre, as
 * Digiroad draws its junctions; each part of a link is an edge whose length follows its vertices, and
 * keeps the link's id, winter limit and crossing time (EdgeLinks). Coordinates are EPSG:3067 already.
 */
export const digiroadNetwork = (links: readonly DigiroadLink[]): RoadNetwork => {
  const builder = new RoadNetworkBuilder();
  const nodes = new Map<string, number>();
  const nodeAt = (x: number, y: number): number => {
    const key = `${Math.round(x * 100)},${Math.round(y * 100)}`;
    let node = nodes.get(key);
    if (node === undefined) {
      node = builder.addNode(x, y);
      nodes.set(key, node);
    }
    return node;
  };
  const id: string[] = [];
  const winter: number[] = [];
  const crossing: number[] = [];
  for (const link of links) {
    for (const xy of link.lines) {
      const from = nodeAt(xy[0] as number, xy[1] as number);
      const to = nodeAt(xy[xy.length - 2] as number, xy[xy.length - 1] as number);
      const before = builder.edgeCount;
      builder.addEdge({
        from,
        to,
        lengthMetres: lengthMetres(xy),
        roadClass: link.roadClass,
        oneway: link.oneway,
        maxSpeedKmh: link.speedKmh,
      });
      if (builder.edgeCount === before) continue;
      id.push(link.linkId);
      winter.push(link.winterSpeedKmh);
      crossing.push(link.crossingSeconds);
    }
  }
  const network = builder.finish();
  return {
    ...network,
    links: { id, winterSpeedKmh: Float32Array.from(winter), crossingSeconds: Float64Array.from(crossing) },
  };
};

const linkTable = /^DR_LINKKI(_K)?$/i;
const speedTable = /^DR_NOPEUSRAJOITUS(_K)?$/i;
const winterTable = /^DR_TALVINOPEUSRAJOITUS(_K)?$/i;

interface ReleaseFeatures {
  links: readonly GeoPackageFeature[];
  speedLimits?: readonly GeoPackageFeature[];
  winterSpeedLimits?: readonly GeoPackageFeature[];
}

/**
 * The link layer of a GeoPackage (DR_LINKKI, or its first line layer when it has none of that name),
 * and its speed-limit layers when it has them; refused unless in EPSG:3067 as Digiroad publishes it.
 */
const geoPackageFeatures = async (path: string): Promise<ReleaseFeatures> => {
  const layers = await readGeoPackageLayers(path, (tables) => {
    const links = tables.find((t) => linkTable.test(t));
    return {
      links: links ?? tables[0],
      // Beside DR_LINKKI only: in any other file the first line layer is the links, nothing else.
      speed: links === undefined ? undefined : tables.find((t) => speedTable.test(t)),
      winter: links === undefined ? undefined : tables.find((t) => winterTable.test(t)),
    };
  });
  if (!layers.links) throw new FileRefused(reason('missingColumns', { columns: 'LINESTRING layer' }));
  for (const layer of [layers.links, layers.speed, layers.winter]) {
    if (layer && layer.srsId !== 3067) {
      throw new FileRefused(
        reason('coordinateSystem', {
          found: `EPSG:${layer.srsId} (${layer.table})`,
          expected: 'EPSG:3067 (ETRS-TM35FIN)',
        }),
      );
    }
  }
  return {
    links: layers.links.features,
    ...(layers.speed && { speedLimits: layers.speed.features }),
    ...(layers.winter && { winterSpeedLimits: layers.winter.features }),
  };
};

/**
 * Checks a release's links, and joins the speed-limit layers to them when it has them (applyDigiroadLimits
 * in importers/digiroad/limits.ts); the rejects of every layer come back together, each layer's rows
 * read = accepted + rejected.
 */
export const digiroadReleaseLinks = (release: ReleaseFeatures): DigiroadLinks => {
  const checked = digiroadLinks(release.links);
  if (!release.speedLimits && !release.winterSpeedLimits) return checked;
  const joined = applyDigiroadLimits(checked.links, {
    ...(release.speedLimits && { speed: digiroadLimitRows(release.speedLimits, 'DR_NOPEUSRAJOITUS') }),
    ...(release.winterSpeedLimits && {
      winter: digiroadLimitRows(release.winterSpeedLimits, 'DR_TALVINOPEUSRAJOITUS'),
    }),
  });
  return {
    links: joined.links,
    rejects: [...checked.rejects, ...joined.rejects],
    read: checked.read,
    limits: joined.report,
  };
};

/** Reads Digiroad's GeoPackage or shapefile release into checked links and the network they make. */
export const readDigiroadFile = async (
  path: string,
  format: DigiroadFormat,
): Promise<{ network: RoadNetwork; links: DigiroadLinks }> => {
  const release =
    format === 'digiroad-gpkg' ? await geoPackageFeatures(path) : await readShapefileRelease(path);
  const links = digiroadReleaseLinks(release);
  return { network: digiroadNetwork(links.links), links };
};

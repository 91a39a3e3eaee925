import { extname } from 'node:path';
import {
  type DigiroadLink,
  type DigiroadLinks,
  digiroadLinks,
  FileRefused,
  readGeoPackageLines,
  readShapefileSource,
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

/** The link layer of a GeoPackage, refused unless in EPSG:3067 as Digiroad publishes it. */
const geoPackageFeatures = async (path: string) => {
  const layer = await readGeoPackageLines(path);
  if (layer.srsId !== 3067) {
    throw new FileRefused(
      reason('coordinateSystem', { found: `EPSG:${layer.srsId}`, expected: 'EPSG:3067 (ETRS-TM35FIN)' }),
    );
  }
  return layer.features;
};

/** Reads Digiroad's GeoPackage or shapefile release into checked links and the network they make. */
export const readDigiroadFile = async (
  path: string,
  format: DigiroadFormat,
): Promise<{ network: RoadNetwork; links: DigiroadLinks }> => {
  const features =
    format === 'digiroad-gpkg' ? await geoPackageFeatures(path) : await readShapefileSource(path);
  const links = digiroadLinks(features);
  return { network: digiroadNetwork(links.links), links };
};

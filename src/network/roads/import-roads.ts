import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DigiroadLinks, DigiroadReject } from '../../importers/index.js';
import {
  fragmentedBelowShare,
  type RoadComponents,
  type RoadCoverage,
  type RoadImportReport,
  type RoadNetworkSummary,
  type RoadSpeeds,
  SoteatlasError,
  TravelProfile,
  toEtrsTm35fin,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildRoadGraph } from '../graph/road-graph.js';
import type { RoadNetwork } from '../graph/road-network.js';
import { hierarchyOf } from '../matrix/pool.js';
import { roadComponents } from './components.js';
import { coverageOf, outsideCountyReason, readCountyExtent } from './coverage.js';
import { digiroadFormatOf, readDigiroadFile } from './digiroad.js';
import { readGeoJsonLines } from './geojson-lines.js';
import { saveHierarchy } from './hierarchy-store.js';
import { type OsmReadOptions, readOsmPbf } from './osm-pbf.js';
import { readOsmXml } from './osm-xml.js';
import { readRoadNetwork, saveRoadNetwork } from './road-store.js';
import { loadRoadSpeeds } from './speeds.js';
import { WayNetworkCollector } from './way-network.js';

export type RoadFileFormat = RoadNetworkSummary['format'];

/**
 * By extension (.gpkg, .shp and .zip are Digiroad's releases), else by the first byte: '<' XML,
 * '{' GeoJSON, anything else PBF.
 */
export const detectRoadFormat = async (path: string): Promise<RoadFileFormat> => {
  const digiroad = digiroadFormatOf(path);
  if (digiroad) return digiroad;
  const extension = extname(path).toLowerCase();
  if (extension === '.pbf') return 'osm-pbf';
  if (extension === '.osm' || extension === '.xml') return 'osm-xml';
  if (extension === '.geojson' || extension === '.json') return 'geojson';
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await file.read(head, 0, 64, 0);
    const text = new TextDecoder().decode(head.subarray(0, bytesRead)).trimStart();
    return text.startsWith('<') ? 'osm-xml' : text.startsWith('{') ? 'geojson' : 'osm-pbf';
  } finally {
    await file.close();
  }
};

/** Every highway class some profile travels on. */
export const keptClasses = (speeds: RoadSpeeds): Set<string> =>
  new Set([...Object.keys(speeds.car), ...speeds.walk.classes, ...(speeds.bike?.classes ?? [])]);

/**
 * Reads a road file (OSM PBF, OSM XML, GeoJSON lines, or Digiroad's GeoPackage or shapefile release)
 * into a road network in EPSG:3067; Digiroad's checked links come with it, their rejects named.
 */
export const readRoadFile = async (
  path: string,
  options: OsmReadOptions & { format?: RoadFileFormat; speeds?: RoadSpeeds } = {},
): Promise<{ network: RoadNetwork; format: RoadFileFormat; links?: DigiroadLinks }> => {
  const format = options.format ?? (await detectRoadFormat(path));
  if (format === 'digiroad-gpkg' || format === 'digiroad-shp') {
    return { ...(await readDigiroadFile(path, format)), format };
  }
  const collector = new WayNetworkCollector(keptClasses(options.speeds ?? loadRoadSpeeds()));
  if (format === 'geojson') {
    const { project } = await readGeoJsonLines(path, collector);
    return { network: collector.finish(project), format };
  }
  const read = format === 'osm-pbf' ? readOsmPbf : readOsmXml;
  await read(path, collector, options);
  return { network: collector.finish((lon, lat) => toEtrsTm35fin(lon, lat)), format };
};

/** A road file refused before anything was stored; `reason` says why and what to do. */
export class RoadImportRefused extends SoteatlasError {
  override name = 'RoadImportRefused';
  constructor(
    readonly reason: string,
    readonly coverage: RoadCoverage,
  ) {
    super('invalidDataset', reason, {
      details: {
        nodesInCountyBox: coverage.nodesInCountyBox,
        populatedCells: coverage.populatedCells,
        populatedCellsNearRoad: coverage.populatedCellsNearRoad,
      },
    });
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Warnings of a fragmented network: below 90 % of its nodes or kilometres in one piece. */
export const fragmentationWarnings = (components: RoadComponents): string[] =>
  components.count > 1 &&
  (components.largestNodeShare < fragmentedBelowShare || components.largestLengthShare < fragmentedBelowShare)
    ? [
        `the network is in ${components.count} unconnected pieces; the largest holds ${percent(components.largestNodeShare)} of the nodes and ${percent(components.largestLengthShare)} of the kilometres. Points are snapped to the largest piece only: check that the extract is whole (not cut at a border, ferries and bridges included)`,
      ]
    : [];

/**
 * Reads a road file and stores it under a name (default: the file's name). A re-import under a name
 * makes the next revision of that network; the first network stored becomes the active one (unless it
 * reaches none of the county). A network
 * that reaches none of the county's areas is refused, storing nothing, unless `force`.
 */
export const importRoads = async (
  store: Store,
  path: string,
  options: OsmReadOptions & {
    name?: string;
    format?: RoadFileFormat;
    speeds?: RoadSpeeds;
    /** Store the network even when it reaches none of the county's areas. */
    force?: boolean;
    /**
     * Build and store each profile's contraction hierarchy now (default), so that the first matrix
     * does not wait for it; a national network takes minutes.
     */
    hierarchies?: boolean;
    onHierarchy?: (done: number, total: number) => void;
    /** A Digiroad file's rejected features, told before anything is stored (or the file refused). */
    onRejects?: (rejects: readonly DigiroadReject[]) => void | Promise<void>;
  } = {},
): Promise<RoadImportReport> => {
  const { network, format, links } = await readRoadFile(path, options);
  if (links) await options.onRejects?.(links.rejects);
  if (network.edgeFrom.length === 0) throw new Error(`no roads found in ${basename(path)}`);
  if (options.signal?.aborted) {
    const error = new Error('the road import was cancelled');
    error.name = 'AbortError';
    throw error;
  }
  const speeds = options.speeds ?? loadRoadSpeeds();
  const coverage = coverageOf(network, await readCountyExtent(store), speeds.maxSnapMetres);
  const outside = outsideCountyReason(coverage);
  if (outside && !options.force) {
    throw new RoadImportRefused(
      `${basename(path)} was not imported: ${outside}. Import it with --force to keep it anyway; it will not become the active network unless chosen with "soteatlas network use".`,
      coverage,
    );
  }
  const components = roadComponents(network);
  const summary = await saveRoadNetwork(store, network, {
    name: options.name ?? basename(path).replace(/\.(osm\.pbf|pbf|osm|xml|geojson|json|gpkg|shp|zip)$/i, ''),
    sourceFile: path,
    format,
    components,
    // Kept on request, but never chosen for the county without the user saying so.
    mayBecomeActive: outside === undefined,
  });
  if (options.hierarchies !== false) {
    // From the network as stored, whose edge order is the one later reads see.
    const stored = await readRoadNetwork(store, summary.name);
    for (const profile of TravelProfile.options) {
      const graph = buildRoadGraph(stored, speeds, profile);
      const hierarchy = await hierarchyOf(graph, { signal: options.signal, onProgress: options.onHierarchy });
      await saveHierarchy(store, graph.version, hierarchy);
    }
  }
  const warnings = [...fragmentationWarnings(components)];
  if (outside) warnings.push(`stored although ${outside} (--force)`);
  return {
    ...summary,
    coverage,
    warnings,
    ...(links && {
      links: {
        read: links.read,
        accepted: links.links.length,
        rejected: links.rejects.filter((r) => r.layer === undefined).length,
      },
    }),
    ...(links?.limits && { speedLimits: links.limits }),
  };
};

import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type RoadNetworkSummary, type RoadSpeeds, TravelProfile, toEtrsTm35fin } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { buildRoadGraph } from '../graph/road-graph.js';
import type { RoadNetwork } from '../graph/road-network.js';
import { hierarchyOf } from '../matrix/pool.js';
import { readGeoJsonLines } from './geojson-lines.js';
import { saveHierarchy } from './hierarchy-store.js';
import { type OsmReadOptions, readOsmPbf } from './osm-pbf.js';
import { readOsmXml } from './osm-xml.js';
import { readRoadNetwork, saveRoadNetwork } from './road-store.js';
import { loadRoadSpeeds } from './speeds.js';
import { WayNetworkCollector } from './way-network.js';

export type RoadFileFormat = RoadNetworkSummary['format'];

/** By extension, else by the first byte: '<' XML, '{' GeoJSON, anything else PBF. */
export const detectRoadFormat = async (path: string): Promise<RoadFileFormat> => {
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
  new Set([...Object.keys(speeds.car), ...speeds.walk.classes]);

/** Reads a road file (OSM PBF, OSM XML or GeoJSON lines) into a road network in EPSG:3067. */
export const readRoadFile = async (
  path: string,
  options: OsmReadOptions & { format?: RoadFileFormat; speeds?: RoadSpeeds } = {},
): Promise<{ network: RoadNetwork; format: RoadFileFormat }> => {
  const format = options.format ?? (await detectRoadFormat(path));
  const collector = new WayNetworkCollector(keptClasses(options.speeds ?? loadRoadSpeeds()));
  if (format === 'geojson') {
    const { project } = await readGeoJsonLines(path, collector);
    return { network: collector.finish(project), format };
  }
  const read = format === 'osm-pbf' ? readOsmPbf : readOsmXml;
  await read(path, collector, options);
  return { network: collector.finish((lon, lat) => toEtrsTm35fin(lon, lat)), format };
};

/** Reads a road file and stores it under a name (default: the file's name), replacing a network of that name. */
export const importRoads = async (
  store: Store,
  path: string,
  options: OsmReadOptions & {
    name?: string;
    format?: RoadFileFormat;
    speeds?: RoadSpeeds;
    /**
     * Build and store each profile's contraction hierarchy now (default), so that the first matrix
     * does not wait for it; a national network takes minutes.
     */
    hierarchies?: boolean;
    onHierarchy?: (done: number, total: number) => void;
  } = {},
): Promise<RoadNetworkSummary> => {
  const { network, format } = await readRoadFile(path, options);
  if (network.edgeFrom.length === 0) throw new Error(`no roads found in ${basename(path)}`);
  if (options.signal?.aborted) {
    const error = new Error('the road import was cancelled');
    error.name = 'AbortError';
    throw error;
  }
  const speeds = options.speeds ?? loadRoadSpeeds();
  const summary = await saveRoadNetwork(store, network, {
    name: options.name ?? basename(path).replace(/\.(osm\.pbf|pbf|osm|xml|geojson|json)$/i, ''),
    sourceFile: path,
    format,
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
  return summary;
};

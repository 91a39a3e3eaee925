import { createHash } from 'node:crypto';
import type { RoadNetworkSummary } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { RoadNetwork } from '../graph/road-network.js';

/** Hash of nodes and edges: the stored network's version. */
export const networkVersion = (network: RoadNetwork): string => {
  const hash = createHash('sha256');
  for (const array of [
    network.nodeX,
    network.nodeY,
    network.edgeFrom,
    network.edgeTo,
    network.edgeLengthMetres,
    network.edgeClass,
    network.edgeOneway,
    network.edgeMaxSpeedKmh,
  ]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  hash.update(network.classNames.join(','));
  return hash.digest('hex').slice(0, 16);
};

export const networkLengthKm = (network: RoadNetwork): number =>
  network.edgeLengthMetres.reduce((sum, metres) => sum + metres, 0) / 1000;

/** Replaces the stored network of this name, in one transaction. */
export const saveRoadNetwork = async (
  store: Store,
  network: RoadNetwork,
  meta: { name: string; sourceFile: string; format: RoadNetworkSummary['format'] },
): Promise<RoadNetworkSummary> => {
  const summary: RoadNetworkSummary = {
    name: meta.name,
    sourceFile: meta.sourceFile,
    format: meta.format,
    nodeCount: network.nodeX.length,
    edgeCount: network.edgeFrom.length,
    lengthKm: networkLengthKm(network),
    version: networkVersion(network),
    importedAt: new Date().toISOString(),
  };
  await store.transaction(async () => {
    for (const table of ['road_nodes', 'road_edges']) {
      await store.run(`DELETE FROM ${table} WHERE network = $1`, [meta.name]);
    }
    await store.run('DELETE FROM road_networks WHERE name = $1', [meta.name]);
    const nodes = await store.connection.createAppender('road_nodes');
    for (let i = 0; i < network.nodeX.length; i++) {
      nodes.appendVarchar(meta.name);
      nodes.appendInteger(i);
      nodes.appendDouble(network.nodeX[i] as number);
      nodes.appendDouble(network.nodeY[i] as number);
      nodes.endRow();
    }
    nodes.closeSync();
    const edges = await store.connection.createAppender('road_edges');
    for (let e = 0; e < network.edgeFrom.length; e++) {
      edges.appendVarchar(meta.name);
      edges.appendInteger(network.edgeFrom[e] as number);
      edges.appendInteger(network.edgeTo[e] as number);
      edges.appendDouble(network.edgeLengthMetres[e] as number);
      edges.appendVarchar(network.classNames[network.edgeClass[e] as number] ?? '');
      edges.appendTinyInt(network.edgeOneway[e] as number);
      edges.appendDouble(network.edgeMaxSpeedKmh[e] as number);
      edges.endRow();
    }
    edges.closeSync();
    await store.run(`INSERT INTO road_networks VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMP)`, [
      summary.name,
      summary.sourceFile,
      summary.format,
      summary.nodeCount,
      summary.edgeCount,
      summary.lengthKm,
      summary.version,
      summary.importedAt.replace('T', ' ').replace('Z', ''),
    ]);
  });
  return summary;
};

export const listRoadNetworks = async (store: Store): Promise<RoadNetworkSummary[]> =>
  (
    await store.all<{
      name: string;
      source_file: string;
      format: RoadNetworkSummary['format'];
      node_count: number;
      edge_count: number;
      length_km: number;
      version: string;
      imported_at: string;
    }>('SELECT * FROM road_networks ORDER BY imported_at DESC, name')
  ).map((row) => ({
    name: row.name,
    sourceFile: row.source_file,
    format: row.format,
    nodeCount: row.node_count,
    edgeCount: row.edge_count,
    lengthKm: row.length_km,
    version: row.version,
    importedAt: row.imported_at,
  }));

/**
 * Reads one stored network column by column (a million edges would be slow as row objects), edges in
 * a fixed order so that the graphs built from it, and their versions, are the same on every read.
 */
export const readRoadNetwork = async (store: Store, name: string): Promise<RoadNetwork> => {
  const nodes = (
    await store.connection.runAndReadAll('SELECT x, y FROM road_nodes WHERE network = $1 ORDER BY node', [
      name,
    ])
  ).getColumnsJS() as number[][];
  const edges = (
    await store.connection.runAndReadAll(
      `SELECT from_node, to_node, length_m, road_class, oneway, max_speed_kmh
       FROM road_edges WHERE network = $1
       ORDER BY from_node, to_node, length_m, road_class, oneway, max_speed_kmh`,
      [name],
    )
  ).getColumnsJS() as unknown[][];
  const classNames: string[] = [];
  const classIndex = new Map<string, number>();
  const classes = (edges[3] ?? []) as string[];
  const edgeClass = Uint8Array.from(classes, (name) => {
    let i = classIndex.get(name);
    if (i === undefined) {
      i = classNames.push(name) - 1;
      classIndex.set(name, i);
    }
    return i;
  });
  return {
    nodeX: Float64Array.from(nodes[0] ?? []),
    nodeY: Float64Array.from(nodes[1] ?? []),
    edgeFrom: Uint32Array.from((edges[0] ?? []) as number[]),
    edgeTo: Uint32Array.from((edges[1] ?? []) as number[]),
    edgeLengthMetres: Float64Array.from((edges[2] ?? []) as number[]),
    edgeClass,
    edgeOneway: Int8Array.from((edges[4] ?? []) as number[]),
    edgeMaxSpeedKmh: Float32Array.from((edges[5] ?? []) as number[]),
    classNames,
  };
};

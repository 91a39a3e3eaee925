import { createHash } from 'node:crypto';
import { type RoadComponents, type RoadNetworkSummary, SoteatlasError } from '../../model/index.js';
import type { CountyQueries } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import type { RoadNetwork } from '../graph/road-network.js';
import { linkIdentity } from './road-links.js';

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
  if (network.links) {
    const { id, winterSpeedKmh, crossingSeconds } = network.links;
    hash.update(id.join('\n'));
    for (const array of [winterSpeedKmh, crossingSeconds]) {
      hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
  }
  return hash.digest('hex').slice(0, 16);
};

export const networkLengthKm = (network: RoadNetwork): number =>
  network.edgeLengthMetres.reduce((sum, metres) => sum + metres, 0) / 1000;

const asTimestamp = (iso: string) => iso.replace('T', ' ').replace('Z', '');

/**
 * Stores a network under its name in one transaction. A network of the same name is replaced by the
 * next revision of it (its earlier imports stay listed in road_network_imports); the first network
 * stored becomes the active one.
 */
export const saveRoadNetwork = async (
  store: Store,
  network: RoadNetwork,
  meta: {
    name: string;
    sourceFile: string;
    format: RoadNetworkSummary['format'];
    components: RoadComponents;
    /** Whether it becomes the active network when there is none (default true). */
    mayBecomeActive?: boolean;
  },
): Promise<RoadNetworkSummary> => {
  const importedAt = new Date().toISOString();
  const version = networkVersion(network);
  return store.transaction(async () => {
    const [previous] = await store.all<{ revision: number }>(
      'SELECT coalesce(max(revision), 0)::INTEGER AS revision FROM road_network_imports WHERE name = $1',
      [meta.name],
    );
    const [stored] = await store.all<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM road_networks WHERE name = $1',
      [meta.name],
    );
    // A network stored before revisions were counted is revision 1.
    const revision = Math.max(previous?.revision ?? 0, stored?.n ?? 0) + 1;
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
      const links = network.links;
      if (links) {
        edges.appendVarchar(links.id[e] as string);
        edges.appendDouble(links.winterSpeedKmh[e] as number);
        edges.appendDouble(links.crossingSeconds[e] as number);
      } else {
        edges.appendNull();
        edges.appendNull();
        edges.appendNull();
      }
      edges.endRow();
    }
    edges.closeSync();
    const lengthKm = networkLengthKm(network);
    await store.run(
      `INSERT INTO road_networks (name, source_file, format, node_count, edge_count, length_km, version,
         imported_at, revision, component_count, largest_node_share, largest_length_share)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMP, $9, $10, $11, $12)`,
      [
        meta.name,
        meta.sourceFile,
        meta.format,
        network.nodeX.length,
        network.edgeFrom.length,
        lengthKm,
        version,
        asTimestamp(importedAt),
        revision,
        meta.components.count,
        meta.components.largestNodeShare,
        meta.components.largestLengthShare,
      ],
    );
    await store.run(`INSERT INTO road_network_imports VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMP)`, [
      meta.name,
      revision,
      version,
      meta.sourceFile,
      network.nodeX.length,
      network.edgeFrom.length,
      lengthKm,
      asTimestamp(importedAt),
    ]);
    const [active] = await store.all<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM road_network_active a JOIN road_networks r ON r.name = a.name',
    );
    if ((active?.n ?? 0) === 0 && meta.mayBecomeActive !== false) await setActive(store, meta.name);
    const [summary] = (await listRoadNetworks(store)).filter((n) => n.name === meta.name);
    return summary as RoadNetworkSummary;
  });
};

const setActive = async (store: Store, name: string): Promise<void> => {
  await store.run('DELETE FROM road_network_active');
  await store.run('INSERT INTO road_network_active VALUES ($1, current_timestamp::TIMESTAMP)', [name]);
};

/**
 * The stored networks, most recently imported first, the active one marked: the one the county chose
 * (`chosen`, kept in the state) while the store holds it, else the one its first import made active.
 */
export const listRoadNetworks = async (store: Store, chosen?: string): Promise<RoadNetworkSummary[]> => {
  const rows = await store.all<{
    name: string;
    source_file: string;
    format: RoadNetworkSummary['format'];
    node_count: number;
    edge_count: number;
    length_km: number;
    version: string;
    revision: number | null;
    imported_at: string;
    component_count: number | null;
    largest_node_share: number | null;
    largest_length_share: number | null;
    chosen: boolean;
  }>(
    `SELECT r.*, r.name IN (SELECT name FROM road_network_active) AS chosen
     FROM road_networks r ORDER BY r.imported_at DESC, r.name`,
  );
  // Stores from before the choice existed have none: their earliest network (stored without a
  // revision) is the active one, as it would have been had the rule applied from the start.
  const choice = rows.some((row) => row.name === chosen)
    ? chosen
    : rows.some((row) => row.chosen)
      ? rows.find((row) => row.chosen)?.name
      : rows.findLast((row) => row.revision === null)?.name;
  return rows.map((row) => ({
    name: row.name,
    sourceFile: row.source_file,
    format: row.format,
    nodeCount: row.node_count,
    edgeCount: row.edge_count,
    lengthKm: row.length_km,
    version: row.version,
    revision: row.revision ?? 1,
    importedAt: row.imported_at,
    components:
      row.component_count === null
        ? null
        : {
            count: row.component_count,
            largestNodeShare: row.largest_node_share ?? 0,
            largestLengthShare: row.largest_length_share ?? 0,
          },
    active: row.name === choice,
  }));
};

/** The road network the county chose, as the state keeps it; undefined when it has chosen none. */
export const chosenRoadNetwork = async (state: CountyQueries): Promise<string | undefined> =>
  (
    await state.all<{ name: string }>('SELECT name FROM state.road_network_choice WHERE county = $1', [
      state.county,
    ])
  )[0]?.name;

/**
 * The network travel times are computed on unless another is named (the county's choice, else the
 * one the first import made active); undefined when there is none.
 */
export const activeRoadNetwork = async (
  store: Store,
  state: CountyQueries,
): Promise<RoadNetworkSummary | undefined> =>
  (await listRoadNetworks(store, await chosenRoadNetwork(state))).find((n) => n.active);

/** The error for a network name the store does not hold, naming those it does. */
export const unknownRoadNetwork = (name: string, known: readonly string[]): SoteatlasError =>
  new SoteatlasError(
    'notFound',
    `There is no road network named "${name}"${known.length > 0 ? `; the store holds ${known.map((n) => `"${n}"`).join(', ')}` : '; the store holds none'}.`,
    { details: { network: name } },
  );

/** Makes the named network the active one, for the county: the choice is kept in the state. */
export const setActiveRoadNetwork = async (
  store: Store,
  state: CountyQueries,
  name: string,
): Promise<RoadNetworkSummary> => {
  const networks = await listRoadNetworks(store);
  if (!networks.some((n) => n.name === name)) {
    throw unknownRoadNetwork(
      name,
      networks.map((n) => n.name),
    );
  }
  await state.run(
    `INSERT INTO state.road_network_choice (county, name, set_at) VALUES ($1, $2, CAST($3 AS TIMESTAMP))
     ON CONFLICT (county) DO UPDATE SET name = excluded.name, set_at = excluded.set_at`,
    [state.county, name, new Date().toISOString()],
  );
  return (await listRoadNetworks(store, name)).find((n) => n.name === name) as RoadNetworkSummary;
};

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
      `SELECT from_node, to_node, length_m, road_class, oneway, max_speed_kmh, link_id,
         coalesce(winter_speed_kmh, 0) AS winter_speed_kmh, coalesce(crossing_s, 0) AS crossing_s
       FROM road_edges WHERE network = $1
       ORDER BY from_node, to_node, length_m, road_class, oneway, max_speed_kmh, link_id`,
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
  const linkIds = (edges[6] ?? []) as (string | null)[];
  const links =
    linkIds.length > 0 && linkIds.every((id) => id !== null)
      ? {
          id: linkIds as string[],
          winterSpeedKmh: Float32Array.from((edges[7] ?? []) as number[]),
          crossingSeconds: Float64Array.from((edges[8] ?? []) as number[]),
        }
      : undefined;
  return {
    ...(links && { links }),
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

/** A ferry link of a stored network: its length over all its parts, crossing time and middle, EPSG:3067. */
export interface StoredFerry {
  linkId: string;
  lengthMetres: number;
  /** 0 when the network gives no crossing time. */
  crossingSeconds: number;
  x: number;
  y: number;
}

/**
 * The ferry links of a stored network, by link id, and whether every edge has a link id at all (only
 * such a network, Digiroad's, can be computed in a variant).
 */
export const ferryLinks = async (
  store: Store,
  name: string,
): Promise<{ identifiedLinks: boolean; ferries: StoredFerry[] }> => {
  const { identifiedLinks } = await linkIdentity(store, name);
  if (!identifiedLinks) return { identifiedLinks, ferries: [] };
  const ferries = await store.all<StoredFerry>(
    `SELECT e.link_id AS "linkId", sum(e.length_m) AS "lengthMetres",
       max(coalesce(e.crossing_s, 0)) AS "crossingSeconds",
       avg((a.x + b.x) / 2) AS x, avg((a.y + b.y) / 2) AS y
     FROM road_edges e
     JOIN road_nodes a ON a.network = e.network AND a.node = e.from_node
     JOIN road_nodes b ON b.network = e.network AND b.node = e.to_node
     WHERE e.network = $1 AND e.road_class = 'ferry'
     GROUP BY e.link_id ORDER BY e.link_id`,
    [name],
  );
  return { identifiedLinks, ferries };
};

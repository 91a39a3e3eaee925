import { SoteatlasError } from '../../model/index.js';
import type { Store } from '../../store/index.js';

/** A link's edges as straight lines between their end nodes, EPSG:3067: [x1, y1, x2, y2] each. */
export interface StoredLinkShape {
  linkId: string;
  lengthMetres: number;
  lines: [number, number, number, number][];
}

/**
 * Farther than this from every link, a click on the map names no road: a link a few hundred metres away
 * is still the one meant at a county's zoom, one further is more likely a slip.
 */
export const nearestLinkLimitMetres = 500;

/**
 * Whether a stored network has edges at all and whether every edge has a link id (only such a network,
 * Digiroad's, can be computed in a variant).
 */
export const linkIdentity = async (
  store: Store,
  name: string,
): Promise<{ edges: number; identifiedLinks: boolean }> => {
  const [counts] = await store.all<{ edges: number; unidentified: number }>(
    `SELECT count(*)::INTEGER AS edges, count(*) FILTER (WHERE link_id IS NULL)::INTEGER AS unidentified
     FROM road_edges WHERE network = $1`,
    [name],
  );
  const edges = counts?.edges ?? 0;
  return { edges, identifiedLinks: edges > 0 && counts?.unidentified === 0 };
};

const requireIdentifiedLinks = async (store: Store, name: string): Promise<void> => {
  const { edges, identifiedLinks } = await linkIdentity(store, name);
  if (edges === 0)
    throw new SoteatlasError('notFound', `There is no road network named "${name}" with roads.`, {
      details: { network: name },
    });
  if (!identifiedLinks)
    throw new SoteatlasError(
      'invalidRequest',
      `The road network "${name}" has no link ids (OpenStreetMap), so no road of it can be closed by link.`,
      { details: { network: name } },
    );
};

// Every edge of the links named, with its end nodes; the caller appends the link ids' placeholders.
const edgesOfLinks = `SELECT e.link_id AS "linkId", e.length_m AS "lengthMetres",
    a.x AS ax, a.y AS ay, b.x AS bx, b.y AS by
  FROM road_edges e
  JOIN road_nodes a ON a.network = e.network AND a.node = e.from_node
  JOIN road_nodes b ON b.network = e.network AND b.node = e.to_node
  WHERE e.network = $1 AND e.link_id IN`;

interface EdgeRow {
  linkId: string;
  lengthMetres: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** Rows of edges grouped into links, in the order of their first edge. */
const shapesOf = (rows: EdgeRow[]): StoredLinkShape[] => {
  const links = new Map<string, StoredLinkShape>();
  for (const row of rows) {
    let link = links.get(row.linkId);
    if (!link) {
      link = { linkId: row.linkId, lengthMetres: 0, lines: [] };
      links.set(row.linkId, link);
    }
    link.lengthMetres += row.lengthMetres;
    link.lines.push([row.ax, row.ay, row.bx, row.by]);
  }
  return [...links.values()];
};

/** The ids a query binds at once, well below any database's limit of parameters. */
const idsPerQuery = 500;

/** The links of a network of identified links by id, those it holds; ids it does not hold are left out. */
export const linkShapes = async (
  store: Store,
  name: string,
  linkIds: readonly string[],
): Promise<StoredLinkShape[]> => {
  await requireIdentifiedLinks(store, name);
  const ids = [...new Set(linkIds)];
  const rows: EdgeRow[] = [];
  for (let start = 0; start < ids.length; start += idsPerQuery) {
    const chunk = ids.slice(start, start + idsPerQuery);
    const placeholders = chunk.map((_, i) => `$${i + 2}`).join(', ');
    rows.push(
      ...(await store.all<EdgeRow>(`${edgesOfLinks} (${placeholders}) ORDER BY e.link_id, e.from_node`, [
        name,
        ...chunk,
      ])),
    );
  }
  return shapesOf(rows).sort((a, b) => a.linkId.localeCompare(b.linkId));
};

/**
 * The link nearest a point (EPSG:3067) and its distance from it, measured to the nearest place on each
 * edge's straight line between its end nodes; undefined when none is within `limitMetres`. The database
 * keeps only the edges whose box comes within the limit, then measures those. Links as near to the
 * millimetre (two that meet where the point is nearest the network) go by id, the first one.
 */
export const nearestLink = async (
  store: Store,
  name: string,
  point: { x: number; y: number },
  limitMetres = nearestLinkLimitMetres,
): Promise<(StoredLinkShape & { distanceMetres: number }) | undefined> => {
  await requireIdentifiedLinks(store, name);
  const [nearest] = await store.all<{ linkId: string; distanceMetres: number }>(
    `WITH near AS (
       SELECT e.link_id, a.x AS ax, a.y AS ay, b.x - a.x AS dx, b.y - a.y AS dy
       FROM road_edges e
       JOIN road_nodes a ON a.network = e.network AND a.node = e.from_node
       JOIN road_nodes b ON b.network = e.network AND b.node = e.to_node
       WHERE e.network = $1
         AND least(a.x, b.x) <= $2 + $4 AND greatest(a.x, b.x) >= $2 - $4
         AND least(a.y, b.y) <= $3 + $4 AND greatest(a.y, b.y) >= $3 - $4
     ), along AS (
       SELECT link_id, ax, ay, dx, dy,
         CASE WHEN dx * dx + dy * dy = 0 THEN 0
           ELSE greatest(0, least(1, (($2 - ax) * dx + ($3 - ay) * dy) / (dx * dx + dy * dy))) END AS t
       FROM near
     )
     SELECT link_id AS "linkId",
       sqrt((ax + t * dx - $2) * (ax + t * dx - $2) + (ay + t * dy - $3) * (ay + t * dy - $3)) AS "distanceMetres"
     FROM along
     ORDER BY round("distanceMetres" * 1000), link_id
     LIMIT 1`,
    [name, point.x, point.y, limitMetres],
  );
  if (!nearest || nearest.distanceMetres > limitMetres) return undefined;
  const [shape] = await linkShapes(store, name, [nearest.linkId]);
  return shape && { ...shape, distanceMetres: nearest.distanceMetres };
};

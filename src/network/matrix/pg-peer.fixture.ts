import pg from 'pg';
import type { RoadGraph } from '../graph/road-graph.js';

/**
 * pgRouting as the peer our travel times are checked and timed against: the same arcs loaded into a
 * PostgreSQL table, and pgr_dijkstraCost asked for the same pairs. Used by a test and the benchmark.
 */
export const pgConnection = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' } as const;

/** A connected client with pgRouting, or the reason there is none. */
export const connectPgRouting = async (): Promise<{ client: pg.Client } | { reason: string }> => {
  const client = new pg.Client({ ...pgConnection, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE');
    return { client };
  } catch (error) {
    await client.end().catch(() => undefined);
    return { reason: error instanceof Error ? error.message : String(error) };
  }
};

/** Loads the graph's arcs as one directed edge each (reverse_cost −1), in batches of arrays. */
export const loadArcs = async (client: pg.Client, table: string, graph: RoadGraph): Promise<number> => {
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(
    `CREATE TABLE ${table} (id BIGINT, source BIGINT, target BIGINT, cost DOUBLE PRECISION, reverse_cost DOUBLE PRECISION)`,
  );
  const { offsets, heads, seconds } = graph.forward;
  const batch = 200_000;
  const arcCount = heads.length;
  let tail = 0;
  for (let start = 0; start < arcCount; start += batch) {
    const end = Math.min(start + batch, arcCount);
    const ids: number[] = [];
    const sources: number[] = [];
    const targets: number[] = [];
    const costs: number[] = [];
    for (let a = start; a < end; a++) {
      while ((offsets[tail + 1] as number) <= a) tail++;
      ids.push(a + 1);
      // pgRouting vertex ids are the graph's node indexes + 1.
      sources.push(tail + 1);
      targets.push((heads[a] as number) + 1);
      costs.push(seconds[a] as number);
    }
    await client.query(
      `INSERT INTO ${table} SELECT id, source, target, cost, -1 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[]) AS t(id, source, target, cost)`,
      [ids, sources, targets, costs],
    );
  }
  await client.query(`ANALYZE ${table}`);
  return arcCount;
};

/**
 * Network seconds from each source node to each target node, by pgr_dijkstraCost on the table (node
 * indexes as in the graph). `reversed` runs it over the reversed arcs from the targets instead: one
 * search per target, as we do when targets are fewer, which is pgRouting's fastest way to the same times.
 */
export const pgDijkstraCost = async (
  client: pg.Client,
  table: string,
  {
    sources,
    targets,
    reversed = false,
  }: { sources: readonly number[]; targets: readonly number[]; reversed?: boolean },
): Promise<Map<string, number>> => {
  const edges = reversed
    ? `SELECT id, target AS source, source AS target, cost, reverse_cost FROM ${table}`
    : `SELECT id, source, target, cost, reverse_cost FROM ${table}`;
  const from = reversed ? targets : sources;
  const to = reversed ? sources : targets;
  const result = await client.query<{ start_vid: string; end_vid: string; agg_cost: number }>(
    'SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost($1, $2::bigint[], $3::bigint[], directed => true)',
    [edges, from.map((v) => v + 1), to.map((v) => v + 1)],
  );
  const costs = new Map<string, number>();
  for (const row of result.rows) {
    const a = Number(row.start_vid) - 1;
    const b = Number(row.end_vid) - 1;
    costs.set(reversed ? `${b}>${a}` : `${a}>${b}`, row.agg_cost);
  }
  return costs;
};

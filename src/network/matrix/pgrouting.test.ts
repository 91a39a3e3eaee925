import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contractGraph } from '../graph/contraction.js';
import { buildRoadGraph } from '../graph/road-graph.js';
import { syntheticRoadNetwork } from '../graph/synthetic.js';
import { loadRoadSpeeds } from '../roads/speeds.js';
import { computeTravelTimeMatrix } from './compute.js';
import { connectPgRouting, loadArcs, pgDijkstraCost } from './pg-peer.fixture.js';

const table = `soteatlas_test_arcs_${process.pid}`;
const connection = await connectPgRouting();
const client: pg.Client | undefined = 'client' in connection ? connection.client : undefined;
if (!client) {
  console.warn(
    `pgRouting comparison skipped: PostgreSQL with pgRouting is not reachable (${'reason' in connection ? connection.reason : ''})`,
  );
}
afterAll(async () => {
  if (client) {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  }
});

describe.skipIf(!client)('travel times against pgRouting', () => {
  it('equal pgr_dijkstraCost for every pair, with plain Dijkstra and with the contraction hierarchy', async () => {
    if (!client) return;
    // 30 × 30 junctions with road classes, some one-way streets made by dropping one direction.
    const network = syntheticRoadNetwork({ columns: 30, rows: 30, seed: 7 });
    for (let e = 0; e < network.edgeOneway.length; e += 9) network.edgeOneway[e] = e % 2 === 0 ? 1 : -1;
    // Points lie on nodes; a crawling access speed keeps the straight-line shortcut for near pairs out of
    // the comparison, leaving network times only.
    const speeds = loadRoadSpeeds();
    const graph = buildRoadGraph(
      network,
      { ...speeds, accessSpeedKmh: { car: 0.001, walk: 0.001, bike: 0.001 } },
      'car',
    );
    await loadArcs(client, table, graph);
    const snappable = Array.from({ length: graph.nodeCount }, (_, v) => v).filter((v) => graph.snappable[v]);
    const sources = snappable.filter((_, i) => i % 23 === 0);
    const targets = snappable.filter((_, i) => i % 37 === 5);
    const peer = await pgDijkstraCost(client, table, { sources, targets });
    const peerReversed = await pgDijkstraCost(client, table, { sources, targets, reversed: true });
    const at = (v: number) => ({ x: graph.x[v] as number, y: graph.y[v] as number });
    const hierarchy = contractGraph(graph.forward);
    for (const matrix of [
      computeTravelTimeMatrix(graph, sources.map(at), targets.map(at)),
      computeTravelTimeMatrix(graph, sources.map(at), targets.map(at), { hierarchy }),
    ]) {
      let compared = 0;
      sources.forEach((s, i) => {
        targets.forEach((t, j) => {
          const ours = (matrix.minutes[i * targets.length + j] as number) * 60;
          // pgRouting leaves out a node's pair with itself.
          const theirs = s === t ? 0 : peer.get(`${s}>${t}`);
          expect(theirs).toBeDefined();
          expect(peerReversed.get(`${s}>${t}`) ?? 0).toBeCloseTo(theirs ?? 0, 6);
          // Float32 minutes: equal to a few milliseconds.
          expect(Math.abs(ours - (theirs ?? 0))).toBeLessThan(0.01);
          compared++;
        });
      });
      expect(compared).toBe(sources.length * targets.length);
    }
  });
});

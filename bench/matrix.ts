/**
 * Travel-time matrix: a synthetic road network of about a million edges (a jittered 710 × 710 grid of
 * junctions with trunk, primary, secondary and residential roads), 10 000 origins × 300 destinations on
 * its nodes. Ours: the contraction hierarchy (built once per network version, timed apart) and the
 * matrix from it in worker threads. The peer, in the same run: pgRouting's pgr_dijkstraCost on the same
 * arcs in PostgreSQL, given its best formulation (one search per destination over reversed arcs); it is
 * timed on a few destinations and extrapolated unless --pg-full. Times are compared on those pairs.
 * Usage: tsx bench/matrix.ts [--columns 710] [--origins 10000] [--destinations 300] [--threads 2]
 *        [--pg-destinations 10] [--pg-full]
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  buildRoadGraph,
  clearTravelTimeCache,
  computeTravelTimeMatrix,
  loadRoadSpeeds,
  syntheticRoadNetwork,
  travelTimeMatrix,
} from '../src/network/index.js';
import { connectPgRouting, loadArcs, pgDijkstraCost } from '../src/network/testing.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('matrix');
const columns = numberFlag('columns', flags.columns, 710);
const originCount = numberFlag('origins', flags.origins, 10_000);
const destinationCount = numberFlag('destinations', flags.destinations, 300);
const threads = numberFlag('threads', flags.threads, 2);
const pgFull = flags['pg-full'] === true;
const pgDestinations = pgFull
  ? destinationCount
  : Math.min(numberFlag('pg-destinations', flags['pg-destinations'], 10), destinationCount);

const seconds = (start: number) => (performance.now() - start) / 1000;
const log = (text: string) => process.stderr.write(`${text}\n`);

let start = performance.now();
const network = syntheticRoadNetwork({ columns, rows: columns, seed: 1 });
// Points lie on nodes; a crawling access speed keeps straight-line shortcuts out, so both sides compute
// the same network times.
const speeds = loadRoadSpeeds();
const graph = buildRoadGraph(
  network,
  { ...speeds, accessSpeedKmh: { car: 0.001, walk: 0.001, bike: 0.001 } },
  'car',
);
const buildSeconds = seconds(start);
log(
  `network: ${graph.nodeCount} nodes, ${network.edgeFrom.length} edges, ${graph.forward.heads.length} arcs`,
);

// Deterministic picks among the main component's nodes.
const snappable = Array.from({ length: graph.nodeCount }, (_, v) => v).filter((v) => graph.snappable[v]);
const pick = (count: number, salt: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      snappable[
        Math.floor((((i * 2654435761 + salt * 40503) % 2 ** 32) / 2 ** 32) * snappable.length)
      ] as number,
  );
const originNodes = pick(originCount, 1);
const destinationNodes = pick(destinationCount, 2);
const at = (v: number) => ({ x: graph.x[v] as number, y: graph.y[v] as number });
const origins = originNodes.map(at);
const destinations = destinationNodes.map(at);

// Plain Dijkstra for scale: a few destinations in this thread.
const dijkstraSample = Math.min(6, destinationCount);
start = performance.now();
computeTravelTimeMatrix(graph, origins, destinations.slice(0, dijkstraSample));
const dijkstraSeconds = (seconds(start) / dijkstraSample) * destinationCount;

log('building the contraction hierarchy and the first matrix …');
start = performance.now();
let contractedAt = 0;
await travelTimeMatrix(graph, origins, destinations, {
  threads,
  method: 'hierarchy',
  onProgress: (done, total, phase) => {
    if (phase === 'searching' && contractedAt === 0) contractedAt = performance.now();
    if (phase === 'contracting' && done === total) contractedAt = performance.now();
  },
});
const firstSeconds = seconds(start);
const contractionSeconds = (contractedAt - start) / 1000;
clearTravelTimeCache();
start = performance.now();
const ours = await travelTimeMatrix(graph, origins, destinations, { threads });
const matrixSeconds = seconds(start);
clearTravelTimeCache();
start = performance.now();
await travelTimeMatrix(graph, origins, destinations, { threads: 1 });
const oneThreadSeconds = seconds(start);

// Without a hierarchy: one search per destination over reversed arcs, shared by the worker threads.
log('plain Dijkstra matrix in worker threads …');
clearTravelTimeCache();
start = performance.now();
const byDijkstra = await travelTimeMatrix(graph, origins, destinations, { threads, method: 'dijkstra' });
const dijkstraWorkersSeconds = seconds(start);
let methodsDifference = 0;
for (let i = 0; i < ours.minutes.length; i++) {
  const a = ours.minutes[i] as number;
  const b = byDijkstra.minutes[i] as number;
  methodsDifference = Math.max(methodsDifference, a === b ? 0 : Math.abs(a - b) * 60);
}

let pgLoadSeconds = Number.NaN;
let pgSeconds = Number.NaN;
let pgNote = '';
let maxDifference = Number.NaN;
let comparedPairs = 0;
const peer = await connectPgRouting();
if ('client' in peer) {
  const { client } = peer;
  const table = `soteatlas_bench_arcs_${process.pid}`;
  try {
    log('loading the arcs into PostgreSQL …');
    start = performance.now();
    await loadArcs(client, table, graph);
    pgLoadSeconds = seconds(start);
    const timed = async (count: number) => {
      log(`pgr_dijkstraCost: ${originCount} origins × ${count} destinations …`);
      const t = performance.now();
      const costs = await pgDijkstraCost(client, table, {
        sources: originNodes,
        targets: destinationNodes.slice(0, count),
        reversed: true,
      });
      return { costs, seconds: seconds(t) };
    };
    const full = await timed(pgDestinations);
    if (pgDestinations >= destinationCount) {
      pgSeconds = full.seconds;
      pgNote = 'measured';
    } else {
      // Fixed cost (reading the edges) plus a cost per destination, from two runs of different size.
      const half = await timed(Math.max(1, Math.floor(pgDestinations / 2)));
      const perDestination =
        (full.seconds - half.seconds) / (pgDestinations - Math.max(1, Math.floor(pgDestinations / 2)));
      pgSeconds = full.seconds + Math.max(perDestination, 0) * (destinationCount - pgDestinations);
      pgNote = `extrapolated from ${pgDestinations} destinations`;
    }
    maxDifference = 0;
    originNodes.forEach((o, i) => {
      destinationNodes.slice(0, pgDestinations).forEach((d, j) => {
        const theirs = o === d ? 0 : full.costs.get(`${o}>${d}`);
        const mine = (ours.minutes[i * destinationCount + j] as number) * 60;
        maxDifference = Math.max(
          maxDifference,
          theirs === undefined ? Number.POSITIVE_INFINITY : Math.abs(theirs - mine),
        );
        comparedPairs++;
      });
    });
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  }
} else {
  pgNote = `not run: ${peer.reason}`;
}

const row = (what: string, value: string) => console.log(`| ${what.padEnd(64)} | ${value.padStart(28)} |`);
const s = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} s` : '–');
console.log(
  `\nTravel-time matrix, ${originCount.toLocaleString('en')} origins × ${destinationCount} destinations`,
);
console.log(
  `network: ${graph.nodeCount.toLocaleString('en')} nodes, ${network.edgeFrom.length.toLocaleString('en')} edges (${graph.forward.heads.length.toLocaleString('en')} directed arcs)\n`,
);
row('', 'seconds');
console.log(`|${'-'.repeat(66)}|${'-'.repeat(30)}|`);
row('graph build (CSR, both directions, main component)', s(buildSeconds));
row('contraction hierarchy, once per network version', s(contractionSeconds));
row(`first matrix incl. hierarchy (${threads} worker threads)`, s(firstSeconds));
row(`matrix, hierarchy cached (${threads} worker threads)`, s(matrixSeconds));
row('matrix, hierarchy cached (1 worker thread)', s(oneThreadSeconds));
row(`matrix, plain Dijkstra per destination (${threads} worker threads)`, s(dijkstraWorkersSeconds));
row(`plain Dijkstra per destination (extrapolated from ${dijkstraSample}, 1 thread)`, s(dijkstraSeconds));
row('pgRouting: load arcs into PostgreSQL', s(pgLoadSeconds));
row(`pgRouting pgr_dijkstraCost (${pgNote})`, s(pgSeconds));
row(
  'pgRouting ÷ ours (matrix, hierarchy cached)',
  Number.isFinite(pgSeconds) ? `${(pgSeconds / matrixSeconds).toFixed(1)} ×` : '–',
);
row(
  'pgRouting ÷ ours (first matrix incl. hierarchy)',
  Number.isFinite(pgSeconds) ? `${(pgSeconds / firstSeconds).toFixed(1)} ×` : '–',
);
row(
  'pgRouting ÷ ours (plain Dijkstra, no hierarchy)',
  Number.isFinite(pgSeconds) ? `${(pgSeconds / dijkstraWorkersSeconds).toFixed(1)} ×` : '–',
);
row(
  `largest difference hierarchy vs Dijkstra, all ${ours.minutes.length.toLocaleString('en')} pairs`,
  `${methodsDifference.toFixed(4)} s`,
);
row(
  `largest difference over ${comparedPairs.toLocaleString('en')} pairs`,
  Number.isFinite(maxDifference) ? `${maxDifference.toFixed(4)} s` : '–',
);
console.log(
  `\n(pgRouting extrapolation: ${pgNote}; machine load average at the end: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
);
process.exit((Number.isFinite(maxDifference) && maxDifference > 0.01) || methodsDifference > 0.01 ? 1 : 0);

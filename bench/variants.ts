/**
 * Network variants: what changing only travel times costs. On a synthetic road network (a jittered
 * grid of junctions with trunk, primary, secondary and residential roads), times a full build of the
 * contraction hierarchy (witness searches, metric-dependent order) against the customisable one: its
 * metric-independent topology built once, then one customisation per variant (winter speeds on every
 * road, a closed trunk link). Checks on random pairs that the customised hierarchy's times equal a
 * a full rebuild on the variant's weights.
 * Usage: tsx bench/variants.ts [--columns 200] [--pairs 200]
 */
import { performance } from 'node:perf_hooks';
import {
  buildRoadGraph,
  cchTopology,
  contractGraph,
  customise,
  hierarchyDistance,
  loadRoadSpeeds,
  syntheticRoadNetwork,
} from '../src/network/index.js';
import { seededRandom } from '../src/network/testing.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('variants');
const columns = numberFlag('columns', flags.columns, 200);
const pairs = numberFlag('pairs', flags.pairs, 200);
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(2);

const network = syntheticRoadNetwork({ columns, rows: columns, seed: 1 });
const graph = buildRoadGraph(network, loadRoadSpeeds(), 'car');
const arcs = graph.forward.heads.length;
console.log(`network: ${graph.nodeCount} nodes, ${arcs} arcs`);

let start = performance.now();
const topology = cchTopology(graph.forward);
console.log(
  `customisable topology (once per network): ${seconds(start)} s, ${topology.heads.length} edges, ${topology.triangles.length / 3} triangles`,
);

const random = seededRandom(7);
const winter = Float64Array.from(graph.forward.seconds, (s) => s * (1 + 0.3 * random.next()));
const closed = graph.forward.seconds.slice();
for (let a = 0; a < closed.length; a += 97) closed[a] = Number.POSITIVE_INFINITY;
const variants: [string, Float64Array][] = [
  ['summer (base)', graph.forward.seconds],
  ['winter speeds', winter],
  ['every 97th arc closed', closed],
];
for (const [name, weights] of variants) {
  start = performance.now();
  const hierarchy = customise(topology, weights);
  const customised = seconds(start);
  start = performance.now();
  const rebuilt = contractGraph({ ...graph.forward, seconds: weights });
  const rebuild = seconds(start);
  let mismatches = 0;
  for (let p = 0; p < pairs; p++) {
    const s = random.int(graph.nodeCount);
    const t = random.int(graph.nodeCount);
    const expected = hierarchyDistance(rebuilt, s, t);
    const got = hierarchyDistance(hierarchy, s, t);
    if (!(got === expected || Math.abs(got - expected) <= 1e-6 * Math.max(1, expected))) mismatches++;
  }
  console.log(
    `${name}: customisation ${customised} s, full rebuild ${rebuild} s; ${pairs} random pairs, ${mismatches} differ`,
  );
}

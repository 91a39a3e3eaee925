import { describe, expect, it } from 'vitest';
import { NetworkVariant } from '../../model/index.js';
import { openStore } from '../../store/index.js';
import { ShortestPathSearch } from '../graph/dijkstra.js';
import { digiroadTestLink, type LinkAttributes } from '../roads/digiroad.fixture.js';
import { digiroadNetwork } from '../roads/digiroad.js';
import { readRoadNetwork, saveRoadNetwork } from '../roads/road-store.js';
import { loadRoadSpeeds } from '../roads/speeds.js';
import { cchTopology, customise } from './cch.js';
import { digiroadGraph, unknownLinks, variantGraphOf, variantSeconds } from './digiroad-graph.js';
import { originReach } from './islands.js';
import { hierarchyDistance } from './query.js';

const speeds = loadRoadSpeeds();
const link = (id: string, points: [number, number][], more: LinkAttributes = {}) =>
  digiroadTestLink(id, [points.flat()], more);

/**
 * Mainland A (0 m) – B (1 000 m) – C (2 000 m) on a secondary road (60 km/h: 60 s a kilometre), the
 * first kilometre with a winter limit of 40 km/h; a ferry of 600 s from C to the island's D (3 000 m);
 * the island road D – E (4 000 m, drawn in two segments). A second island F – G has no ferry.
 */
const links = [
  link(
    'm1',
    [
      [0, 0],
      [1000, 0],
    ],
    { speedKmh: 80, winterSpeedKmh: 40 },
  ),
  link('m2', [
    [1000, 0],
    [2000, 0],
  ]),
  link(
    'f1',
    [
      [2000, 0],
      [3000, 0],
    ],
    { roadClass: 'ferry', ferry: true, crossingSeconds: 600 },
  ),
  link('i1', [
    [3000, 0],
    [3500, 0],
    [4000, 0],
  ]),
  link('x1', [
    [20_000, 0],
    [21_000, 0],
  ]),
];
const network = digiroadGraph(links, { speeds, ferrySpeedKmh: 10 });
const { graph } = network;
const nodeAt = (x: number) => {
  for (let v = 0; v < graph.nodeCount; v++) if (graph.x[v] === x && graph.y[v] === 0) return v;
  throw new Error(`no node at ${x}`);
};
const [a, c, e] = [nodeAt(0), nodeAt(2000), nodeAt(4000)];

describe('Digiroad graph and its variants', () => {
  it('routes over roads and the ferry at its crossing time, like an OSM network', () => {
    expect(graph.nodeCount).toBe(7);
    const search = new ShortestPathSearch(graph.nodeCount);
    search.run(graph.forward, a);
    // 60 + 60 s by road (the 80 km/h limit is above the class speed), 600 s ferry, 60 s on the island.
    expect(search.distance[c]).toBeCloseTo(120, 9);
    expect(search.distance[e]).toBeCloseTo(780, 9);
    expect(search.distance[nodeAt(20_000)]).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives winter speeds and closures by link id without a new hierarchy, equal to a full search', () => {
    const topology = cchTopology(graph.forward);
    const cases: [NetworkVariant, number][] = [
      [NetworkVariant.parse({}), 780],
      // 1 km at 40 km/h is 90 s instead of 60.
      [NetworkVariant.parse({ season: 'winter' }), 810],
      [NetworkVariant.parse({ closedLinks: ['f1'] }), Number.POSITIVE_INFINITY],
      [NetworkVariant.parse({ season: 'winter', closedLinks: ['m2'] }), Number.POSITIVE_INFINITY],
    ];
    for (const [variant, expected] of cases) {
      const seconds = variantSeconds(network, variant);
      const hierarchy = customise(topology, seconds);
      expect(hierarchyDistance(hierarchy, a, e)).toBeCloseTo(expected, 9);
      const search = new ShortestPathSearch(graph.nodeCount);
      search.run({ ...graph.forward, seconds }, a);
      expect(search.distance[e]).toBeCloseTo(expected, 9);
    }
    expect(unknownLinks(network, NetworkVariant.parse({ closedLinks: ['f1', 'nope'] }))).toEqual(['nope']);
  });

  it('routes a stored network of links alike: the variant of the network read back gives the same times', async () => {
    const store = await openStore(':memory:');
    try {
      const imported = digiroadNetwork(links);
      await saveRoadNetwork(store, imported, {
        name: 'links',
        sourceFile: 'links.gpkg',
        format: 'digiroad-gpkg',
        components: { count: 2, largestNodeShare: 1, largestLengthShare: 1 },
      });
      const stored = variantGraphOf(await readRoadNetwork(store, 'links'), { speeds, ferrySpeedKmh: 10 });
      expect([...stored.linkIds].sort()).toEqual([...new Set(links.map((l) => l.linkId))].sort());
      const variant = NetworkVariant.parse({ season: 'winter', closedLinks: ['i1'] });
      const times = (g: typeof network) => {
        const search = new ShortestPathSearch(g.graph.nodeCount);
        search.run({ ...g.graph.forward, seconds: variantSeconds(g, variant) }, a);
        return [...search.distance];
      };
      expect(times(stored)).toEqual(times(network));
      expect(times(stored)[c]).toBeCloseTo(150, 9);
    } finally {
      store.close();
    }
  });

  it('reports island origins as reached only by ferry, never moved across the water', () => {
    const report = originReach(
      network,
      [
        { id: 'mainland', point: { x: 100, y: 200 }, residents: 10 },
        // Nearer the island's road (300 m) than the mainland's (1 200 m): it stays on the island.
        { id: 'island', point: { x: 3200, y: 300 }, residents: 4 },
        { id: 'skerry', point: { x: 20_500, y: 100 }, residents: 2 },
        { id: 'wilds', point: { x: 10_000, y: 9_000 }, residents: 1 },
      ],
      5000,
    );
    expect(report.origins.map((o) => [o.id, o.reach])).toEqual([
      ['mainland', 'road'],
      ['island', 'ferryOnly'],
      ['skerry', 'unreachable'],
      ['wilds', 'offNetwork'],
    ]);
    expect(report.origins[1]?.node).toBe(nodeAt(3000));
    expect(report.residents).toEqual({ road: 10, ferryOnly: 4, unreachable: 2, offNetwork: 1 });
  });

  it('takes a ferry without a crossing time at the stated ferry speed, and one-way links one way', () => {
    const oneWay = digiroadGraph(
      [
        link(
          'r',
          [
            [0, 0],
            [1000, 0],
          ],
          { oneway: -1 },
        ),
        link(
          'f',
          [
            [1000, 0],
            [2000, 0],
          ],
          { roadClass: 'ferry', ferry: true },
        ),
      ],
      { speeds, ferrySpeedKmh: 10 },
    );
    const search = new ShortestPathSearch(oneWay.graph.nodeCount);
    search.run(oneWay.graph.forward, 2);
    // 1 km at 10 km/h is 360 s; the road runs only against its drawn direction (from 1 000 m to 0).
    expect(search.distance[1]).toBeCloseTo(360, 9);
    expect(search.distance[0]).toBeCloseTo(420, 9);
    search.run(oneWay.graph.forward, 0);
    expect(search.distance[1]).toBe(Number.POSITIVE_INFINITY);
  });
});

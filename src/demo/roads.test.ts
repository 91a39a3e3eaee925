import { describe, expect, it } from 'vitest';

import {
  buildRoadGraph,
  computeTravelTimeMatrix,
  loadRoadSpeeds,
  RoadNetworkBuilder,
} from '../network/index.js';
import { buildCountyModel } from './county-model.js';
import { demoRoads } from './roads.js';

const seed = 3;
const model = buildCountyModel(seed, 5_000, 1);
const roads = demoRoads(seed, model.geography);

/** Roads into a network the way the GeoJSON importer joins them: at identical vertices. */
const networkOf = () => {
  const builder = new RoadNetworkBuilder();
  const ids = new Map<string, number>();
  const node = ([x, y]: [number, number]) => {
    const key = `${x},${y}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = builder.addNode(x, y);
      ids.set(key, id);
    }
    return id;
  };
  for (const road of roads) {
    for (let k = 1; k < road.coordinates.length; k++) {
      const a = road.coordinates[k - 1] as [number, number];
      const b = road.coordinates[k] as [number, number];
      builder.addEdge({
        from: node(a),
        to: node(b),
        lengthMetres: Math.hypot(a[0] - b[0], a[1] - b[1]),
        roadClass: road.highway,
      });
    }
  }
  return builder.finish();
};

describe('demoRoads', () => {
  it('has every class of road, and the same roads for the same seed', () => {
    expect(new Set(roads.map((r) => r.highway))).toEqual(
      new Set(['trunk', 'primary', 'secondary', 'tertiary', 'residential', 'unclassified']),
    );
    expect(demoRoads(seed, model.geography)).toEqual(roads);
  });

  it('connects every municipal centre to every other by car, faster than at country-road speed', () => {
    const graph = buildRoadGraph(networkOf(), loadRoadSpeeds(), 'car');
    let snappable = 0;
    for (const v of graph.snappable) snappable += v;
    // Nearly all of the network is one strongly connected component.
    expect(snappable / graph.nodeCount).toBeGreaterThan(0.95);
    const seats = model.geography.municipalities.map((m) => m.seat);
    const matrix = computeTravelTimeMatrix(graph, seats, seats);
    const speeds: number[] = [];
    seats.forEach((a, i) => {
      seats.forEach((b, j) => {
        const minutes = matrix.minutes[i * seats.length + j] as number;
        expect(Number.isFinite(minutes)).toBe(true);
        const km = Math.hypot(a.x - b.x, a.y - b.y) / 1000;
        if (km > 20) speeds.push(km / (minutes / 60));
      });
    });
    speeds.sort((p, q) => p - q);
    // Main roads (60–80 km/h) carry most centre-to-centre trips: the median straight-line speed beats
    // what country roads (40 km/h, and a detour) could give, and no trip averages under 30 km/h.
    expect(speeds[Math.floor(speeds.length / 2)]).toBeGreaterThan(40);
    expect(speeds[0]).toBeGreaterThan(30);
  });
});

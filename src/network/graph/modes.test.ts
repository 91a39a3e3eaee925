import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTravelTimeMatrix } from '../matrix/compute.js';
import { loadRoadSpeeds } from '../roads/speeds.js';
import { buildRoadGraph } from './road-graph.js';
import { RoadNetworkBuilder } from './road-network.js';

const speeds = loadRoadSpeeds();

/**
 * A 2 km motorway from A to C, one way, through B; and a residential street from A to C by way of D,
 * 1 044 m a side (shorter than the straight line's detour factor, so that the network's time counts), both ways. Walkers and cyclists may not use the motorway.
 */
const network = () => {
  const roads = new RoadNetworkBuilder();
  const a = roads.addNode(400_000, 7_000_000);
  const b = roads.addNode(401_000, 7_000_000);
  const c = roads.addNode(402_000, 7_000_000);
  const d = roads.addNode(401_000, 7_000_300);
  roads.addEdge({ from: a, to: b, lengthMetres: 1000, roadClass: 'motorway', oneway: 1 });
  roads.addEdge({ from: b, to: c, lengthMetres: 1000, roadClass: 'motorway', oneway: 1 });
  roads.addEdge({ from: a, to: d, lengthMetres: 1044, roadClass: 'residential' });
  roads.addEdge({ from: d, to: c, lengthMetres: 1044, roadClass: 'residential' });
  return roads.finish();
};
const A = { x: 400_000, y: 7_000_000 };
const C = { x: 402_000, y: 7_000_000 };
const minutesOf = (profile: 'car' | 'walk' | 'bike', from = A, to = C) =>
  computeTravelTimeMatrix(buildRoadGraph(network(), speeds, profile), [from], [to]).minutes[0] as number;

describe('travel modes on the road graph', () => {
  it('drives the motorway, and walks and cycles the street at their own speeds', () => {
    expect(minutesOf('car')).toBeCloseTo((2 / (speeds.car.motorway as number)) * 60, 4);
    // Against the motorway's direction a car takes the street too.
    expect(minutesOf('car', C, A)).toBeCloseTo((2.088 / (speeds.car.residential as number)) * 60, 4);
    expect(minutesOf('walk')).toBeCloseTo((2.088 / speeds.walk.speedKmh) * 60, 4);
    expect(minutesOf('bike')).toBeCloseTo((2.088 / (speeds.bike?.speedKmh as number)) * 60, 4);
  });

  it('keeps walkers and cyclists off motorways and their links', () => {
    for (const classes of [speeds.walk.classes, speeds.bike?.classes ?? []]) {
      expect(classes).not.toContain('motorway');
      expect(classes).not.toContain('motorway_link');
    }
    const walk = buildRoadGraph(network(), speeds, 'walk');
    // Only the street's four arcs: the motorway has none.
    expect(walk.forward.heads.length).toBe(4);
  });

  it('cycles no slower than it walks, between any two points', () => {
    const walk = buildRoadGraph(network(), speeds, 'walk');
    const bike = buildRoadGraph(network(), speeds, 'bike');
    const point = fc.record({
      x: fc.integer({ min: 399_000, max: 403_000 }),
      y: fc.integer({ min: 6_999_000, max: 7_002_000 }),
    });
    fc.assert(
      fc.property(point, point, (from, to) => {
        const w = computeTravelTimeMatrix(walk, [from], [to]).minutes[0] as number;
        const b = computeTravelTimeMatrix(bike, [from], [to]).minutes[0] as number;
        expect(b).toBeLessThanOrEqual(w + 1e-9);
      }),
      { numRuns: 50 },
    );
  });
});

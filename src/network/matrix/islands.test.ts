import { describe, expect, it } from 'vitest';
import { buildRoadGraph, graphFromArcs } from '../graph/road-graph.js';
import { RoadNetworkBuilder } from '../graph/road-network.js';
import { loadRoadSpeeds } from '../roads/speeds.js';
import { computeTravelTimeMatrix } from './compute.js';

// Mainland 0–1–2 along y = 0, 1 km apart; a ferry 2–3 of 600 s; on the ferry island the road 3–4;
// 1.5 km off the mainland an island 5–6 whose road has no ferry. Roads 60 s per km, both ways.
const x = Float64Array.from([0, 1000, 2000, 3000, 4000, 1000, 2000]);
const y = Float64Array.from([0, 0, 0, 0, 0, 1500, 1500]);
const edges: [number, number, number, boolean][] = [
  [0, 1, 60, false],
  [1, 2, 60, false],
  [2, 3, 600, true],
  [3, 4, 60, false],
  [5, 6, 60, false],
];
const arcs = edges.flatMap(([a, b, s, f]) => [
  [a, b, s, f],
  [b, a, s, f],
]) as [number, number, number, boolean][];
const graph = (withFerryFlags: boolean) =>
  graphFromArcs({
    profile: 'car',
    x,
    y,
    tails: Uint32Array.from(arcs, (a) => a[0]),
    heads: Uint32Array.from(arcs, (a) => a[1]),
    seconds: Float64Array.from(arcs, (a) => a[2]),
    ferry: withFerryFlags ? Uint8Array.from(arcs, (a) => (a[3] ? 1 : 0)) : undefined,
    accessSpeedKmh: 20,
    detourFactor: 1,
    maxSnapMetres: 5000,
  });

const onMainland = { x: 0, y: 0 };
const onFerryIsland = { x: 4000, y: 0 };
const onLoneIsland = { x: 1000, y: 1500 };

describe('origins on islands', () => {
  it('reports an origin on an island without a ferry as unreachable, never snapped across the water', () => {
    const matrix = computeTravelTimeMatrix(
      graph(true),
      [onMainland, onFerryIsland, onLoneIsland],
      [{ x: 1000, y: 0 }],
    );
    // Mainland: 1 km of road. Ferry island: 1 km, the 600 s crossing, 1 km (not the 3 km straight
    // line across the water at access speed, 9 min).
    expect(matrix.minutes[0]).toBeCloseTo(1, 5);
    expect(matrix.minutes[1]).toBeCloseTo(12, 5);
    // The lone island's road is 1.5 km from node 1: snapped across, it would be 1.5 km at 20 km/h = 4.5 min.
    expect(matrix.minutes[2]).toBe(Number.POSITIVE_INFINITY);
    expect(matrix).toMatchObject({ unreachableOrigins: 1, ferryOnlyOrigins: 1, straightLineOrigins: 0 });
  });

  it('tells a ferry island only by the ferry flags: without them it is part of the main network', () => {
    const matrix = computeTravelTimeMatrix(graph(false), [onFerryIsland, onLoneIsland], [{ x: 1000, y: 0 }]);
    expect(matrix).toMatchObject({ unreachableOrigins: 1, ferryOnlyOrigins: 0 });
  });

  it('an unreachable destination has no time from anywhere, and is counted', () => {
    const matrix = computeTravelTimeMatrix(graph(true), [onMainland], [onLoneIsland, onFerryIsland]);
    expect(matrix.minutes[0]).toBe(Number.POSITIVE_INFINITY);
    expect(matrix.minutes[1]).toBeCloseTo(13, 5);
    expect(matrix.unreachableDestinations).toBe(1);
  });

  it('a point near no road at all stays off the network with a straight-line estimate, as before', () => {
    const matrix = computeTravelTimeMatrix(graph(true), [{ x: 1000, y: 9000 }], [{ x: 1000, y: 0 }]);
    expect(matrix).toMatchObject({ straightLineOrigins: 1, unreachableOrigins: 0 });
    expect(Number.isFinite(matrix.minutes[0])).toBe(true);
  });

  it('a stored network marks its ferry class, so roads reached by ferry are known as such', () => {
    const builder = new RoadNetworkBuilder();
    for (let i = 0; i < 5; i++) builder.addNode(x[i] as number, 0);
    for (const [a, b, , ferry] of edges.slice(0, 4)) {
      builder.addEdge({ from: a, to: b, lengthMetres: 1000, roadClass: ferry ? 'ferry' : 'secondary' });
    }
    const built = buildRoadGraph(builder.finish(), loadRoadSpeeds(), 'car');
    expect([...built.nodeReach]).toEqual([0, 0, 0, 1, 1]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractGraph } from '../graph/contraction.js';
import { arbitraryArcList, graphOf, plainDijkstra, sameTimes } from '../graph/graphs.fixture.js';
import { graphFromArcs } from '../graph/road-graph.js';
import { loadRoadSpeeds } from '../roads/speeds.js';
import { computeTravelTimeMatrix } from './compute.js';
import { straightLineModel } from './straight-line.js';

const speeds = loadRoadSpeeds();

describe('computeTravelTimeMatrix', () => {
  // A line of four nodes 1 km apart; 60 s per km eastwards, 120 s westwards.
  const line = graphOf({
    nodeCount: 4,
    arcs: [0, 1, 2].flatMap((i) => [
      { from: i, to: i + 1, seconds: 60 },
      { from: i + 1, to: i, seconds: 120 },
    ]),
  });

  it('adds the access time at access speed × detour to the network time', () => {
    // 200 m north of node 0 to node 3: 200 m × 1.3 at 20 km/h = 46.8 s, plus 180 s on the network.
    const matrix = computeTravelTimeMatrix(
      line,
      [{ x: 0, y: 200 }],
      [
        { x: 3000, y: 0 },
        { x: 0, y: 0 },
      ],
    );
    expect(matrix.method).toBe('road');
    expect(matrix.minutes[0]).toBeCloseTo((46.8 + 180) / 60, 5);
    // Next to each other: the straight line at access speed.
    expect(matrix.minutes[1]).toBeCloseTo(46.8 / 60, 5);
  });

  it('gives a point off the network a straight-line time at the fallback speed, and counts it', () => {
    const limited = graphFromArcs({
      profile: 'car',
      x: line.x,
      y: line.y,
      tails: Uint32Array.from([0, 1, 2, 1, 2, 3]),
      heads: Uint32Array.from([1, 2, 3, 0, 1, 2]),
      seconds: Float64Array.from([60, 60, 60, 120, 120, 120]),
      accessSpeedKmh: 20,
      detourFactor: 1.3,
      maxSnapMetres: 5000,
      fallbackSpeedKmh: 60,
    });
    // 10 km north of node 0, beyond the 5 km limit: 10 440 m straight to node 3 × 1.3 at 60 km/h.
    const matrix = computeTravelTimeMatrix(
      limited,
      [
        { x: 0, y: 10_000 },
        { x: 0, y: 200 },
      ],
      [{ x: 3000, y: 0 }],
    );
    expect(matrix.minutes[0]).toBeCloseTo((Math.hypot(3000, 10_000) * 1.3) / (60 / 3.6) / 60, 5);
    // The other origin is on the network: access and road time as before.
    expect(matrix.minutes[1]).toBeCloseTo((46.8 + 180) / 60, 5);
    expect(matrix).toMatchObject({ method: 'road', straightLineOrigins: 1, straightLineDestinations: 0 });
  });

  it('respects direction and is the same whichever side it searches from', () => {
    const points = [0, 1, 2, 3].map((i) => ({ x: i * 1000, y: 0 }));
    const fromDestinations = computeTravelTimeMatrix(line, points, points.slice(0, 2));
    const fromOrigins = computeTravelTimeMatrix(line, points.slice(0, 2), points);
    // origin 3 → destination 0: westwards 3 × 120 s; but straight line at 20 km/h × 1.3 is 702 s, so 360 s.
    expect(fromDestinations.minutes[3 * 2 + 0]).toBeCloseTo(6, 5);
    expect(fromOrigins.minutes[0 * 4 + 3]).toBeCloseTo(3, 5);
    for (let o = 0; o < 2; o++) {
      for (let d = 0; d < 2; d++)
        expect(fromOrigins.minutes[o * 4 + d]).toBe(fromDestinations.minutes[o * 2 + d]);
    }
  });

  it('gives Infinity beyond maxMinutes', () => {
    const matrix = computeTravelTimeMatrix(line, [{ x: 3000, y: 0 }], [{ x: 0, y: 0 }], { maxMinutes: 5 });
    expect(matrix.minutes[0]).toBe(Number.POSITIVE_INFINITY);
  });

  it('equals the plain Dijkstra between nodes on random graphs (points on nodes: no access time)', () => {
    fc.assert(
      fc.property(arbitraryArcList(20), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (list, picks) => {
        // Far apart, so that the straight line at access speed never beats the network.
        const positions = Array.from({ length: list.nodeCount }, (_, i) => ({ x: i * 1e6, y: 0 }));
        const graph = graphOf(list, positions);
        const snappable = graph.snappable;
        const nodes = Array.from({ length: list.nodeCount }, (_, i) => i).filter((i) => snappable[i]);
        const points = picks.map(
          (p) => positions[nodes[p % nodes.length] as number] as { x: number; y: number },
        );
        const destinations = points.slice(0, 3);
        const matrix = computeTravelTimeMatrix(graph, points, destinations);
        points.forEach((origin, o) => {
          const reference = plainDijkstra(list, origin.x / 1e6);
          destinations.forEach((destination, d) => {
            expect(matrix.minutes[o * destinations.length + d]).toBeCloseTo(
              (reference[destination.x / 1e6] as number) / 60,
              3,
            );
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same times with a contraction hierarchy as with plain Dijkstra, from either side', () => {
    fc.assert(
      fc.property(
        arbitraryArcList(25),
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 25_000 }), y: fc.integer({ min: -500, max: 500 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 8 }),
        (list, points, split) => {
          const graph = graphOf(list);
          const hierarchy = contractGraph(graph.forward, { witnessSettleLimit: 3 });
          const origins = points.slice(0, split);
          const destinations = points.slice(split).concat(points.slice(0, 1));
          for (const [o, d] of [
            [origins, destinations],
            [destinations, origins],
          ] as const) {
            const plain = computeTravelTimeMatrix(graph, o, d);
            const fast = computeTravelTimeMatrix(graph, o, d, { hierarchy });
            expect(sameTimes(fast.minutes, plain.minutes)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without a network uses straight line × detour factor at the fallback speed', () => {
    const matrix = computeTravelTimeMatrix(
      straightLineModel(speeds, 'car'),
      [{ x: 0, y: 0 }],
      [{ x: 3000, y: 4000 }],
    );
    expect(matrix.method).toBe('straightLine');
    expect(matrix.minutes[0]).toBeCloseTo((5 * 1.3 * 60) / 60, 5);
  });

  it('stops when cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      computeTravelTimeMatrix(line, [{ x: 0, y: 0 }], [{ x: 0, y: 0 }], { signal: controller.signal }),
    ).toThrow(/cancelled/);
  });
});

import fc from 'fast-check';
import { graphFromArcs, type RoadGraph } from './road-graph.js';

export interface ArcList {
  nodeCount: number;
  arcs: { from: number; to: number; seconds: number }[];
}

export const graphOf = (list: ArcList, positions?: { x: number; y: number }[]): RoadGraph =>
  graphFromArcs({
    profile: 'car',
    x: Float64Array.from({ length: list.nodeCount }, (_, i) => positions?.[i]?.x ?? i * 1000),
    y: Float64Array.from({ length: list.nodeCount }, (_, i) => positions?.[i]?.y ?? 0),
    tails: Uint32Array.from(list.arcs.map((a) => a.from)),
    heads: Uint32Array.from(list.arcs.map((a) => a.to)),
    seconds: Float64Array.from(list.arcs.map((a) => a.seconds)),
    accessSpeedKmh: 20,
    detourFactor: 1.3,
  });

/** Random directed graphs with integer and fractional arc costs, parallel arcs and self-loops included. */
export const arbitraryArcList = (maxNodes = 30): fc.Arbitrary<ArcList> =>
  fc.integer({ min: 1, max: maxNodes }).chain((nodeCount) =>
    fc.record({
      nodeCount: fc.constant(nodeCount),
      arcs: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: nodeCount - 1 }),
          to: fc.integer({ min: 0, max: nodeCount - 1 }),
          seconds: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1000, noNaN: true })),
        }),
        { maxLength: nodeCount * 4 },
      ),
    }),
  );

/** The textbook O(n²) Dijkstra, as the reference the fast search must agree with. */
export const plainDijkstra = (list: ArcList, source: number): number[] => {
  const distance = new Array<number>(list.nodeCount).fill(Number.POSITIVE_INFINITY);
  const done = new Array<boolean>(list.nodeCount).fill(false);
  distance[source] = 0;
  for (;;) {
    let v = -1;
    for (let i = 0; i < list.nodeCount; i++) {
      if (
        !done[i] &&
        (distance[i] as number) < Number.POSITIVE_INFINITY &&
        (v < 0 || (distance[i] as number) < (distance[v] as number))
      )
        v = i;
    }
    if (v < 0) return distance;
    done[v] = true;
    for (const arc of list.arcs) {
      if (arc.from === v && (distance[v] as number) + arc.seconds < (distance[arc.to] as number)) {
        distance[arc.to] = (distance[v] as number) + arc.seconds;
      }
    }
  }
};

/** Equal, or equal up to floating-point rounding of sums taken in another order. */
export const sameTimes = (actual: ArrayLike<number>, expected: ArrayLike<number>): boolean =>
  actual.length === expected.length &&
  Array.from(actual).every((a, i) => {
    const e = expected[i] as number;
    return a === e || Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
  });

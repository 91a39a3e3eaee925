import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractGraph } from '../graph/contraction.js';
import { arbitraryArcList, graphOf, plainDijkstra, sameTimes } from '../graph/graphs.fixture.js';
import { cchTopology, customise } from './cch.js';
import { hierarchyDistance } from './query.js';

/** Times from every node to every node through a hierarchy. */
const allPairs = (hierarchy: ReturnType<typeof customise>, n: number): number[][] =>
  Array.from({ length: n }, (_, s) =>
    Array.from({ length: n }, (_, t) => hierarchyDistance(hierarchy, s, t)),
  );

describe('customisable contraction hierarchy', () => {
  it('gives the times of a full rebuild after any change of weights, closures included', () => {
    fc.assert(
      fc.property(
        arbitraryArcList(18).chain((list) =>
          fc.record({
            list: fc.constant(list),
            // A new weight per arc, Infinity standing for a closed link.
            changed: fc.array(
              fc.oneof(
                fc.constant(Number.POSITIVE_INFINITY),
                fc.integer({ min: 0, max: 200 }),
                fc.double({ min: 0, max: 500, noNaN: true }),
              ),
              { minLength: list.arcs.length, maxLength: list.arcs.length },
            ),
          }),
        ),
        ({ list, changed }) => {
          const graph = graphOf(list);
          const topology = cchTopology(graph.forward);
          // The base weights, then the variant's, on the same topology.
          const base = customise(topology, graph.forward.seconds);
          const baseTimes = allPairs(base, list.nodeCount);
          for (let s = 0; s < list.nodeCount; s++) {
            expect(sameTimes(baseTimes[s] as number[], plainDijkstra(list, s))).toBe(true);
          }
          const variantList = {
            nodeCount: list.nodeCount,
            arcs: list.arcs.map((arc, i) => ({ ...arc, seconds: changed[i] as number })),
          };
          const rebuilt = graphOf(variantList);
          const customised = customise(topology, rebuilt.forward.seconds);
          const full = contractGraph(rebuilt.forward);
          const variantTimes = allPairs(customised, list.nodeCount);
          const fullTimes = allPairs(full, list.nodeCount);
          for (let s = 0; s < list.nodeCount; s++) {
            expect(sameTimes(variantTimes[s] as number[], plainDijkstra(variantList, s))).toBe(true);
            expect(sameTimes(variantTimes[s] as number[], fullTimes[s] as number[])).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the arc layout of the graph, so a variant is only a new array of weights', () => {
    const graph = graphOf({
      nodeCount: 4,
      arcs: [
        { from: 0, to: 1, seconds: 1 },
        { from: 1, to: 2, seconds: 1 },
        { from: 2, to: 3, seconds: 1 },
        { from: 0, to: 3, seconds: 10 },
      ],
    });
    const topology = cchTopology(graph.forward);
    expect(hierarchyDistance(customise(topology, graph.forward.seconds), 0, 3)).toBe(3);
    // Closing the middle arc (1 → 2) leaves the direct arc.
    const closed = graph.forward.seconds.slice();
    for (let a = graph.forward.offsets[1] as number; a < (graph.forward.offsets[2] as number); a++) {
      closed[a] = Number.POSITIVE_INFINITY;
    }
    expect(hierarchyDistance(customise(topology, closed), 0, 3)).toBe(10);
    expect(hierarchyDistance(customise(topology, closed), 3, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

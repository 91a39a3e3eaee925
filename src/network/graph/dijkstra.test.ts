import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShortestPathSearch } from './dijkstra.js';
import { arbitraryArcList, graphOf, plainDijkstra, sameTimes } from './graphs.fixture.js';

describe('ShortestPathSearch', () => {
  it('finds a hand-computed shortest path that is not the direct arc', () => {
    const list = {
      nodeCount: 4,
      arcs: [
        { from: 0, to: 3, seconds: 10 },
        { from: 0, to: 1, seconds: 2 },
        { from: 1, to: 2, seconds: 3 },
        { from: 2, to: 3, seconds: 4 },
      ],
    };
    const graph = graphOf(list);
    const search = new ShortestPathSearch(4);
    search.run(graph.forward, 0);
    expect([...search.distance]).toEqual([0, 2, 5, 9]);
    search.run(graph.backward, 3);
    expect([...search.distance]).toEqual([9, 7, 4, 0]);
  });

  it('agrees with a plain Dijkstra on random graphs, forwards and over reversed arcs', () => {
    const search = new ShortestPathSearch(40);
    fc.assert(
      fc.property(arbitraryArcList(), fc.nat(), (list, s) => {
        const source = s % list.nodeCount;
        const graph = graphOf(list);
        const fast = new ShortestPathSearch(list.nodeCount);
        fast.run(graph.forward, source);
        expect(sameTimes(fast.distance, plainDijkstra(list, source))).toBe(true);
        const reversed = {
          nodeCount: list.nodeCount,
          arcs: list.arcs.map((a) => ({ ...a, from: a.to, to: a.from })),
        };
        fast.run(graph.backward, source);
        expect(sameTimes(fast.distance, plainDijkstra(reversed, source))).toBe(true);
        expect(search.nodeCount).toBe(40);
      }),
      { numRuns: 300 },
    );
  });

  it('settles every target exactly even when it stops early', () => {
    fc.assert(
      fc.property(arbitraryArcList(), fc.nat(), fc.array(fc.nat(), { maxLength: 5 }), (list, s, t) => {
        const source = s % list.nodeCount;
        const targets = Uint32Array.from(t.map((i) => i % list.nodeCount));
        const search = new ShortestPathSearch(list.nodeCount);
        search.run(graphOf(list).forward, source, targets);
        const reference = plainDijkstra(list, source);
        for (const target of targets) {
          expect(sameTimes([search.distance[target] as number], [reference[target] as number])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShortestPathSearch } from '../graph/dijkstra.js';
import { graphFromArcs } from '../graph/road-graph.js';
import { snapToGraph } from '../matrix/snap.js';
import { streetWalks } from './walks.js';

// A 4 × 4 grid of street corners 100 m apart; each block walked in its own time each way.
const side = 4;
const corners = side * side;
const blocks: [number, number][] = [];
for (let r = 0; r < side; r++)
  for (let c = 0; c < side; c++) {
    const v = r * side + c;
    if (c + 1 < side) blocks.push([v, v + 1]);
    if (r + 1 < side) blocks.push([v, v + side]);
  }

const point = fc.record({ x: fc.integer({ min: -50, max: 350 }), y: fc.integer({ min: -50, max: 350 }) });

describe('walks to and from stops', () => {
  it('finds, searching from each stop and destination, what a search from each origin finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 20, max: 200 })), {
          minLength: blocks.length,
          maxLength: blocks.length,
        }),
        fc.array(point, { minLength: 1, maxLength: 6 }),
        fc.array(point, { minLength: 1, maxLength: 8 }),
        fc.array(point, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 60, max: 600 }),
        (times, stopPoints, origins, destinations, limit) => {
          const graph = graphFromArcs({
            profile: 'walk',
            x: Float64Array.from({ length: corners }, (_, v) => 100 * (v % side)),
            y: Float64Array.from({ length: corners }, (_, v) => 100 * Math.floor(v / side)),
            tails: Uint32Array.from(blocks.flat()),
            heads: Uint32Array.from(blocks.flatMap(([a, b]) => [b, a])),
            seconds: Float64Array.from(times.flat()),
            accessSpeedKmh: 3.6,
            detourFactor: 1.2,
          });
          const stops = {
            x: Float64Array.from(stopPoints, (p) => p.x),
            y: Float64Array.from(stopPoints, (p) => p.y),
          };
          const walks = streetWalks(graph, {
            stops,
            origins,
            destinations,
            maxAccessSeconds: limit,
            maxTransferSeconds: limit / 2,
          });
          // The plain way: one search from each origin, to every stop and destination.
          const snapped = snapToGraph(graph, origins);
          const stopSnap = snapToGraph(graph, stopPoints);
          const destinationSnap = snapToGraph(graph, destinations);
          const search = new ShortestPathSearch(graph.nodeCount);
          const walkTo = (o: number, node: number, last: number) => {
            const total = (snapped.accessSeconds[o] as number) + (search.distance[node] as number) + last;
            return total <= limit ? Math.round(total) : -1;
          };
          origins.forEach((origin, o) => {
            const expectedStops: number[] = [];
            const expectedSeconds: number[] = [];
            const direct = new Array<number>(destinations.length).fill(-1);
            if ((snapped.accessSeconds[o] as number) <= limit) {
              search.run(graph.forward, snapped.node[o] as number, undefined, limit);
              stopPoints.forEach((_, s) => {
                const w = walkTo(o, stopSnap.node[s] as number, stopSnap.accessSeconds[s] as number);
                if (w >= 0) {
                  expectedStops.push(s);
                  expectedSeconds.push(w);
                }
              });
              destinations.forEach((_, u) => {
                direct[u] = walkTo(
                  o,
                  destinationSnap.node[u] as number,
                  destinationSnap.accessSeconds[u] as number,
                );
              });
            }
            destinations.forEach((d, u) => {
              const straight = Math.round((Math.hypot(d.x - origin.x, d.y - origin.y) * 1.2) / 1);
              const walked = direct[u] as number;
              if (straight <= limit && (walked < 0 || straight < walked)) direct[u] = straight;
            });
            const from = walks.access.offsets[o] as number;
            const to = walks.access.offsets[o + 1] as number;
            expect(Array.from(walks.access.targets.subarray(from, to))).toEqual(expectedStops);
            expect(Array.from(walks.access.seconds.subarray(from, to))).toEqual(expectedSeconds);
            expect(
              Array.from(walks.direct.subarray(o * destinations.length, (o + 1) * destinations.length)),
            ).toEqual(direct);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { graphOf, sameTimes } from '../graph/graphs.fixture.js';
import { travelTimeMatrix } from './cache.js';
import { computeTravelTimeMatrix } from './compute.js';

// A 30 × 30 grid, 1 km spacing, 60 s per arc both ways.
const size = 30;
const arcs: { from: number; to: number; seconds: number }[] = [];
for (let r = 0; r < size; r++) {
  for (let c = 0; c < size; c++) {
    const v = r * size + c;
    if (c + 1 < size) arcs.push({ from: v, to: v + 1, seconds: 60 }, { from: v + 1, to: v, seconds: 60 + r });
    if (r + 1 < size)
      arcs.push({ from: v, to: v + size, seconds: 60 + c }, { from: v + size, to: v, seconds: 60 });
  }
}
const positions = Array.from({ length: size * size }, (_, v) => ({
  x: (v % size) * 1000,
  y: Math.floor(v / size) * 1000,
}));
const graph = graphOf({ nodeCount: size * size, arcs }, positions);
const origins = positions.filter((_, i) => i % 7 === 0).map((p) => ({ x: p.x + 130, y: p.y - 40 }));
const destinations = positions.filter((_, i) => i % 97 === 3);

describe('travelTimeMatrix (worker threads)', () => {
  it('gives the same matrix as the calling thread, split over two workers, and reports progress', async () => {
    const progress: number[] = [];
    const inWorkers = await travelTimeMatrix(graph, origins, destinations, {
      threads: 2,
      method: 'dijkstra',
      onProgress: (done, total) => {
        progress.push(done);
        expect(total).toBe(destinations.length);
      },
    });
    const here = computeTravelTimeMatrix(graph, origins, destinations);
    expect([...inWorkers.minutes]).toEqual([...here.minutes]);
    expect(inWorkers.minutes.some(Number.isNaN)).toBe(false);
    expect(Math.max(...progress)).toBe(destinations.length);
  });

  it('builds a contraction hierarchy in a worker and gives the same times with it', async () => {
    const phases = new Set<string>();
    const viaHierarchy = await travelTimeMatrix(graph, origins, destinations.slice(3), {
      method: 'hierarchy',
      threads: 2,
      onProgress: (_done, _total, phase) => phases.add(phase),
    });
    const here = computeTravelTimeMatrix(graph, origins, destinations.slice(3));
    expect(sameTimes(viaHierarchy.minutes, here.minutes)).toBe(true);
    expect([...phases].sort()).toEqual(['contracting', 'searching']);
  });

  it('returns the cached matrix for the same graph version and points', async () => {
    const first = await travelTimeMatrix(graph, origins, destinations.slice(1));
    const second = await travelTimeMatrix(graph, origins, destinations.slice(1));
    expect(second).toBe(first);
  });

  it('is cancelled through an AbortSignal, here while the hierarchy is being built', async () => {
    const controller = new AbortController();
    // Another graph (costs doubled), so its hierarchy is built anew and reports progress first.
    const slower = graphOf(
      { nodeCount: size * size, arcs: arcs.map((a) => ({ ...a, seconds: a.seconds * 2 })) },
      positions,
    );
    const running = travelTimeMatrix(slower, origins, destinations, {
      signal: controller.signal,
      method: 'hierarchy',
      onProgress: (_done, _total, phase) => {
        if (phase === 'contracting') controller.abort();
      },
    });
    await expect(running).rejects.toThrow(/cancelled/);
  });

  it('keeps a shared computation running for a caller while another caller cancels', async () => {
    // Costs tripled: a graph version of its own, so the run is not cached yet.
    const slower = graphOf(
      { nodeCount: size * size, arcs: arcs.map((a) => ({ ...a, seconds: a.seconds * 3 })) },
      positions,
    );
    const first = new AbortController();
    const second = new AbortController();
    const cancelled = travelTimeMatrix(slower, origins, destinations, {
      signal: first.signal,
      method: 'hierarchy',
      onProgress: () => first.abort(),
    });
    const kept = travelTimeMatrix(slower, origins, destinations, { signal: second.signal });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    const matrix = await kept;
    const here = computeTravelTimeMatrix(slower, origins, destinations);
    expect(sameTimes(matrix.minutes, here.minutes)).toBe(true);
  });

  it('cancels a shared computation once every caller has cancelled', async () => {
    const slower = graphOf(
      { nodeCount: size * size, arcs: arcs.map((a) => ({ ...a, seconds: a.seconds * 4 })) },
      positions,
    );
    const first = new AbortController();
    const second = new AbortController();
    const a = travelTimeMatrix(slower, origins, destinations, { signal: first.signal, method: 'hierarchy' });
    const b = travelTimeMatrix(slower, origins, destinations, { signal: second.signal });
    first.abort();
    second.abort();
    await expect(a).rejects.toThrow(/cancelled/);
    await expect(b).rejects.toThrow(/cancelled/);
    // The aborted run left the cache: a new caller gets a fresh, complete matrix.
    const again = await travelTimeMatrix(slower, origins, destinations);
    expect(again.minutes.some(Number.isNaN)).toBe(false);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacitatedBound } from './capacitated-bound.js';
import { enumerateSolutions } from './enumerate.js';
import { optimiseLocation } from './index.js';
import { smallCase } from './instances.fixture.js';
import { greedyMedian, Interchange, type MedianInstance } from './interchange.js';
import { lagrangianBound } from './lagrangian.js';
import { floydWarshall, parseCapacitated, parsePMedian } from './orlib.fixture.js';
import { prepareProblem } from './prepare.js';
import { seededRandom } from './random.js';
import { sortRows } from './sorted.js';

const medianCase = fc
  .record({
    n: fc.integer({ min: 2, max: 12 }),
    m: fc.integer({ min: 3, max: 10 }),
    values: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 120, maxLength: 120 }),
    seed: fc.integer(),
  })
  .map(({ n, m, values, seed }): MedianInstance & { seed: number } => {
    const cost = Float64Array.from({ length: n * m }, (_, k) => values[k % values.length] as number);
    const fixed = new Uint8Array(m);
    const p = 2 + ((seed >>> 0) % (m - 2));
    return { n, m, cost, order: sortRows(cost, n, m), fixed, p, seed };
  });

describe('fast interchange', () => {
  it('keeps gains, losses and the objective equal to a fresh rebuild after any swaps', () => {
    fc.assert(
      fc.property(medianCase, (instance) => {
        const random = seededRandom(instance.seed);
        const search = new Interchange(instance);
        search.setSolution(greedyMedian(instance));
        const fresh = new Interchange(instance);
        for (let step = 0; step < 6; step++) {
          search.bestSwap();
          const predicted = search.swapProfit;
          const closed = [...Array(instance.m).keys()].filter((k) => search.open[k] === 0);
          const into = step % 2 === 0 ? search.swapIn : (closed[random.int(closed.length)] as number);
          const out = step % 2 === 0 ? search.swapOut : (search.free[random.int(search.freeCount)] as number);
          if (into < 0) break;
          const before = search.objective;
          search.applySwap(into, out);
          if (step % 2 === 0) expect(before - search.objective).toBeCloseTo(predicted, 6);
          fresh.setSolution(search.openSites());
          expect(search.objective).toBeCloseTo(fresh.objective, 6);
          for (let k = 0; k < instance.m; k++) {
            expect(search.gain[k]).toBeCloseTo(fresh.gain[k] as number, 6);
            expect(search.loss[k]).toBeCloseTo(fresh.loss[k] as number, 6);
          }
          for (let k = 0; k < instance.m * instance.m; k++)
            expect(search.extra[k]).toBeCloseTo(fresh.extra[k] as number, 6);
        }
      }),
      { numRuns: 100, seed: 9 },
    );
  });

  it('the Lagrangian bound never exceeds the optimum', () => {
    fc.assert(
      fc.property(smallCase(), (c) => {
        const prepared = prepareProblem(c.problem, { model: 'p-median', p: c.p });
        const optimum = enumerateSolutions(prepared, 'p-median')?.objective ?? Number.NaN;
        const { n, m, dist, weights } = prepared;
        const cost = Float64Array.from(dist, (d, k) => d * (weights[Math.floor(k / m)] as number));
        const instance = { n, m, cost, order: sortRows(cost, n, m), fixed: prepared.fixed, p: prepared.p };
        const bound = lagrangianBound(instance, {
          upperBound: optimum + 10,
          start: new Float64Array(n),
          stop: () => false,
        }).bound;
        expect(bound).toBeLessThanOrEqual(optimum + 1e-6);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('the capacitated Lagrangian bound never exceeds the optimum', () => {
    fc.assert(
      fc.property(smallCase({ maxDemand: 7, maxSites: 5 }), (c) => {
        const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
        const optimum = enumerateSolutions(prepared, 'capacitated-p-median');
        if (!optimum) return;
        const bound = capacitatedBound(prepared, { upperBound: optimum.objective + 10, stop: () => false });
        expect(bound).toBeLessThanOrEqual(optimum.objective + 1e-6);
      }),
      { numRuns: 100, seed: 17 },
    );
  });
});

describe('OR-Library readers', () => {
  it('keeps the last cost of an edge listed twice and takes shortest paths', () => {
    const instance = parsePMedian('3 3 1\n1 2 10\n2 3 4\n1 2 3\n');
    expect(Array.from(instance.dist)).toEqual([0, 3, 7, 3, 0, 4, 7, 4, 0]);
    expect(instance.p).toBe(1);
  });

  it('Floyd–Warshall agrees with relaxing every edge until nothing changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.nat(6), fc.nat(6), fc.integer({ min: 1, max: 30 })), { maxLength: 15 }),
        (n, raw) => {
          const edges = raw.map(([a, b, c]) => [a % n, b % n, c] as const).filter(([a, b]) => a !== b);
          const dist = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
          for (let i = 0; i < n; i++) dist[i * n + i] = 0;
          const last = new Map<string, number>();
          for (const [a, b, c] of edges) last.set(`${Math.min(a, b)},${Math.max(a, b)}`, c);
          for (const [key, c] of last) {
            const [a, b] = key.split(',').map(Number) as [number, number];
            dist[a * n + b] = c;
            dist[b * n + a] = c;
          }
          const reference = Float64Array.from(dist);
          for (let changed = true; changed; ) {
            changed = false;
            for (let s = 0; s < n; s++) {
              for (const [key, c] of last) {
                const [a, b] = key.split(',').map(Number) as [number, number];
                for (const [u, v] of [
                  [a, b],
                  [b, a],
                ] as const) {
                  if ((reference[s * n + u] as number) + c < (reference[s * n + v] as number)) {
                    reference[s * n + v] = (reference[s * n + u] as number) + c;
                    changed = true;
                  }
                }
              }
            }
          }
          floydWarshall(dist, n);
          expect(Array.from(dist)).toEqual(Array.from(reference));
        },
      ),
      { numRuns: 100, seed: 21 },
    );
  });

  it('reads capacitated instances with Euclidean distances rounded down', () => {
    const [instance] = parseCapacitated(' 1\n 7 42\n 3 1 10\n 1 0 0 4\n 2 3 4 5\n 3 1 1 6\n');
    expect(instance).toMatchObject({ id: 7, bestKnown: 42, n: 3, p: 1, capacity: 10 });
    expect(Array.from(instance?.demands ?? [])).toEqual([4, 5, 6]);
    expect(Array.from(instance?.dist ?? [])).toEqual([0, 5, 1, 5, 0, 3, 1, 3, 0]);
  });

  const pmed1 = fileURLToPath(new URL('../../../../shared/data/orlib-pmed/pmed1.txt', import.meta.url));
  it.skipIf(!existsSync(pmed1))('solves pmed1 to its optimum 5819 and proves it', async () => {
    const instance = parsePMedian(readFileSync(pmed1, 'utf8'));
    const result = await optimiseLocation(
      {
        demandCount: instance.n,
        siteCount: instance.n,
        cost: instance.dist,
        weights: new Float64Array(instance.n).fill(1),
      },
      { model: 'p-median', p: instance.p },
      { method: 'heuristic' },
    );
    expect(result.objective).toBe(5819);
    expect(result.status).toBe('optimal');
  });
});

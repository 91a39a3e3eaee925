import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocationModel, LocationSpec, OptimiseResult } from '../../model/index.js';
import { enumerateSolutions } from './enumerate.js';
import { optimiseLocation } from './index.js';
import { recompute, type SmallCase, smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';

const models: LocationModel[] = [
  'p-median',
  'max-covering',
  'set-covering',
  'p-center',
  'capacitated-p-median',
];

const specFor = (model: LocationModel, c: SmallCase, close?: number): LocationSpec => ({
  model,
  ...(close !== undefined ? { closeCount: close } : model === 'set-covering' ? {} : { p: c.p }),
  coverRadius: c.radius,
});

/** The optimum by enumeration, or null when no solution satisfies the model. */
const bruteForce = (c: SmallCase, spec: LocationSpec) => {
  const prepared = prepareProblem(c.problem, spec);
  const found = enumerateSolutions(prepared, spec.model, c.radius);
  return found?.feasible ? found.objective : null;
};

const better = (model: LocationModel, a: number, b: number) =>
  model === 'max-covering' ? a >= b - 1e-9 : a <= b + 1e-9;

/** Checks everything a result promises, against the instance itself. */
const checkResult = (c: SmallCase, spec: LocationSpec, result: OptimiseResult) => {
  const { problem } = c;
  const status = Array.from(problem.siteStatus ?? []);
  if (result.status === 'infeasible') return;
  for (let j = 0; j < problem.siteCount; j++) if (status[j] === 'fixed') expect(result.open).toContain(j);
  if (spec.closeCount !== undefined) {
    const kept = status.filter((s) => s !== 'candidate').length - spec.closeCount;
    if (spec.model === 'set-covering') expect(result.open.length).toBeLessThanOrEqual(kept);
    else expect(result.open.length).toBe(kept);
    for (const j of result.open) expect(status[j]).not.toBe('candidate');
  } else if (spec.model !== 'set-covering') {
    expect(result.open.length).toBe(spec.p);
  }
  expect(new Set(result.open).size).toBe(result.open.length);
  expect(result.objective).toBeCloseTo(
    recompute(problem, spec.model, { open: result.open, assignment: result.assignment, radius: c.radius }),
    6,
  );
  for (let i = 0; i < problem.demandCount; i++) expect(result.open).toContain(result.assignment[i]);
  if (spec.model === 'capacitated-p-median') {
    const load = new Map<number, number>();
    result.assignment.forEach((j, i) => {
      load.set(j, (load.get(j) ?? 0) + (problem.demands?.[i] ?? 0));
    });
    for (const [j, l] of load) expect(l).toBeLessThanOrEqual((problem.capacities?.[j] ?? 0) + 1e-9);
  }
  if (spec.model === 'set-covering') {
    for (let i = 0; i < problem.demandCount; i++) {
      if ((problem.weights[i] as number) > 0) {
        const reach = Math.min(...result.open.map((j) => problem.cost[i * problem.siteCount + j] as number));
        expect(reach).toBeLessThanOrEqual(c.radius);
      }
    }
  }
};

describe('heuristics against brute force', () => {
  for (const model of models) {
    it(`${model}: feasible, objective as recomputed, never better than the optimum, bound valid`, async () => {
      await fc.assert(
        fc.asyncProperty(smallCase({ statuses: true }), fc.boolean(), async (c, consolidate) => {
          const existing = Array.from(c.problem.siteStatus ?? []).filter((s) => s !== 'candidate').length;
          const fixed = Array.from(c.problem.siteStatus ?? []).filter((s) => s === 'fixed').length;
          const close = consolidate && existing > fixed && existing > 1 ? 1 : undefined;
          const spec = specFor(model, c, close);
          const optimum = bruteForce(c, spec);
          const result = await optimiseLocation(c.problem, spec, {
            method: 'heuristic',
            maxIdleIterations: 30,
            timeLimitSeconds: 20,
          });
          if (optimum === null) {
            if (model === 'set-covering' || model === 'capacitated-p-median')
              expect(result.status).toBe('infeasible');
            return;
          }
          expect(result.status).not.toBe('infeasible');
          checkResult(c, spec, result);
          expect(better(model, optimum, result.objective ?? Number.NaN)).toBe(true);
          if (result.bound !== null) expect(better(model, result.bound, optimum)).toBe(true);
          if (result.status === 'optimal') expect(result.objective).toBeCloseTo(optimum, 6);
        }),
        { numRuns: 40, seed: 5 },
      );
    });
  }

  it('p-median and maximal covering heuristics reach the optimum on small instances', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallCase(),
        fc.constantFrom<LocationModel>('p-median', 'max-covering'),
        async (c, model) => {
          const spec = specFor(model, c);
          const optimum = bruteForce(c, spec);
          const result = await optimiseLocation(c.problem, spec, {
            method: 'heuristic',
            maxIdleIterations: 50,
          });
          expect(result.objective).toBeCloseTo(optimum ?? Number.NaN, 6);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('HiGHS against brute force', () => {
  for (const model of models) {
    it(`${model}: the exact MILP finds the enumerated optimum`, async () => {
      await fc.assert(
        fc.asyncProperty(smallCase({ maxDemand: 6, maxSites: 5, statuses: true }), async (c) => {
          const spec = specFor(model, c);
          const optimum = bruteForce(c, spec);
          const result = await optimiseLocation(c.problem, spec, { method: 'exact', timeLimitSeconds: 20 });
          if (optimum === null) {
            if (model === 'set-covering' || model === 'capacitated-p-median')
              expect(result.status).toBe('infeasible');
            return;
          }
          expect(result.status).toBe('optimal');
          expect(result.method).toBe('exact');
          checkResult(c, spec, result);
          expect(result.objective).toBeCloseTo(optimum, 6);
          expect(result.gap).toBe(0);
        }),
        { numRuns: 15, seed: 3 },
      );
    });
  }
});

describe('control', () => {
  const c = fc.sample(smallCase({ maxDemand: 8, maxSites: 7 }), { numRuns: 1, seed: 42 })[0] as SmallCase;

  it('is deterministic for a seed', async () => {
    const run = () =>
      optimiseLocation(c.problem, specFor('p-median', c), {
        method: 'heuristic',
        seed: 7,
        maxIdleIterations: 20,
      });
    const [a, b] = [await run(), await run()];
    expect(a.open).toEqual(b.open);
    expect(a.objective).toBe(b.objective);
  });

  it('returns the best solution so far, flagged, when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await optimiseLocation(
      c.problem,
      specFor('capacitated-p-median', { ...c, p: c.problem.siteCount }),
      { method: 'heuristic' },
      { signal: controller.signal },
    );
    expect(result.cancelled).toBe(true);
    expect(result.open.length).toBe(c.problem.siteCount);
  });

  it('reports progress', async () => {
    const phases: string[] = [];
    await optimiseLocation(
      c.problem,
      specFor('p-median', c),
      { method: 'heuristic', maxIdleIterations: 10 },
      {
        onProgress: (progress) => phases.push(progress.phase),
      },
    );
    expect(phases[0]).toBe('start');
    expect(phases.at(-1)).toBe('done');
  });

  it('rejects impossible requests', async () => {
    await expect(optimiseLocation(c.problem, { model: 'p-median', p: 99 })).rejects.toThrow(/exceeds/);
    await expect(optimiseLocation(c.problem, { model: 'max-covering', p: 1 })).rejects.toThrow(/coverRadius/);
  });
});

describe('unreachable demand', () => {
  it('serves what can be reached and leaves the rest unassigned', async () => {
    const inf = Number.POSITIVE_INFINITY;
    // Three demand points, three sites; the third demand reaches no site, the second only site 2.
    const cost = Float64Array.from([1, 5, 9, inf, inf, 2, inf, inf, inf]);
    const problem = { demandCount: 3, siteCount: 3, cost, weights: [1, 1, 1] };
    const result = await optimiseLocation(problem, { model: 'p-median', p: 2 }, { method: 'heuristic' });
    expect(result.open).toEqual([0, 2]);
    expect(result.assignment).toEqual([0, 2, -1]);
    expect(result.objective).toBe(3);
    expect(result.status).toBe('optimal');
    const exact = await optimiseLocation(problem, { model: 'p-median', p: 2 }, { method: 'exact' });
    expect(exact.objective).toBe(3);
  });
});

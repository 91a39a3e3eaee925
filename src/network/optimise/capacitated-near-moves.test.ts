import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedCosts } from './capacitated.js';
import { Assigner } from './capacitated-assigner.js';
import { ejectNearDemand, nearOpenCount, nearOpenSites, swapNearDemands } from './capacitated-near-moves.js';
import { locateAllocate } from './capacitated-start.js';
import { evaluate } from './evaluate.js';
import { smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';

describe('capacitated moves within neighbourhoods', () => {
  it('keep a feasible assignment feasible, its loads true, and never raise its cost', () => {
    fc.assert(
      fc.property(
        smallCase({ maxDemand: 8, maxSites: 7 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (c, order) => {
          const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
          const sites = Int32Array.from({ length: prepared.p }, (_, k) => k);
          const assigner = new Assigner(prepared, weightedCosts(prepared));
          if (!assigner.assign(sites)) return;
          const near = nearOpenSites(assigner, sites, nearOpenCount);
          let before = assigner.total();
          for (const swap of order) {
            if (swap) swapNearDemands(assigner, near, () => false);
            else ejectNearDemand(assigner, near, () => false);
            const check = evaluate(prepared, 'capacitated-p-median', sites, {
              assignment: assigner.assignment,
            });
            expect(check.feasible).toBe(true);
            expect(check.objective).toBeCloseTo(assigner.total(), 9);
            expect(assigner.total()).toBeLessThanOrEqual(before + 1e-9);
            const load = new Float64Array(prepared.m);
            for (let i = 0; i < prepared.n; i++) {
              const k = assigner.assignment[i] as number;
              load[k] = (load[k] as number) + (prepared.demands[i] as number);
            }
            for (let k = 0; k < prepared.m; k++) expect(assigner.load[k]).toBeCloseTo(load[k] as number, 9);
            before = assigner.total();
          }
        },
      ),
      { numRuns: 150, seed: 47 },
    );
  });

  it('lists each demand its nearest open sites, cheapest first', () => {
    fc.assert(
      fc.property(smallCase({ maxDemand: 8, maxSites: 9 }), (c) => {
        const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
        const sites = Int32Array.from({ length: prepared.p }, (_, k) => prepared.m - 1 - k);
        const assigner = new Assigner(prepared);
        const count = 3;
        const near = nearOpenSites(assigner, sites, count);
        const { m, cost } = assigner;
        for (let i = 0; i < prepared.n; i++) {
          const expected = Array.from(sites)
            .map((k) => cost[i * m + k] as number)
            .sort((a, b) => a - b)
            .slice(0, count);
          const listed = Array.from(near.subarray(i * count, i * count + Math.min(count, sites.length))).map(
            (k) => cost[i * m + k] as number,
          );
          expect(listed).toEqual(expected);
        }
      }),
      { numRuns: 100, seed: 53 },
    );
  });

  it('locate–allocate keeps p distinct medians and every fixed one', () => {
    fc.assert(
      fc.property(smallCase({ maxDemand: 8, maxSites: 9, statuses: true }), fc.nat(5), (c, rounds) => {
        const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
        const fixedSites = Array.from({ length: prepared.m }, (_, k) => k).filter(
          (k) => prepared.fixed[k] === 1,
        );
        const free = Array.from({ length: prepared.m }, (_, k) => k).filter((k) => prepared.fixed[k] === 0);
        const sites = Int32Array.from([...fixedSites, ...free].slice(0, prepared.p));
        locateAllocate(prepared, weightedCosts(prepared), sites, { stop: () => false, rounds });
        expect(new Set(sites).size).toBe(prepared.p);
        for (const k of fixedSites) expect(Array.from(sites)).toContain(k);
        for (const k of sites) expect(k >= 0 && k < prepared.m).toBe(true);
      }),
      { numRuns: 100, seed: 59 },
    );
  });
});

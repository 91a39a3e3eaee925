import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveCapacitated } from './capacitated.js';
import { evaluate } from './evaluate.js';
import { smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';
import { seededRandom } from './random.js';
import { makeBudget } from './types.js';

describe('capacitated search', () => {
  it('keeps distinct median sets, best first, each with a feasible assignment of the stated cost', () => {
    fc.assert(
      fc.property(smallCase({ maxDemand: 8, maxSites: 7 }), (c) => {
        const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
        const start = Int32Array.from({ length: prepared.p }, (_, k) => k);
        const budget = makeBudget({ timeLimitMs: 5_000 });
        const solution = solveCapacitated(prepared, start, {
          random: seededRandom(3),
          budget,
          maxIdleIterations: 30,
        });
        if (!solution.feasible) {
          expect(solution.elite).toEqual([]);
          return;
        }
        const first = solution.elite[0];
        expect(first?.objective).toBeCloseTo(solution.objective, 9);
        const keys = new Set<string>();
        let previous = Number.NEGATIVE_INFINITY;
        for (const entry of solution.elite) {
          const key = entry.sites.join(',');
          expect(keys.has(key)).toBe(false);
          keys.add(key);
          expect(entry.objective).toBeGreaterThanOrEqual(previous);
          previous = entry.objective;
          const check = evaluate(prepared, 'capacitated-p-median', entry.sites, {
            assignment: entry.assignment,
          });
          expect(check.feasible).toBe(true);
          expect(check.objective).toBeCloseTo(entry.objective, 6);
        }
      }),
      { numRuns: 60, seed: 23 },
    );
  });
});

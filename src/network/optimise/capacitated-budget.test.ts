import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveCapacitated, weightedCosts } from './capacitated.js';
import { capacitatedBound } from './capacitated-bound.js';
import { enumerateSolutions } from './enumerate.js';
import { evaluate } from './evaluate.js';
import { euclideanCapacitated, smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';
import { seededRandom } from './random.js';
import { type Budget, makeBudget } from './types.js';

/** A budget that runs out after `checks` looks at it, whatever the clock says (an hour of it). */
const countedBudget = (checks: number): Budget & { looks: () => number } => {
  let looks = 0;
  const budget = makeBudget({ timeLimitMs: 3_600_000 });
  return Object.assign(budget, { spent: () => ++looks > checks, looks: () => looks });
};

describe('capacitated search within its budget', () => {
  const prepared = euclideanCapacitated(300, 30, 5);
  const start = Int32Array.from({ length: prepared.p }, (_, k) => k * 10);

  it.each([1, 3, 40, 400])(
    'stops when the budget says so after %i looks, with a whole solution',
    (checks) => {
      const budget = countedBudget(checks);
      const solution = solveCapacitated(prepared, start, {
        random: seededRandom(1),
        budget,
        maxIdleIterations: 1_000_000,
      });
      // The budget was spent (no idle limit could end this search) and was looked at no more after that.
      expect(budget.stopped).toBe('time');
      expect(budget.looks()).toBe(checks + 1);
      expect(solution.assignment.every((k) => k >= 0)).toBe(true);
      if (checks <= 3) expect(solution.iterations).toBe(0);
      if (solution.feasible) {
        const check = evaluate(prepared, 'capacitated-p-median', solution.sites, {
          assignment: solution.assignment,
        });
        expect(check.feasible).toBe(true);
        expect(check.objective).toBeCloseTo(solution.objective, 6);
      }
    },
  );

  it('a search stopped at once still holds a feasible solution on a 90 % tight instance', () => {
    const solution = solveCapacitated(prepared, start, {
      random: seededRandom(1),
      budget: countedBudget(0),
      maxIdleIterations: 1_000_000,
    });
    expect(solution.feasible).toBe(true);
  });
});

describe('capacitated Lagrangian bound within its budget', () => {
  it('is a lower bound however early it is stopped, cold or from a solution', () => {
    fc.assert(
      fc.property(smallCase({ maxDemand: 7, maxSites: 5 }), fc.nat(400), fc.boolean(), (c, checks, warm) => {
        const prepared = prepareProblem(c.problem, { model: 'capacitated-p-median', p: c.p });
        const optimum = enumerateSolutions(prepared, 'capacitated-p-median');
        if (!optimum || optimum.assignment === null) return;
        const cost = weightedCosts(prepared);
        const multipliers = new Float64Array(prepared.n);
        if (warm)
          for (let i = 0; i < prepared.n; i++)
            multipliers[i] = cost[i * prepared.m + (optimum.assignment[i] as number)] as number;
        let looks = 0;
        const bound = capacitatedBound(prepared, {
          upperBound: optimum.objective,
          stop: () => ++looks > checks,
          multipliers,
          cost,
        });
        expect(bound).toBeLessThanOrEqual(optimum.objective + 1e-6);
      }),
      { numRuns: 120, seed: 29 },
    );
  });
});

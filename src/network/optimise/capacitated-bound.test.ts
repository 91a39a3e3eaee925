import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedCosts } from './capacitated.js';
import { CapacitatedLagrangian } from './capacitated-bound.js';
import { enumerateSolutions } from './enumerate.js';
import { type SmallCase, smallCase } from './instances.fixture.js';
import { prepareProblem } from './prepare.js';
import type { PreparedProblem } from './types.js';

/** The small case with whole capacities when `integral` (the knapsacks are then solved by the table). */
const prepare = (c: SmallCase, integral: boolean) =>
  prepareProblem(
    {
      ...c.problem,
      capacities: Array.from(c.problem.capacities ?? [], (q) => (integral ? Math.floor(q) : q)),
    },
    { model: 'capacitated-p-median', p: c.p },
  );

/** L(λ) by brute force: every subset of the demand of negative reduced cost that fits each site. */
const bruteBound = (prepared: PreparedProblem, lambda: Float64Array): number => {
  const { n, m, p, fixed, demands, capacities } = prepared;
  const cost = weightedCosts(prepared);
  const rho: number[] = [];
  for (let k = 0; k < m; k++) {
    let least = 0;
    for (let subset = 1; subset < 1 << n; subset++) {
      let load = 0;
      let value = 0;
      for (let i = 0; i < n; i++) {
        if ((subset & (1 << i)) === 0) continue;
        load += demands[i] as number;
        value += (cost[i * m + k] as number) - (lambda[i] as number);
      }
      if (load <= (capacities[k] as number) + 1e-9) least = Math.min(least, value);
    }
    rho.push(least);
  }
  let value = lambda.reduce((a, b) => a + b, 0);
  const free: number[] = [];
  for (let k = 0; k < m; k++) {
    if (fixed[k] === 1) value += rho[k] as number;
    else free.push(rho[k] as number);
  }
  free.sort((a, b) => a - b);
  for (let t = 0; t < p - prepared.fixedCount; t++) value += free[t] as number;
  return value;
};

const multipliers = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 8, maxLength: 8 });

describe('capacitated Lagrangian bound', () => {
  it('gives the same L(λ) from the sorted near sites as from whole rows, and the exact one for whole capacities', () => {
    fc.assert(
      fc.property(
        smallCase({ maxDemand: 7, maxSites: 6, statuses: true }),
        fc.boolean(),
        multipliers,
        fc.integer({ min: 1, max: 3 }),
        (c, integral, values, nearCount) => {
          const prepared = prepare(c, integral);
          const lambda = Float64Array.from({ length: prepared.n }, (_, i) => (values[i] as number) / 2);
          const listed = new CapacitatedLagrangian(prepared, undefined, { nearCount }).boundAt(lambda);
          const whole = new CapacitatedLagrangian(prepared, undefined, { nearCount: prepared.m }).boundAt(
            lambda,
          );
          expect(listed).not.toBeNull();
          expect(listed as number).toBeCloseTo(whole as number, 9);
          // The table solves each knapsack exactly; the ratio greedy gives its relaxation, never more.
          const exact = bruteBound(prepared, lambda);
          if (prepared.integral || integral) expect(listed as number).toBeLessThanOrEqual(exact + 1e-9);
          const wholeCapacities = Array.from(prepared.capacities).every((q) => Number.isInteger(q));
          const wholeDemands = Array.from(prepared.demands).every((q) => Number.isInteger(q));
          if (wholeCapacities && wholeDemands) expect(listed as number).toBeCloseTo(exact, 9);
        },
      ),
      { numRuns: 150, seed: 41 },
    );
  });

  it('stays below the optimum from any warm start and wherever its steps are stopped', () => {
    fc.assert(
      fc.property(
        smallCase({ maxDemand: 7, maxSites: 5, statuses: true }),
        fc.boolean(),
        fc.nat(300),
        fc.boolean(),
        (c, integral, checks, fromSolution) => {
          const prepared = prepare(c, integral);
          const optimum = enumerateSolutions(prepared, 'capacitated-p-median');
          if (!optimum || optimum.assignment === null) return;
          let looks = 0;
          const stop = () => ++looks > checks;
          const lagrangian = new CapacitatedLagrangian(prepared, undefined, { nearCount: 2 });
          lagrangian.start(stop, fromSolution ? optimum.assignment : undefined);
          const bound = lagrangian.run(optimum.objective, stop, 500);
          expect(bound).toBeLessThanOrEqual(optimum.objective + 1e-6);
          // A later run continues from the same multipliers and never loses the best bound.
          const again = lagrangian.run(optimum.objective, () => false, 50);
          expect(again).toBeGreaterThanOrEqual(bound);
          expect(again).toBeLessThanOrEqual(optimum.objective + 1e-6);
        },
      ),
      { numRuns: 120, seed: 43 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { solveAssignment } from './assignment-milp.js';
import { prepareProblem } from './prepare.js';

/** Least cost of sending each demand whole to one of `sites` within capacity, by enumeration. */
const enumerateAssignments = (
  cost: number[][],
  demands: number[],
  capacity: number,
  sites: number[],
): number => {
  let best = Number.POSITIVE_INFINITY;
  const load = new Map<number, number>();
  const walk = (i: number, sum: number) => {
    if (i === demands.length) {
      best = Math.min(best, sum);
      return;
    }
    for (const k of sites) {
      const after = (load.get(k) ?? 0) + (demands[i] as number);
      if (after > capacity) continue;
      load.set(k, after);
      walk(i + 1, sum + (cost[i]?.[k] as number));
      load.set(k, after - (demands[i] as number));
    }
  };
  walk(0, 0);
  return best;
};

describe('exact assignment for fixed medians', () => {
  it('matches enumeration where greedy nearest assignment breaks capacity', async () => {
    // Six demands on a line, sites at 0 and 5; nearest assignment would overload site 0.
    const positions = [0, 1, 2, 3, 5, 6];
    const demands = [3, 2, 2, 2, 1, 3];
    const capacity = 7;
    const cost = positions.map((a) => positions.map((b) => Math.abs(a - b)));
    const prepared = prepareProblem(
      {
        demandCount: 6,
        siteCount: 6,
        cost: Float64Array.from(cost.flat()),
        weights: new Float64Array(6).fill(1),
        demands,
        capacities: new Float64Array(6).fill(capacity),
      },
      { model: 'capacitated-p-median', p: 2 },
    );
    const sites = Int32Array.from([0, 4]);
    const start = Int32Array.from([0, 0, 0, 4, 4, 4]);
    const exact = await solveAssignment(prepared, sites, { start, timeLimitSeconds: 10 });
    const expected = enumerateAssignments(cost, demands, capacity, [0, 4]);
    expect(exact?.objective).toBeCloseTo(expected, 9);
    const loads = new Map<number, number>();
    let total = 0;
    exact?.assignment.forEach((k, i) => {
      loads.set(k, (loads.get(k) ?? 0) + (demands[i] as number));
      total += cost[i]?.[k] as number;
    });
    expect(total).toBeCloseTo(expected, 9);
    for (const load of loads.values()) expect(load).toBeLessThanOrEqual(capacity);
  });
});

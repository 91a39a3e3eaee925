import { describe, expect, it } from 'vitest';
import { demandOnCells, solveEquity } from './optimise-equity.js';

// Three cells in a row and three sites at them; a minute between neighbours.
const instance = {
  cellCodes: ['A', 'B', 'C'],
  siteCount: 3,
  cost: Float64Array.from([0, 1, 2, 1, 0, 1, 2, 1, 0]),
  weights: Float64Array.from([10, 10, 10]),
  capacities: [12, 5, 12],
  p: 2,
};
const never = () => false;

describe('equity models over a scenario matrix', () => {
  it('covers within capacity: no site serves more than its room', () => {
    const solution = solveEquity('capacitated-covering', instance, {
      coverMinutes: 1,
      scenarios: [],
      stop: never,
    });
    // A and C (room 12 each) reach B within a minute: 24 of the 30 served, B's demand split between them.
    expect(solution).toMatchObject({ open: [0, 2], covered: 24, exact: true });
    solution.open.forEach((s, t) => {
      expect(solution.load?.[t]).toBeLessThanOrEqual(instance.capacities[s] as number);
    });
  });

  it('minimises the largest regret over the demand scenarios', () => {
    const solution = solveEquity(
      'minimax-regret',
      { ...instance, p: 1 },
      {
        coverMinutes: 0,
        scenarios: [
          { name: 'west', weights: [10, 0, 0] },
          { name: 'east', weights: [0, 0, 10] },
        ],
        stop: never,
      },
    );
    // The middle site is 10 behind either scenario's best; an end one is 20 behind the other's.
    expect(solution).toMatchObject({ open: [1], maxRegret: 10, objective: 10, exact: true });
  });

  it('says an answer stopped early is not proven best', () => {
    const solution = solveEquity('capacitated-covering', instance, {
      coverMinutes: 1,
      scenarios: [],
      stop: () => true,
    });
    expect(solution.exact).toBe(false);
    expect(solution.open).toHaveLength(2);
  });

  it('lays another year demand onto the cells by code, leaving out cells not among them', () => {
    const data = {
      cells: {
        codes: ['C', 'Z'],
        x: new Float64Array(2),
        y: new Float64Array(2),
        total: new Float64Array(2),
        aged75: new Float64Array(2),
        children: new Float64Array(2),
        byAgeGroup: [],
      },
      classes: [
        {
          serviceClass: { code: 'HC' },
          ratePerResident: [],
          inPersonShare: 0.5,
          projected: Float64Array.from([8, 4]),
        },
      ],
    } as unknown as Parameters<typeof demandOnCells>[1];
    expect(demandOnCells(['A', 'B', 'C'], data, 'HC')).toEqual([0, 0, 4]);
    expect(demandOnCells(['A'], data, 'NOPE')).toEqual([0]);
  });
});

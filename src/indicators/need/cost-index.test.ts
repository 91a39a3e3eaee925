import { describe, expect, it } from 'vitest';
import type { NeedCoefficientSet } from '../../model/index.js';
import { ageSexStandardisedCost, needsStandardisedCostIndex } from './cost-index.js';

const coefficients: NeedCoefficientSet = {
  year: 2024,
  method: 'thlRegression',
  reference: { level: 'county', code: '99', name: 'Testimaa' },
  sectorWeights: { health: 0.5, social: 0.3, elderly: 0.2 },
  areas: [
    { areaCode: 'A', name: 'A', health: 1, social: 1, elderly: 1, total: 1.25 },
    { areaCode: 'B', name: 'B', health: 1, social: 1, elderly: 1, total: 0.8 },
    { areaCode: 'C', name: 'C', health: 1, social: 1, elderly: 1, total: 1 },
  ],
};

describe('needsStandardisedCostIndex', () => {
  it('is cost per resident over the reference’s, divided by the need coefficient, times 100', () => {
    // A: 1 000 residents, 5 M€ → 5 000 €/resident; B: 3 000, 9 M€ → 3 000 €. Reference 14 M€ / 4 000 = 3 500 €.
    const result = needsStandardisedCostIndex(coefficients, [
      { areaCode: 'A', population: 1000, netCostEuros: 5_000_000 },
      { areaCode: 'B', population: 3000, netCostEuros: 9_000_000 },
    ]);
    expect(result.referenceCostPerResidentEuros).toBe(3500);
    expect(result.method).toBe('thlRegression');
    const [a, b, ...rest] = result.rows;
    expect(rest).toEqual([]); // C has no cost
    expect(a?.rawIndex).toBeCloseTo((5000 / 3500) * 100, 10);
    expect(a?.costIndex).toBeCloseTo(((5000 / 3500) * 100) / 1.25, 10);
    expect(a?.needsStandardisedCostPerResidentEuros).toBe(4000);
    expect(b?.costIndex).toBeCloseTo(((3000 / 3500) * 100) / 0.8, 10);
  });

  it('takes the country’s cost per resident when given', () => {
    const result = needsStandardisedCostIndex(
      coefficients,
      [{ areaCode: 'C', population: 10, netCostEuros: 40_000 }],
      5000,
    );
    expect(result.rows[0]?.costIndex).toBe(80);
  });
});

describe('ageSexStandardisedCost', () => {
  it('standardises against the county the areas make up and says so', () => {
    const result = ageSexStandardisedCost(
      {
        year: 2024,
        ageBandStarts: [0, 65],
        areas: [
          { code: 'Y', name: 'Young' },
          { code: 'O', name: 'Old' },
        ],
        population: [
          { areaCode: 'Y', age: 30, sex: 'female', count: 100 },
          { areaCode: 'O', age: 80, sex: 'female', count: 100 },
        ],
        reference: {
          level: 'county',
          code: '99',
          name: 'Testimaa',
          population: [
            { age: 30, sex: 'female', count: 100 },
            { age: 80, sex: 'female', count: 100 },
          ],
          costs: [
            { age: 30, sex: 'female', sector: 'health', costEuros: 100_000 },
            { age: 80, sex: 'female', sector: 'health', costEuros: 300_000 },
          ],
        },
      },
      [
        { areaCode: 'Y', netCostEuros: 110_000 },
        { areaCode: 'O', netCostEuros: 290_000 },
      ],
    );
    expect(result.method).toBe('indirectAgeSex');
    // Need: Y 1 000 / 2 000 = 0.5, O 3 000 / 2 000 = 1.5. Costs per resident 1 100 and 2 900 against 2 000.
    const [y, o] = result.rows;
    expect(y?.needCoefficient).toBeCloseTo(0.5, 12);
    expect(y?.costIndex).toBeCloseTo(110, 10);
    expect(o?.costIndex).toBeCloseTo(145 / 1.5, 10);
  });
});

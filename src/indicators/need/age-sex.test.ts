import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sex } from '../../model/index.js';
import { type AgeSexStandardisationInput, ageSexNeedCoefficients, type PopulationCell } from './age-sex.js';

/**
 * Two bands (under 65, 65+). Reference: 100 young men costing 100 € each in health care, 100 old women
 * costing 1 000 € each in elderly care (and 200 € in health care). Reference per resident: health
 * (10 000 + 20 000) / 200 = 150, elderly 100 000 / 200 = 500.
 * Area X: 30 young men, 10 old women → health (30·100 + 10·200) / 40 = 125, elderly 10·1 000 / 40 = 250.
 */
const input: AgeSexStandardisationInput = {
  year: 2024,
  ageBandStarts: [0, 65],
  areas: [
    { code: 'X', name: 'Iksi' },
    { code: 'Y', name: 'Yyy' },
  ],
  population: [
    { areaCode: 'X', age: 30, sex: 'male', count: 30 },
    { areaCode: 'X', age: 80, sex: 'female', count: 10 },
    { areaCode: 'Y', age: 70, sex: 'female', count: 50 },
  ],
  reference: {
    level: 'county',
    code: '99',
    name: 'Testimaa',
    population: [
      { age: 40, sex: 'male', count: 100 },
      { age: 75, sex: 'female', count: 100 },
    ],
    costs: [
      { age: 40, sex: 'male', sector: 'health', costEuros: 10_000 },
      { age: 75, sex: 'female', sector: 'health', costEuros: 20_000 },
      { age: 75, sex: 'female', sector: 'elderly', costEuros: 100_000 },
    ],
  },
};

describe('ageSexNeedCoefficients', () => {
  it('is the expected cost per resident at the reference rates over the reference’s own', () => {
    const result = ageSexNeedCoefficients(input);
    expect(result.method).toBe('indirectAgeSex');
    expect(result.reference).toEqual({ level: 'county', code: '99', name: 'Testimaa' });
    // Weights are the reference's cost shares: 150 / 650 and 500 / 650.
    expect(result.sectorWeights.health).toBeCloseTo(150 / 650, 12);
    expect(result.sectorWeights.social).toBe(0);
    const [x, y] = result.areas;
    expect(x?.health).toBeCloseTo(125 / 150, 12);
    expect(x?.elderly).toBeCloseTo(250 / 500, 12);
    // No social cost in the reference: no information, the coefficient stays 1.
    expect(x?.social).toBe(1);
    // Total = expected cost per resident over the reference's: (125 + 250) / 650.
    expect(x?.total).toBeCloseTo(375 / 650, 12);
    // Y is all old women: health 200 / 150, elderly 1 000 / 500.
    expect(y?.health).toBeCloseTo(200 / 150, 12);
    expect(y?.elderly).toBeCloseTo(2, 12);
    expect(y?.total).toBeCloseTo(1200 / 650, 12);
  });

  it('gives an area without residents the coefficient 0, not NaN', () => {
    const result = ageSexNeedCoefficients({ ...input, areas: [{ code: 'Z', name: 'Tyhjä' }] });
    expect(result.areas[0]).toMatchObject({ health: 0, elderly: 0, total: expect.any(Number) });
    expect(Number.isFinite(result.areas[0]?.total)).toBe(true);
  });

  const cells = fc.array(
    fc.record({
      age: fc.integer({ min: 0, max: 100 }),
      sex: fc.constantFrom<Sex>('male', 'female'),
      count: fc.integer({ min: 1, max: 500 }),
    }),
    { minLength: 1, maxLength: 30 },
  );

  it('gives 1 to an area shaped exactly like the reference, whatever its size', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 1, max: 9 }), (population, scale) => {
        const costs = population.map((p, i) => ({
          age: p.age,
          sex: p.sex,
          sector: (['health', 'social', 'elderly'] as const)[i % 3] ?? 'health',
          costEuros: p.count * (10 + p.age),
        }));
        const areaCells: PopulationCell[] = population.map((p) => ({
          ...p,
          areaCode: 'A',
          count: p.count * scale,
        }));
        const result = ageSexNeedCoefficients({
          year: 2024,
          areas: [{ code: 'A', name: 'A' }],
          population: areaCells,
          reference: { level: 'county', code: null, name: 'R', population, costs },
        });
        expect(result.areas[0]?.total).toBeCloseTo(1, 9);
      }),
    );
  });

  it('weighs the areas’ totals so that, weighted by residents, they average to 1 against their union', () => {
    fc.assert(
      fc.property(cells, cells, (first, second) => {
        const population: PopulationCell[] = [
          ...first.map((p) => ({ ...p, areaCode: 'A' })),
          ...second.map((p) => ({ ...p, areaCode: 'B' })),
        ];
        const costs = population.map((p) => ({
          age: p.age,
          sex: p.sex,
          sector: 'health' as const,
          costEuros: p.count * (1 + p.age * p.age),
        }));
        const result = ageSexNeedCoefficients({
          year: 2024,
          areas: [
            { code: 'A', name: 'A' },
            { code: 'B', name: 'B' },
          ],
          population,
          reference: { level: 'county', code: null, name: 'R', population, costs },
        });
        const residents = (rows: typeof first) => rows.reduce((s, p) => s + p.count, 0);
        const [a, b] = result.areas;
        const weighted =
          ((a?.total ?? 0) * residents(first) + (b?.total ?? 0) * residents(second)) /
          (residents(first) + residents(second));
        expect(weighted).toBeCloseTo(1, 9);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type NeedRegressionModel, sectorNeed, thlNeedCoefficients } from './regression.js';

const model: NeedRegressionModel = {
  year: 2022,
  variables: [
    { name: 'Diabetes', block: 'allResidents', coefficients: { health: 100, social: null, elderly: null } },
    { name: 'Naimaton', block: 'allResidents', coefficients: { health: null, social: 50, elderly: null } },
    { name: 'Diabetes', block: 'over65', coefficients: { health: null, social: null, elderly: 1000 } },
  ],
  constants: { health: 1000, social: 200, elderly: 5000 },
  sectorWeights: { health: 0.5, social: 0.3, elderly: 0.2 },
  referenceName: 'Koko maa',
  areas: [
    { name: 'A', code: 'A', means: [0.5, 2, 0.1], population: 1000, over65Share: 0.3 },
    { name: 'Koko maa', code: 'SSS', means: [0.25, 1, 0.2], population: 3000, over65Share: 0.2 },
  ],
};

describe('thlNeedCoefficients', () => {
  it('is the constant plus each coefficient times the area mean, for each sector', () => {
    const a = model.areas[0];
    if (!a) throw new Error('fixture');
    expect(sectorNeed(model, a, 'health')).toBe(1050);
    expect(sectorNeed(model, a, 'social')).toBe(300);
    expect(sectorNeed(model, a, 'elderly')).toBe(5100);
  });

  it('divides by the country and scales elderly care by the relative share of over-65s', () => {
    const result = thlNeedCoefficients(model);
    expect(result.method).toBe('thlRegression');
    expect(result.reference).toEqual({ level: 'country', code: 'SSS', name: 'Koko maa' });
    const [a, country] = result.areas;
    expect(a?.health).toBeCloseTo(1050 / 1025, 12);
    expect(a?.social).toBeCloseTo(1.2, 12);
    expect(a?.elderly).toBeCloseTo((5100 / 5200) * 1.5, 12);
    // 0.5·1.024390 + 0.3·1.2 + 0.2·1.471154 = 1.166426
    expect(a?.total).toBeCloseTo(1.166426, 6);
    expect(country).toMatchObject({ health: 1, social: 1, elderly: 1, total: 1 });
  });

  it('refuses a model without its reference area', () => {
    expect(() => thlNeedCoefficients({ ...model, referenceName: 'Ahvenanmaa' })).toThrow(/reference/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ForecastAssumptions } from '../model/index.js';
import { emptyRates, projectCohorts } from './cohort.js';
import { estimateRates, type PopulationHistory } from './estimate.js';
import { ageCount, groupCount, sum } from './layout.js';
import { referenceDeathProbability } from './reference-rates.js';

/** Two areas that age by the reference table; the town gains 4 % of its young adults a year, the village loses 2 %. */
const twoAreas = (years: number): PopulationHistory => {
  const rates = emptyRates(2);
  const reference = referenceDeathProbability();
  for (let area = 0; area < 2; area++)
    for (let g = 0; g < groupCount; g++) {
      rates.deathProbability[area * groupCount + g] = reference[g] as number;
      const age = g % ageCount;
      rates.netMigrationRate[area * groupCount + g] =
        age >= 20 && age <= 34 ? (area === 0 ? 0.04 : -0.02) : 0;
    }
  const base = new Float64Array(2 * groupCount);
  for (let i = 0; i < base.length; i++) base[i] = i < groupCount ? 2000 : 1000;
  const result = projectCohorts(base, rates, years);
  return {
    years: Array.from({ length: years + 1 }, (_, i) => 2020 + i),
    areaCodes: ['001', '002'],
    population: result.population,
  };
};

const assumptions = ForecastAssumptions.parse({ smoothingExposure: 0 });

describe('a short history', () => {
  it('says how many years the rates rest on and warns below five', () => {
    const { basis } = estimateRates(twoAreas(2), 2, assumptions);
    expect(basis.historyYears).toBe(2);
    expect(basis.firstYear).toBe(2020);
    expect(basis.migration).toEqual({ source: 'county', halfLifeYears: 2 });
    expect(basis.mortality.improvementSource).toBe('default');
    expect(basis.warnings.some((w) => w.includes('Only 2 years of history before 2022 (fewer than 5)'))).toBe(
      true,
    );
    expect(basis.warnings.some((w) => w.includes('Mortality improvement not estimated'))).toBe(true);
    expect(basis.cautions).toEqual(['shortHistory', 'improvementDefault']);
  });

  it('uses defaults when the base year is the first observed, and says so', () => {
    const { basis, rates } = estimateRates(twoAreas(2), 0, assumptions);
    expect(basis.historyYears).toBe(0);
    expect(basis.firstYear).toBeNull();
    expect(basis.migration.source).toBe('default');
    expect(basis.fertility.source).toBe('default');
    expect(basis.mortality.source).toBe('default');
    expect(basis.warnings[0]).toMatch(/No observed year before 2020/);
    expect(basis.cautions).toEqual(['noHistory', 'improvementDefault']);
    expect(sum(rates.netMigrationRate)).toBe(0);
  });

  it('does not damp migration estimated from five years or more; mortality improvement still needs eight', () => {
    const { basis, rates } = estimateRates(twoAreas(6), 6, assumptions);
    expect(basis.migration).toEqual({ source: 'estimated', halfLifeYears: null });
    expect(rates.migrationTarget).toBeUndefined();
    expect(basis.warnings).toHaveLength(1);
    expect(basis.warnings[0]).toMatch(/Mortality improvement not estimated \(6 of the 8 years/);
    expect(basis.cautions).toEqual(['improvementDefault']);
    expect(estimateRates(twoAreas(8), 8, assumptions).basis.warnings).toEqual([]);
    expect(estimateRates(twoAreas(8), 8, assumptions).basis.cautions).toEqual([]);
  });

  it('carries each area’s own moves at first, then converges on the county’s pattern', () => {
    const history = twoAreas(2);
    const { rates } = estimateRates(history, 2, assumptions);
    const age = 25;
    const town = rates.netMigrationRate[age] as number;
    const county = rates.migrationTarget?.[age] as number;
    expect(town).toBeCloseTo(0.04, 2);
    // The county's rate lies between the town's and the village's, weighted by their young adults.
    expect(county).toBeGreaterThan(-0.02);
    expect(county).toBeLessThan(town);
    const base = history.population.slice(2 * 2 * groupCount, 3 * 2 * groupCount);
    const result = projectCohorts(base, rates, 20);
    // The town's net migration per survivor at 25, year by year: half the gap to the county's closes every two years.
    const rateIn = (step: number) => {
      const before = result.population[step * 2 * groupCount + age - 1] as number;
      const after = result.population[(step + 1) * 2 * groupCount + age] as number;
      const survivors = before * (1 - (rates.deathProbability[age - 1] as number) * (1 - 0.01) ** step);
      return after / survivors - 1;
    };
    expect(rateIn(0)).toBeCloseTo(town, 3);
    expect(rateIn(2)).toBeCloseTo(county + (town - county) / 2, 3);
    expect(Math.abs(rateIn(19) - county)).toBeLessThan(0.01 * Math.abs(town - county));
  });
});

describe('projectCohorts: damped migration', () => {
  it('moves rate + (target − rate)·(1 − ½^(step / half-life)) of the survivors each year', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 9 }),
        (rate, target, halfLife, step) => {
          const rates = emptyRates(1);
          rates.netMigrationRate.fill(rate);
          rates.netMigrationRate[0] = 0;
          rates.netMigrationRate[ageCount] = 0;
          rates.migrationTarget = new Float64Array(groupCount).fill(target);
          rates.migrationHalfLife = halfLife;
          const base = new Float64Array(groupCount);
          base[30] = 1000;
          const result = projectCohorts(base, rates, 10);
          const before = result.population[step * groupCount + 30 + step] as number;
          const after = result.population[(step + 1) * groupCount + 31 + step] as number;
          const expected = target + (rate - target) * 0.5 ** (step / halfLife);
          expect(after / before - 1).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 100 },
    );
  });
});

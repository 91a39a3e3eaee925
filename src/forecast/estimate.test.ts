import { describe, expect, it } from 'vitest';
import { ForecastAssumptions } from '../model/index.js';
import { emptyRates, projectCohorts } from './cohort.js';
import { estimateRates, type PopulationHistory } from './estimate.js';
import { ageCount, female, groupCount, male } from './layout.js';
import { referenceDeathProbability, referenceFertilityShape, referenceYear } from './reference-rates.js';

/** A history made by the engine itself from known rates, so that estimation can be checked against them. */
const syntheticHistory = () => {
  const areaCount = 2;
  const rates = emptyRates(areaCount);
  const reference = referenceDeathProbability();
  const first = 2015;
  for (let area = 0; area < areaCount; area++) {
    for (let g = 0; g < groupCount; g++) {
      rates.deathProbability[area * groupCount + g] =
        (reference[g] as number) * 0.99 ** (first + 1 - referenceYear);
      const age = g % ageCount;
      // Town (area 0) gains young adults, countryside (area 1) loses them; nobody old moves.
      const young = age >= 19 && age <= 25 ? (area === 0 ? 0.05 : -0.06) : 0;
      rates.netMigrationRate[area * groupCount + g] = age === 0 ? 0 : young;
    }
    const shape = referenceFertilityShape();
    for (let age = 0; age < ageCount; age++)
      rates.fertility[area * ageCount + age] = (area === 0 ? 1.3 : 1.6) * (shape[age] as number);
  }
  rates.mortalityTrend = 0.99;
  rates.boyShare = 0.512;
  const base = new Float64Array(areaCount * groupCount);
  for (let i = 0; i < base.length; i++) base[i] = (i < groupCount ? 3000 : 800) * (1 - (i % ageCount) / 110);
  const years = 10;
  const result = projectCohorts(base, rates, years);
  const history: PopulationHistory = {
    years: Array.from({ length: years + 1 }, (_, i) => first + i),
    areaCodes: ['001', '002'],
    population: result.population,
  };
  return { history, rates };
};

describe('estimateRates', () => {
  const { history, rates } = syntheticHistory();
  const estimated = estimateRates(history, 10, ForecastAssumptions.parse({ smoothingExposure: 0 }));

  it('finds the mortality level and its 1 % yearly fall when cohorts thin out as the table says', () => {
    // The history fell 1 % a year from the reference year 2022; the first projected year is 2026.
    expect(estimated.mortalityLevels[0]).toBeCloseTo(0.99 ** (2026 - referenceYear), 2);
    expect(estimated.basis.mortality.improvementSource).toBe('estimated');
    expect(estimated.basis.mortality.improvementBelow85).toBeCloseTo(0.01, 3);
    expect(estimated.basis.historyYears).toBe(10);
    expect(estimated.basis.warnings).toEqual([]);
  });

  it('recovers each area’s fertility from its newborns', () => {
    expect(estimated.totalFertility[0]).toBeCloseTo(1.3, 2);
    expect(estimated.totalFertility[1]).toBeCloseTo(1.6, 2);
  });

  it('recovers net migration by age as the residual of each cohort', () => {
    for (const area of [0, 1]) {
      for (const sex of [male, female]) {
        for (const age of [10, 22, 40, 80]) {
          const i = area * groupCount + sex * ageCount + age;
          expect(estimated.rates.netMigrationRate[i]).toBeCloseTo(rates.netMigrationRate[i] as number, 3);
        }
      }
    }
  });

  it('pulls a small area toward the county when borrowing strength', () => {
    const pooled = estimateRates(history, 10, ForecastAssumptions.parse({ smoothingExposure: 1e6 }));
    const i = groupCount + male * ageCount + 22;
    const own = estimated.rates.netMigrationRate[i] as number;
    const shrunk = pooled.rates.netMigrationRate[i] as number;
    expect(Math.abs(shrunk - (pooled.rates.netMigrationRate[male * ageCount + 22] as number))).toBeLessThan(
      Math.abs(own - (estimated.rates.netMigrationRate[male * ageCount + 22] as number)),
    );
  });

  it('scales migration by the variant and takes rates given as tables', () => {
    const table = Array.from({ length: ageCount }, () => 0.5);
    const variant = estimateRates(
      history,
      10,
      ForecastAssumptions.parse({ smoothingExposure: 0, migrationFactor: 2, tables: { fertility: table } }),
    );
    const i = male * ageCount + 22;
    expect(variant.rates.netMigrationRate[i]).toBeCloseTo(
      2 * (estimated.rates.netMigrationRate[i] as number),
      10,
    );
    expect(variant.rates.fertility[30]).toBe(0.5);
  });
});

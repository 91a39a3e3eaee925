import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRates, projectCohorts } from './cohort.js';
import { ageCount, female, groupCount, male, oldestAge, sum } from './layout.js';

const at = (sex: number, age: number) => sex * ageCount + age;

describe('projectCohorts', () => {
  it('ages everyone by a year and keeps the 100-and-over together', () => {
    const base = new Float64Array(groupCount);
    base[at(male, 40)] = 10;
    base[at(female, 99)] = 3;
    base[at(female, oldestAge)] = 2;
    const result = projectCohorts(base, emptyRates(1), 1);
    const next = result.population.subarray(groupCount);
    expect(next[at(male, 41)]).toBe(10);
    expect(next[at(female, oldestAge)]).toBe(5);
    expect(sum(next)).toBe(15);
  });

  it('matches a small case worked by hand', () => {
    // 1 000 women aged 30 and 800 men aged 70; the women bear 0.1 children each, the men die at 5 %,
    // newborns die at 0.4 % a year (0.2 % in their first half-year), and 2 % of surviving 31-year-old
    // women move away, while 5 men aged 71 move in on top of the rates.
    const base = new Float64Array(groupCount);
    base[at(female, 30)] = 1000;
    base[at(male, 70)] = 800;
    const rates = emptyRates(1);
    rates.boyShare = 0.5;
    rates.fertility[30] = 0.1;
    rates.deathProbability[at(male, 70)] = 0.05;
    rates.deathProbability[at(male, 0)] = 0.004;
    rates.deathProbability[at(female, 0)] = 0.004;
    rates.netMigrationRate[at(female, 31)] = -0.02;
    rates.extraNetMigration[at(male, 71)] = 5;
    const result = projectCohorts(base, rates, 1);
    const next = result.population.subarray(groupCount);
    expect(result.births[0]).toBeCloseTo(100, 10);
    expect(next[at(male, 0)]).toBeCloseTo(50 * 0.998, 10);
    expect(next[at(female, 0)]).toBeCloseTo(50 * 0.998, 10);
    expect(next[at(female, 31)]).toBeCloseTo(980, 10);
    expect(next[at(male, 71)]).toBeCloseTo(760 + 5, 10);
    expect(result.deaths[0]).toBeCloseTo(40 + 0.2, 10);
    expect(result.netMigration[0]).toBeCloseTo(-20 + 5, 10);
  });

  it('lowers death probabilities by the mortality trend each year', () => {
    const base = new Float64Array(groupCount);
    base[at(male, 80)] = 1000;
    const rates = emptyRates(1);
    rates.deathProbability[at(male, 80)] = 0.1;
    rates.deathProbability[at(male, 81)] = 0.1;
    rates.mortalityTrend = 0.5;
    const result = projectCohorts(base, rates, 2);
    expect(result.population[2 * groupCount + at(male, 82)]).toBeCloseTo(1000 * 0.9 * 0.95, 10);
  });

  it('never lets migration take a cohort below zero, and books the cut as migration', () => {
    const base = new Float64Array(groupCount);
    base[at(male, 20)] = 10;
    const rates = emptyRates(1);
    rates.extraNetMigration[at(male, 21)] = -50;
    const result = projectCohorts(base, rates, 1);
    expect(result.population[groupCount + at(male, 21)]).toBe(0);
    expect(result.netMigration[0]).toBe(-10);
  });

  it('balances: P(t+1) = P(t) − deaths + births + net migration, for every area and year', () => {
    const areaCount = 3;
    const size = areaCount * groupCount;
    const rate = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { minLength: size, maxLength: size }),
        fc.array(rate(0, 0.7), { minLength: size, maxLength: size }),
        fc.array(rate(-0.3, 0.3), { minLength: size, maxLength: size }),
        fc.array(rate(-20, 20), { minLength: size, maxLength: size }),
        rate(0, 0.2),
        fc.integer({ min: 1, max: 4 }),
        (people, deaths, migration, extra, fertility, steps) => {
          const rates = emptyRates(areaCount);
          rates.deathProbability.set(deaths);
          rates.netMigrationRate.set(migration);
          rates.extraNetMigration.set(extra);
          rates.fertility.fill(fertility);
          const result = projectCohorts(Float64Array.from(people), rates, steps);
          for (let step = 0; step < steps; step++) {
            for (let area = 0; area < areaCount; area++) {
              const before = sum(
                result.population,
                step * size + area * groupCount,
                step * size + (area + 1) * groupCount,
              );
              const after = sum(
                result.population,
                (step + 1) * size + area * groupCount,
                (step + 1) * size + (area + 1) * groupCount,
              );
              const i = step * areaCount + area;
              const expected =
                before -
                (result.deaths[i] as number) +
                (result.births[i] as number) +
                (result.netMigration[i] as number);
              expect(Math.abs(after - expected)).toBeLessThan(1e-6 * Math.max(1, before));
            }
          }
          for (const value of result.population) expect(value).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

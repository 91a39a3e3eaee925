import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRates, projectCohorts } from './cohort.js';
import { ageCount, female, groupCount, male, oldestAge } from './layout.js';
import { estimateMortality, openGroupDeathProbability, trendYears } from './mortality.js';
import { referenceDeathProbability } from './reference-rates.js';

/** Death probabilities of a Gompertz hazard a·e^(b·(age − 85)), by single year of age. */
const gompertz = (a: number, b: number): Float64Array => {
  const q = new Float64Array(ageCount);
  for (let age = 0; age < ageCount; age++) {
    const h = a * Math.exp(b * (age - 85));
    q[age] = 1 - Math.exp(-(h * (Math.exp(b) - 1)) / b);
  }
  return q;
};

describe('openGroupDeathProbability', () => {
  it('equals the single-year probability when the hazard does not change with age', () => {
    // A constant hazard of 0.5 a year: everyone above 100 leaves with 1 − e^−0.5, whatever their age.
    const q = new Float64Array(ageCount).fill(1 - Math.exp(-0.5));
    expect(openGroupDeathProbability(q)).toBeCloseTo(1 - Math.exp(-0.5), 6);
  });

  it('is above the probability at 99 and below certainty when the hazard rises with age', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        fc.double({ min: 0.03, max: 0.14, noNaN: true }),
        (a, b) => {
          const q = gompertz(a, b);
          const open = openGroupDeathProbability(q);
          expect(open).toBeGreaterThanOrEqual((q[oldestAge - 1] as number) - 1e-9);
          expect(open).toBeLessThan(1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps a stationary open group finite: inflow over the probability of leaving', () => {
    // With 100 reaching 100 each year and nobody else moving, the group settles at 100 / q_open, the
    // person-years a life table gives above 100 — not the unbounded growth of a group that never dies.
    const rates = emptyRates(1);
    const q = gompertz(0.15, 0.1);
    for (const sex of [male, female])
      for (let age = 0; age < ageCount; age++)
        rates.deathProbability[sex * ageCount + age] = q[age] as number;
    rates.deathProbability[oldestAge] = openGroupDeathProbability(q);
    const base = new Float64Array(groupCount);
    base[oldestAge - 1] = 100 / (1 - (q[oldestAge - 1] as number));
    rates.extraNetMigration[oldestAge - 1] = base[oldestAge - 1] as number;
    const result = projectCohorts(base, rates, 60);
    const last = result.population[60 * groupCount + oldestAge] as number;
    expect(last).toBeCloseTo(100 / (rates.deathProbability[oldestAge] as number), 0);
  });
});

describe('estimateMortality', () => {
  /** A closed population (no moves, no births) whose old die by the reference table times `level`, falling `r` a year. */
  const closedHistory = (years: number, level: number, r: number) => {
    const reference = referenceDeathProbability();
    const size = groupCount;
    const population = new Float64Array((years + 1) * size);
    for (let g = 0; g < size; g++) population[g] = 10_000;
    for (let t = 0; t < years; t++) {
      for (let sex = 0; sex < 2; sex++) {
        for (let age = 0; age <= oldestAge; age++) {
          const g = sex * ageCount + age;
          const q = Math.min(1, (reference[g] as number) * level * (1 - r) ** (t + 1));
          const to = (t + 1) * size + sex * ageCount + Math.min(oldestAge, age + 1);
          population[to] = (population[to] as number) + (population[t * size + g] as number) * (1 - q);
        }
        // Everyone who dies is replaced at birth, so that the young cohorts stay full.
        population[(t + 1) * size + sex * ageCount] = 10_000;
      }
    }
    return { years: Array.from({ length: years + 1 }, (_, i) => 2000 + i), population };
  };

  it('reads the yearly improvement of 70–84 off a long enough history', () => {
    const { years, population } = closedHistory(12, 1.2, 0.02);
    const m = estimateMortality({
      years,
      population,
      firstIndex: 0,
      baseYearIndex: 12,
      assumedImprovement: undefined,
      defaultImprovement: 0.01,
    });
    expect(m.improvementSource).toBe('estimated');
    expect(m.improvement[75]).toBeCloseTo(0.02, 3);
    // The level in the first projected year, 13 years on.
    expect(m.levels[0]).toBeCloseTo(1.2 * 0.98 ** 13, 2);
    // Improvement fades out toward the open group.
    expect(m.improvement[oldestAge]).toBe(0);
    expect(m.improvement[95] as number).toBeLessThan(m.improvement[85] as number);
  });

  it(`falls back to the default improvement with fewer than ${trendYears} years, and says so`, () => {
    const { years, population } = closedHistory(3, 1.2, 0.02);
    const m = estimateMortality({
      years,
      population,
      firstIndex: 0,
      baseYearIndex: 3,
      assumedImprovement: undefined,
      defaultImprovement: 0.01,
    });
    expect(m.improvementSource).toBe('default');
    expect(m.improvement[75]).toBeCloseTo(0.01, 10);
    expect(m.levels[0]).toBeGreaterThan(1);
  });
});

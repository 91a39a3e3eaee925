import { ageCount, female, groupCount, oldestAge } from './layout.js';

/**
 * Rates for one projection, per area. Arrays of areas × groupCount (or × ageCount for fertility) lie
 * area after area, in the layout of layout.ts.
 */
export interface CohortRates {
  areaCount: number;
  /** Probability of dying within the first projected year, by the age reached at its start. */
  deathProbability: Float64Array;
  /** Death probabilities are multiplied by this each further year (0.99: 1 % improvement a year). */
  mortalityTrend: number;
  /** When given, the same by age (ageCount), in place of mortalityTrend. */
  mortalityTrendByAge?: Float64Array;
  /** Births in a year per woman of each age at its start. */
  fertility: Float64Array;
  boyShare: number;
  /** Net migration per survivor, by the age reached at the end of the year (negative: net loss). */
  netMigrationRate: Float64Array;
  /** Net migrants per year on top of the rates, by the age reached at the end of the year. */
  extraNetMigration: Float64Array;
  /**
   * When given, the rates the net migration rates converge on: the gap halves every
   * `migrationHalfLife` projected years (a short history's moves are damped toward the county's).
   */
  migrationTarget?: Float64Array;
  migrationHalfLife?: number;
}

export interface CohortProjection {
  areaCount: number;
  steps: number;
  /** (steps + 1) × areaCount × groupCount: the base population first, then each projected year's end. */
  population: Float64Array;
  /** steps × areaCount: each year's components, so that P(t+1) = P(t) − deaths + births + net migration. */
  births: Float64Array;
  deaths: Float64Array;
  netMigration: Float64Array;
}

/**
 * The cohort-component method: in each year every cohort ages one year and loses its deaths, women
 * bear children (newborns are exposed to infant mortality for half a year on average), and net
 * migration is added to the survivors. Net migration never takes a cohort below zero; the cut is
 * booked as smaller migration, so the components always balance.
 */
export const projectCohorts = (base: Float64Array, rates: CohortRates, steps: number): CohortProjection => {
  const { areaCount } = rates;
  const size = areaCount * groupCount;
  if (base.length !== size) throw new RangeError(`base population must have ${size} values`);
  const population = new Float64Array((steps + 1) * size);
  population.set(base, 0);
  const births = new Float64Array(steps * areaCount);
  const deaths = new Float64Array(steps * areaCount);
  const netMigration = new Float64Array(steps * areaCount);
  const { deathProbability: q, fertility, netMigrationRate, extraNetMigration, boyShare } = rates;
  const trend = new Float64Array(ageCount).fill(1);
  const yearly = rates.mortalityTrendByAge ?? new Float64Array(ageCount).fill(rates.mortalityTrend);
  const target = rates.migrationTarget;
  const halfLife = rates.migrationHalfLife ?? Number.POSITIVE_INFINITY;
  for (let step = 0; step < steps; step++) {
    const kept = target ? 0.5 ** (step / halfLife) : 1;
    const from = step * size;
    const to = from + size;
    for (let area = 0; area < areaCount; area++) {
      const a0 = area * groupCount;
      let died = 0;
      for (let sex = 0; sex < 2; sex++) {
        const s0 = a0 + sex * ageCount;
        for (let age = 0; age <= oldestAge; age++) {
          const p = population[from + s0 + age] as number;
          const dying = p * Math.min(1, (q[s0 + age] as number) * (trend[age] as number));
          died += dying;
          const target = to + s0 + (age === oldestAge ? oldestAge : age + 1);
          population[target] = (population[target] as number) + p - dying;
        }
      }
      let born = 0;
      const f0 = area * ageCount;
      const women = from + a0 + female * ageCount;
      for (let age = 0; age <= oldestAge; age++)
        born += (fertility[f0 + age] as number) * (population[women + age] as number);
      for (let sex = 0; sex < 2; sex++) {
        const g = a0 + sex * ageCount;
        const newborns = born * (sex === 0 ? boyShare : 1 - boyShare);
        const dying = newborns * Math.min(1, ((q[g] as number) * (trend[0] as number)) / 2);
        died += dying;
        population[to + g] = newborns - dying;
      }
      let moved = 0;
      for (let g = a0; g < a0 + groupCount; g++) {
        const survivors = population[to + g] as number;
        const rate = target
          ? (target[g] as number) + ((netMigrationRate[g] as number) - (target[g] as number)) * kept
          : (netMigrationRate[g] as number);
        let m = rate * survivors + (extraNetMigration[g] as number);
        if (survivors + m < 0) m = -survivors;
        population[to + g] = survivors + m;
        moved += m;
      }
      births[step * areaCount + area] = born;
      deaths[step * areaCount + area] = died;
      netMigration[step * areaCount + area] = moved;
    }
    for (let age = 0; age < ageCount; age++) trend[age] = (trend[age] as number) * (yearly[age] as number);
  }
  return { areaCount, steps, population, births, deaths, netMigration };
};

/** A fresh set of rates for `areaCount` areas, all zero: no deaths, births or moves. */
export const emptyRates = (areaCount: number): CohortRates => ({
  areaCount,
  deathProbability: new Float64Array(areaCount * groupCount),
  mortalityTrend: 1,
  fertility: new Float64Array(areaCount * ageCount),
  boyShare: 0.512,
  netMigrationRate: new Float64Array(areaCount * groupCount),
  extraNetMigration: new Float64Array(areaCount * groupCount),
});

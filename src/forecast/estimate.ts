import type { ForecastAssumptions } from '../model/index.js';
import type { CohortRates } from './cohort.js';
import { ageCount, female, groupCount, oldestAge, sum } from './layout.js';
import {
  extraMigrationProfile,
  referenceBoyShare,
  referenceDeathProbability,
  referenceFertilityShape,
  referenceYear,
} from './reference-rates.js';

/** Residents by area, year, sex and age as observed, in the geography of the last year. */
export interface PopulationHistory {
  years: number[];
  areaCodes: string[];
  /** years × areas × groupCount. */
  population: Float64Array;
}

export const historyAt = (history: PopulationHistory, yearIndex: number): Float64Array => {
  const size = history.areaCodes.length * groupCount;
  return history.population.subarray(yearIndex * size, (yearIndex + 1) * size);
};

export interface EstimatedRates {
  rates: CohortRates;
  /** The county's death probabilities relative to the reference table. */
  mortalityLevel: number;
  /** Total fertility rate by area over the last years of the base period. */
  totalFertility: Float64Array;
  countyTotalFertility: number;
}

/** Years of the base period used for fertility, which moves faster than migration. */
const fertilityYears = 3;

/**
 * Rates from the population history alone, by demographic balancing, since the store holds residents
 * but neither deaths, births nor moves:
 *
 * - Mortality: the reference life table's shape (reference-rates.ts), scaled to the county by how fast
 *   its cohorts aged 70 and over actually thinned out across the base period, where migration is small.
 *   The same level holds for every municipality: there are too few deaths in one to tell.
 * - Fertility: births are read off the residents aged 0 at the end of each year (divided by infant
 *   survival); the reference age shape times a level fitted so that the expected births match. A
 *   municipality's level is pulled toward the county's with `smoothingExposure / 10` expected births'
 *   weight. Only the last three years count, since fertility moves fast.
 * - Net migration: the residual of each cohort: residents aged a+1 at the end of a year minus the
 *   survivors of those aged a a year earlier; as a rate per survivor, summed over the base period. A
 *   municipality's rate is pulled toward the county's as if the county added `smoothingExposure`
 *   person-years at each age and sex (borrowing strength), so a small municipality's few moves do not
 *   swing its future. Moves within Finland and from abroad cannot be told apart: only the net is known.
 *   Newborns' moves fall into the births.
 *
 * Rates then pass through the variant's factors; table rates, when given, replace the estimates.
 */
export const estimateRates = (
  history: PopulationHistory,
  baseYearIndex: number,
  assumptions: ForecastAssumptions,
): EstimatedRates => {
  const areaCount = history.areaCodes.length;
  const size = areaCount * groupCount;
  // Only the unbroken run of years with residents before the base year counts: a missing year would
  // read as everybody moving away and back.
  let firstIndex = Math.max(0, baseYearIndex - assumptions.basePeriodYears);
  for (let t = baseYearIndex; t > firstIndex; t--) {
    if (sum(history.population, (t - 1) * size, t * size) === 0) {
      firstIndex = t;
      break;
    }
  }
  const baseYear = history.years[baseYearIndex] ?? referenceYear;
  const trend = 1 - assumptions.mortalityImprovement;
  const reference = referenceDeathProbability();
  const yearFactor = (year: number) => trend ** (year - referenceYear);
  const pop = history.population;

  // Mortality level from the thinning of old cohorts, county-wide.
  let observedLoss = 0;
  let expectedLoss = 0;
  for (let t = firstIndex; t < baseYearIndex; t++) {
    const from = t * size;
    const to = (t + 1) * size;
    const factor = yearFactor(history.years[t + 1] ?? baseYear);
    for (let area = 0; area < areaCount; area++) {
      for (let sex = 0; sex < 2; sex++) {
        const g = area * groupCount + sex * ageCount;
        for (let age = 70; age < oldestAge - 1; age++) {
          const p = pop[from + g + age] as number;
          observedLoss += p - (pop[to + g + age + 1] as number);
          expectedLoss += p * (reference[sex * ageCount + age] as number) * factor;
        }
      }
    }
  }
  const mortalityLevel =
    expectedLoss > 0 && observedLoss > 0 ? Math.min(2, Math.max(0.5, observedLoss / expectedLoss)) : 1;
  const qAt = (g: number, year: number) =>
    Math.min(1, (reference[g] as number) * mortalityLevel * yearFactor(year));

  // Fertility.
  const shape = referenceFertilityShape();
  const births = new Float64Array(areaCount);
  const expected = new Float64Array(areaCount);
  for (let t = Math.max(firstIndex, baseYearIndex - fertilityYears); t < baseYearIndex; t++) {
    const from = t * size;
    const to = (t + 1) * size;
    const year = history.years[t + 1] ?? baseYear;
    for (let area = 0; area < areaCount; area++) {
      const g = area * groupCount;
      for (let sex = 0; sex < 2; sex++) {
        const infantSurvival = 1 - qAt(sex * ageCount, year) / 2;
        births[area] = (births[area] as number) + (pop[to + g + sex * ageCount] as number) / infantSurvival;
      }
      let e = 0;
      for (let age = 15; age <= 49; age++)
        e += (shape[age] as number) * (pop[from + g + female * ageCount + age] as number);
      expected[area] = (expected[area] as number) + e;
    }
  }
  const countyBirths = births.reduce((a, b) => a + b, 0);
  const countyExpected = expected.reduce((a, b) => a + b, 0);
  // Without a year to learn from, Finland's total fertility rate of the mid-2020s.
  const countyTotalFertility = countyExpected > 0 && countyBirths > 0 ? countyBirths / countyExpected : 1.26;
  const fertilityWeight = assumptions.smoothingExposure / 10;
  const totalFertility = new Float64Array(areaCount);
  for (let area = 0; area < areaCount; area++) {
    const denominator = (expected[area] as number) + fertilityWeight;
    totalFertility[area] =
      denominator > 0
        ? ((births[area] as number) + fertilityWeight * countyTotalFertility) / denominator
        : countyTotalFertility;
  }

  // Net migration residuals.
  const moved = new Float64Array(size);
  const exposure = new Float64Array(size);
  for (let t = firstIndex; t < baseYearIndex; t++) {
    const from = t * size;
    const to = (t + 1) * size;
    const year = history.years[t + 1] ?? baseYear;
    for (let area = 0; area < areaCount; area++) {
      for (let sex = 0; sex < 2; sex++) {
        const g = area * groupCount + sex * ageCount;
        const q = (age: number) => qAt(sex * ageCount + age, year);
        for (let end = 1; end <= oldestAge; end++) {
          let survivors = (pop[from + g + end - 1] as number) * (1 - q(end - 1));
          if (end === oldestAge) survivors += (pop[from + g + oldestAge] as number) * (1 - q(oldestAge));
          moved[g + end] = (moved[g + end] as number) + (pop[to + g + end] as number) - survivors;
          exposure[g + end] = (exposure[g + end] as number) + survivors;
        }
      }
    }
  }
  const countyMoved = new Float64Array(groupCount);
  const countyExposure = new Float64Array(groupCount);
  for (let i = 0; i < size; i++) {
    countyMoved[i % groupCount] = (countyMoved[i % groupCount] as number) + (moved[i] as number);
    countyExposure[i % groupCount] = (countyExposure[i % groupCount] as number) + (exposure[i] as number);
  }
  const k = assumptions.smoothingExposure;
  const netMigrationRate = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const g = i % groupCount;
    if (g % ageCount === 0) continue;
    const ce = countyExposure[g] as number;
    const countyRate = ce > 0 ? (countyMoved[g] as number) / ce : 0;
    const e = (exposure[i] as number) + k;
    netMigrationRate[i] = e > 0 ? ((moved[i] as number) + k * countyRate) / e : countyRate;
  }

  const rates = assembleRates(history, {
    baseYearIndex,
    assumptions,
    estimates: { deathProbability: (g) => qAt(g, baseYear + 1), totalFertility, shape, netMigrationRate },
  });
  return { rates, mortalityLevel, totalFertility, countyTotalFertility };
};

/** Applies the variant's factors and tables to the estimates and lays the rates out by area. */
const assembleRates = (
  history: PopulationHistory,
  {
    baseYearIndex,
    assumptions,
    estimates,
  }: {
    baseYearIndex: number;
    assumptions: ForecastAssumptions;
    /** What the history says, before the variant's factors and tables. */
    estimates: {
      deathProbability: (g: number) => number;
      totalFertility: Float64Array;
      shape: Float64Array;
      netMigrationRate: Float64Array;
    };
  },
): CohortRates => {
  const areaCount = history.areaCodes.length;
  const size = areaCount * groupCount;
  const tables = assumptions.tables;
  const tableDeath = tables?.deathProbability;
  const deathProbability = new Float64Array(size);
  const fertility = new Float64Array(areaCount * ageCount);
  const netMigrationRate = new Float64Array(size);
  for (let area = 0; area < areaCount; area++) {
    for (let sex = 0; sex < 2; sex++) {
      const table = sex === 0 ? tableDeath?.male : tableDeath?.female;
      const migration = sex === 0 ? tables?.netMigrationRate?.male : tables?.netMigrationRate?.female;
      for (let age = 0; age < ageCount; age++) {
        const g = sex * ageCount + age;
        const i = area * groupCount + g;
        const q = table?.[age] ?? estimates.deathProbability(g);
        deathProbability[i] = Math.min(1, q * assumptions.mortalityFactor);
        const rate = migration ? (migration[age] ?? 0) : (estimates.netMigrationRate[i] as number);
        netMigrationRate[i] = rate * assumptions.migrationFactor;
      }
    }
    for (let age = 0; age < ageCount; age++) {
      const f =
        tables?.fertility?.[age] ??
        (estimates.totalFertility[area] as number) * (estimates.shape[age] as number);
      fertility[area * ageCount + age] = f * assumptions.fertilityFactor;
    }
  }
  const extraNetMigration = new Float64Array(size);
  if (assumptions.extraNetMigrationShare !== 0) {
    const base = historyAt(history, baseYearIndex);
    const totals = new Float64Array(areaCount);
    let county = 0;
    for (let i = 0; i < size; i++) {
      const area = Math.floor(i / groupCount);
      totals[area] = (totals[area] as number) + (base[i] as number);
      county += base[i] as number;
    }
    const profile = extraMigrationProfile();
    const yearly = assumptions.extraNetMigrationShare * county;
    for (let area = 0; area < areaCount; area++) {
      const share = county > 0 ? (totals[area] as number) / county : 0;
      for (let g = 0; g < groupCount; g++)
        extraNetMigration[area * groupCount + g] = yearly * share * (profile[g] as number);
    }
  }
  return {
    areaCount,
    deathProbability,
    mortalityTrend: 1 - assumptions.mortalityImprovement,
    fertility,
    boyShare: referenceBoyShare,
    netMigrationRate,
    extraNetMigration,
  };
};

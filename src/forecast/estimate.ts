import type { ForecastAssumptions, ForecastBasis, ForecastBasisCaution } from '../model/index.js';
import type { CohortRates } from './cohort.js';
import { ageCount, female, groupCount, oldestAge, sum } from './layout.js';
import { estimateMortality } from './mortality.js';
import {
  extraMigrationProfile,
  referenceBoyShare,
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
  /** The county's death probabilities relative to the reference table, below 85 and from 85 on. */
  mortalityLevels: [number, number];
  /** What the rates rest on, for the projection's reader. */
  basis: ForecastBasis;
  /** Total fertility rate by area over the last years of the base period. */
  totalFertility: Float64Array;
  countyTotalFertility: number;
}

/** Yearly improvement of mortality where the history is too short to tell (about Finland's 1990–2020). */
const defaultImprovement = 0.01;

/** Years of the base period used for fertility, which moves faster than migration. */
const fertilityYears = 3;

/**
 * Rates from the population history alone, by demographic balancing, since the store holds residents
 * but neither deaths, births nor moves:
 *
 * - Mortality: the reference life table's shape (reference-rates.ts), scaled to the county by how fast
 *   its cohorts aged 70–84 and 85–98 actually thinned out across the base period, where migration is
 *   small, and improving at the rate those levels fell (mortality.ts); the open group 100+ leaves by
 *   the closed-out life table. The same levels hold for every municipality: there are too few deaths
 *   in one to tell.
 * - Fertility: births are read off the residents aged 0 at the end of each year (divided by infant
 *   survival); the reference age shape times a level fitted so that the expected births match. A
 *   municipality's level is pulled toward the county's with `smoothingExposure / 10` expected births'
 *   weight. Only the last three years count, since fertility moves fast.
 * - Net migration: the residual of each cohort: residents aged a+1 at the end of a year minus the
 *   survivors of those aged a a year earlier; as a rate per survivor, summed over the base period. A
 *   municipality's rate is pulled toward the county's as if the county added `smoothingExposure`
 *   person-years at each age and sex (borrowing strength), so a small municipality's few moves do not
 *   swing its future. Moves within Finland and from abroad cannot be told apart: only the net is known.
 *   Newborns' moves fall into the births. With fewer than `fullHistoryYears` years, each
 *   municipality's rates converge on the county's during the projection.
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
  const pop = history.population;
  const countyPopulation = new Float64Array(history.years.length * groupCount);
  for (let t = 0; t < history.years.length; t++)
    for (let area = 0; area < areaCount; area++)
      for (let g = 0; g < groupCount; g++)
        countyPopulation[t * groupCount + g] =
          (countyPopulation[t * groupCount + g] as number) +
          (pop[t * size + area * groupCount + g] as number);
  const mortality = estimateMortality({
    years: history.years,
    population: countyPopulation,
    firstIndex,
    baseYearIndex,
    assumedImprovement: assumptions.mortalityImprovement,
    defaultImprovement,
  });
  const qAt = (g: number, year: number) => mortality.at(year)[g] as number;

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
  const countyRates = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const g = i % groupCount;
    if (g % ageCount === 0) continue;
    const ce = countyExposure[g] as number;
    const countyRate = ce > 0 ? (countyMoved[g] as number) / ce : 0;
    countyRates[i] = countyRate;
    const e = (exposure[i] as number) + k;
    netMigrationRate[i] = e > 0 ? ((moved[i] as number) + k * countyRate) / e : countyRate;
  }

  const changes = baseYearIndex - firstIndex;
  const rates = assembleRates(history, {
    baseYearIndex,
    assumptions,
    estimates: { deathProbability: (g) => qAt(g, baseYear + 1), totalFertility, shape, netMigrationRate },
  });
  rates.mortalityTrendByAge = mortality.improvement.map((r) => 1 - r);
  // A short history's moves are mostly one year's chance: each municipality's rates converge on the
  // county's pattern, half the gap closing every `shortHistoryHalfLife` years.
  const short = changes > 0 && changes < fullHistoryYears && !assumptions.tables?.netMigrationRate;
  if (short) {
    rates.migrationTarget = countyRates.map((r) => r * assumptions.migrationFactor);
    rates.migrationHalfLife = shortHistoryHalfLife;
  }
  const basis = describeBasis({
    baseYear,
    firstYear: history.years[firstIndex] ?? baseYear,
    changes,
    fertilityYears: Math.min(changes, fertilityYears),
    mortality,
    assumptions,
    dampedMigration: short,
    areaCount,
  });
  return { rates, mortalityLevels: mortality.levels, basis, totalFertility, countyTotalFertility };
};

/** Years of history below which the assumptions warn and migration is damped. */
export const fullHistoryYears = 5;
const shortHistoryHalfLife = 2;

const describeBasis = (input: {
  baseYear: number;
  firstYear: number;
  changes: number;
  fertilityYears: number;
  mortality: ReturnType<typeof estimateMortality>;
  assumptions: ForecastAssumptions;
  dampedMigration: boolean;
  areaCount: number;
}): ForecastBasis => {
  const { changes, mortality, assumptions, baseYear } = input;
  const tables = assumptions.tables;
  const fromHistory = changes > 0 ? 'estimated' : 'default';
  const migrationSource = tables?.netMigrationRate
    ? 'table'
    : changes === 0
      ? 'default'
      : input.dampedMigration
        ? 'county'
        : 'estimated';
  const warnings: string[] = [];
  const cautions: ForecastBasisCaution[] = [];
  if (changes === 0) cautions.push('noHistory');
  else if (changes < fullHistoryYears) cautions.push('shortHistory');
  if (mortality.improvementSource === 'default') cautions.push('improvementDefault');
  if (changes === 0)
    warnings.push(
      `No observed year before ${baseYear}: mortality follows the reference table, fertility Finland's mid-2020s level and net migration is zero.`,
    );
  else if (changes < fullHistoryYears)
    warnings.push(
      `Only ${changes} year${changes === 1 ? '' : 's'} of history before ${baseYear} (fewer than ${fullHistoryYears}): net migration converges on the county's pattern, halving the gap every ${shortHistoryHalfLife} years.`,
    );
  if (mortality.improvementSource === 'default')
    warnings.push(
      `Mortality improvement not estimated (${changes} of the ${mortality.trendYears} years of history it needs): ${(100 * (mortality.improvement[70] ?? 0)).toFixed(1)} % a year assumed.`,
    );
  return {
    baseYear,
    historyYears: changes,
    firstYear: changes > 0 ? input.firstYear : null,
    mortality: {
      source: tables?.deathProbability ? 'table' : fromHistory,
      levels: [...mortality.levels],
      improvementSource: mortality.improvementSource,
      improvementBelow85: mortality.improvement[70] ?? 0,
      improvementAt95: mortality.improvement[95] ?? 0,
    },
    fertility: { source: tables?.fertility ? 'table' : fromHistory, years: input.fertilityYears },
    migration: {
      source: migrationSource,
      halfLifeYears: input.dampedMigration ? shortHistoryHalfLife : null,
    },
    warnings,
    cautions,
    fullHistoryYears,
    trendYears: mortality.trendYears,
  };
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
    mortalityTrend: 1 - (assumptions.mortalityImprovement ?? defaultImprovement),
    fertility,
    boyShare: referenceBoyShare,
    netMigrationRate,
    extraNetMigration,
  };
};

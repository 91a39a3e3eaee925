import { ageCount, ageSexProfile, female, groupCount, oldestAge, sexCount } from './age-structure.js';
import { apportion } from './apportion.js';
import { boyShare, deathProbability, fertilityRate, netMigrationRate } from './demographic-rates.js';
import { type Geography, isValidIn, municipalityUrbanity } from './geography.js';
import { Random } from './random.js';

/**
 * Each municipality's residents on 31 December of each year, by age and sex (men at [age], women at
 * [ageCount + age]), from a cohort-component model: everyone ages a year, some die, children are
 * born, people move. One year follows from the previous, so the history can be used to backtest a
 * projection.
 */
export interface PopulationHistory {
  years: number[];
  /** [municipality index in the geography][year index]; undefined in years the municipality did not exist. */
  counts: (Int32Array | undefined)[][];
}

/** The first year's age and sex structure of one original municipality, from the structure of its cells. */
export const initialStructure = (geography: Geography, territory: number): Float64Array => {
  const expected = new Float64Array(groupCount);
  const { weight, urbanity } = geography.settlement;
  // Urbanity in steps of 0.005 is finer than anything the age factors can show, and saves recomputing.
  const profiles = new Map<number, Float64Array>();
  for (const cell of geography.municipalities[territory]?.cells ?? []) {
    const w = weight[cell] ?? 0;
    if (w === 0) continue;
    const step = Math.round((urbanity[cell] ?? 0) * 200);
    const profile = profiles.get(step) ?? ageSexProfile(step / 200);
    profiles.set(step, profile);
    for (let g = 0; g < groupCount; g++) expected[g] = (expected[g] ?? 0) + w * (profile[g] ?? 0);
  }
  return expected;
};

/** Moves a municipality's residents on by one year, to 31 December of `year`. */
export const projectOneYear = (
  population: Int32Array,
  { year, urbanity, random }: { year: number; urbanity: number; random: Random },
): Int32Array => {
  const next = new Int32Array(groupCount);
  for (let sex = 0; sex < sexCount; sex++) {
    for (let age = 0; age <= oldestAge; age++) {
      const survivors = random.binomial(
        population[sex * ageCount + age] ?? 0,
        1 - deathProbability(age, sex, year),
      );
      const target = sex * ageCount + Math.min(age + 1, oldestAge);
      next[target] = (next[target] ?? 0) + survivors;
    }
  }
  let expectedBirths = 0;
  for (let age = 15; age <= 49; age++) {
    expectedBirths += fertilityRate(age, year, urbanity) * (population[female * ageCount + age] ?? 0);
  }
  const births = random.poisson(expectedBirths);
  const boys = random.binomial(births, boyShare);
  // Infants born during the year are exposed to infant mortality for half a year on average.
  next[0] = random.binomial(boys, 1 - deathProbability(0, 0, year) / 2);
  next[ageCount] = random.binomial(births - boys, 1 - deathProbability(0, female, year) / 2);
  for (let sex = 0; sex < sexCount; sex++) {
    for (let age = 0; age <= oldestAge; age++) {
      const g = sex * ageCount + age;
      const count = next[g] ?? 0;
      const expected = netMigrationRate(age, sex, urbanity) * count;
      const whole = Math.trunc(expected);
      const moved = whole + (random.chance(Math.abs(expected - whole)) ? Math.sign(expected) : 0);
      next[g] = Math.max(0, count + moved);
    }
  }
  return next;
};

const total = (population: Int32Array): number => population.reduce((a, b) => a + b, 0);

/**
 * The history from `firstYear` to `lastYear`. The start is scaled so that the last year has about
 * `residents` people: the model is run once at the requested size to learn how much it grows.
 */
export const simulateHistory = (
  seed: number,
  geography: Geography,
  {
    residents,
    firstYear,
    lastYear,
    residentShares,
  }: {
    /** About how many people live in the county in the last year. */
    residents: number;
    firstYear: number;
    lastYear: number;
    /** Each original municipality's share of the residents at the start. */
    residentShares: readonly number[];
  },
): PopulationHistory => {
  const structures = residentShares.map((_, t) => initialStructure(geography, t));
  const urbanities = residentShares.map((_, t) => municipalityUrbanity(geography, t));
  const run = (start: number) =>
    runHistory(seed, { residents: start, firstYear, lastYear, residentShares, structures, urbanities });
  const trial = run(residents);
  const trialLast = trial[trial.length - 1] ?? [];
  const reached = trialLast.reduce((sum, population) => sum + total(population), 0);
  const start = Math.max(1, Math.round((residents * residents) / Math.max(1, reached)));
  const byYear = run(start);
  const years = byYear.map((_, i) => firstYear + i);
  const counts = geography.municipalities.map((municipality) =>
    years.map((year, y) => {
      if (!isValidIn(municipality, year)) return undefined;
      const populations = byYear[y] ?? [];
      if (municipality.territories.length === 1) return populations[municipality.territories[0] ?? 0];
      const merged = new Int32Array(groupCount);
      for (const t of municipality.territories) {
        populations[t]?.forEach((count, g) => {
          merged[g] = (merged[g] ?? 0) + count;
        });
      }
      return merged;
    }),
  );
  return { years, counts };
};

/** Populations of the original municipalities, [year index][territory]. */
const runHistory = (
  seed: number,
  {
    residents,
    firstYear,
    lastYear,
    residentShares,
    structures,
    urbanities,
  }: {
    residents: number;
    firstYear: number;
    lastYear: number;
    residentShares: readonly number[];
    /** Each territory's starting age and sex structure. */
    structures: readonly Float64Array[];
    urbanities: readonly number[];
  },
): Int32Array[][] => {
  const starts = apportion(residents, residentShares);
  const history: Int32Array[][] = [structures.map((structure, t) => apportion(starts[t] ?? 0, structure))];
  for (let year = firstYear + 1; year <= lastYear; year++) {
    const previous = history[history.length - 1] ?? [];
    history.push(
      previous.map((population, t) =>
        projectOneYear(population, {
          year,
          urbanity: urbanities[t] ?? 0,
          random: Random.of(seed, 601, t, year),
        }),
      ),
    );
  }
  return history;
};

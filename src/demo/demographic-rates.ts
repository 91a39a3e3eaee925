import { female, male } from './age-structure.js';
import { interpolate } from './interpolate.js';

/**
 * Yearly demographic rates for the cohort-component model. The levels follow Finland's recent
 * statistics closely enough for a planning demo: life expectancy about 79 years for men and 84 for
 * women, the fall in fertility after 2010, and young adults moving from the countryside to towns.
 */

/**
 * Probability of dying within the year at a given age: infant mortality, then Gompertz's law
 * (mortality doubles every seven or so years of age), falling 1.5 % a year as it has done.
 */
export const deathProbability = (age: number, sex: number, year: number): number => {
  const improvement = (1 - 0.015) ** (year - 2015);
  if (age === 0) return 0.0022 * improvement;
  if (age < 15) return 0.0001 * improvement;
  const gompertz = sex === male ? 0.00004 * Math.exp(0.093 * age) : 0.000018 * Math.exp(0.098 * age);
  // Young men's accidents and violence stand out above the curve.
  const hump = sex === male && age >= 17 && age <= 35 ? 0.0006 : 0;
  return Math.min(0.6, (gompertz + hump) * improvement);
};

/** Total fertility rate by year (Statistics Finland): 1.65 in 2015, falling to about 1.25. */
const totalFertility: readonly (readonly [number, number])[] = [
  [2010, 1.87],
  [2015, 1.65],
  [2016, 1.57],
  [2017, 1.49],
  [2018, 1.41],
  [2019, 1.35],
  [2020, 1.37],
  [2021, 1.46],
  [2022, 1.32],
  [2023, 1.26],
  [2024, 1.25],
  [2025, 1.25],
];

/** Births per woman of a given age in a year; the countryside has a little more children than towns. */
export const fertilityRate = (age: number, year: number, urbanity: number): number => {
  if (age < 15 || age > 49) return 0;
  const schedule = Math.exp(-0.5 * ((age - 31) / 5.3) ** 2) / (5.3 * Math.sqrt(2 * Math.PI));
  return (interpolate(totalFertility, year) + 0.2 * (0.5 - urbanity)) * schedule;
};

/** Share of newborns who are boys (about 105 boys per 100 girls). */
export const boyShare = 0.512;

/**
 * Net migration as a share of the age group per year, by the municipality's urbanity: young adults
 * leave the countryside for the town, families move out to suburbs, some retirees move back to the
 * countryside and the oldest into town, near services.
 */
export const netMigrationRate = (age: number, sex: number, urbanity: number): number => {
  const youngAdults = age >= 18 && age <= 24 ? 0.12 * (urbanity - 0.5) * (sex === female ? 1.15 : 1) : 0;
  const settling = age >= 25 && age <= 29 ? 0.04 * (urbanity - 0.45) : 0;
  // Immigrants from abroad settle mostly in towns.
  const immigrants = age >= 20 && age <= 39 ? 0.004 * urbanity : 0;
  const suburbanEffect = 0.012 * (1 - 4 * (urbanity - 0.5) ** 2) - 0.006;
  const families = (age >= 30 && age <= 44) || age <= 14 ? suburbanEffect : 0;
  const retirees = age >= 60 && age <= 74 ? 0.004 * (0.5 - urbanity) : 0;
  const oldest = age >= 80 ? 0.004 * (urbanity - 0.4) : 0;
  return youngAdults + settling + immigrants + families + retirees + oldest;
};

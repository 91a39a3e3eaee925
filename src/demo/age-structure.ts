import { tabulate } from './interpolate.js';

/** Ages 0…100, where 100 stands for "100 and over", as in Statistics Finland's tables. */
export const oldestAge = 100;
export const ageCount = oldestAge + 1;
/** Population arrays hold men at [age] and women at [ageCount + age]. */
export const sexCount = 2;
export const groupCount = sexCount * ageCount;
export const male = 0;
export const female = 1;

/**
 * Finland's residents by single-year age in 2015, in thousands, read off Statistics Finland's
 * population pyramid at a few ages: the post-war baby boom (born 1946–50) is the bulge at 65–69.
 */
export const nationalAgeProfile = tabulate(
  [
    [0, 55],
    [5, 60],
    [10, 59],
    [15, 59],
    [20, 66],
    [25, 69],
    [30, 70],
    [35, 66],
    [40, 62],
    [45, 68],
    [50, 72],
    [55, 74],
    [60, 77],
    [65, 80],
    [68, 84],
    [70, 65],
    [75, 52],
    [80, 38],
    [85, 25],
    [90, 12],
    [95, 3.5],
    [99, 0.8],
    [100, 0.6],
  ],
  oldestAge,
);

/**
 * How much more common each age is in a town centre than in the country as a whole, and in the
 * remote countryside: students and young adults move to towns, and the countryside is left older.
 */
const urbanAgeFactor = tabulate(
  [
    [0, 1],
    [6, 0.95],
    [15, 0.85],
    [19, 1.2],
    [23, 1.7],
    [28, 1.55],
    [35, 1.15],
    [45, 0.95],
    [55, 0.85],
    [65, 0.8],
    [75, 0.85],
    [85, 0.95],
  ],
  oldestAge,
);
const ruralAgeFactor = tabulate(
  [
    [0, 0.9],
    [6, 0.95],
    [15, 1.05],
    [19, 0.8],
    [23, 0.5],
    [28, 0.6],
    [35, 0.8],
    [45, 0.95],
    [55, 1.2],
    [65, 1.35],
    [75, 1.35],
    [85, 1.25],
  ],
  oldestAge,
);

/** Men's share by age: more boys are born, women live longer. */
const maleShareByAge = tabulate(
  [
    [0, 0.512],
    [20, 0.515],
    [50, 0.505],
    [65, 0.48],
    [75, 0.44],
    [85, 0.36],
    [95, 0.24],
    [100, 0.2],
  ],
  oldestAge,
);

/**
 * An age's relative weight and men's share, both linear in urbanity (0 countryside … 1 town
 * centre): weight = base + slope·u, men's share = maleBase + maleSlope·u. Working-age women leave
 * the countryside more often than men do.
 */
export interface AgeCoefficients {
  base: number;
  slope: number;
  maleBase: number;
  maleSlope: number;
}

export const ageCoefficients: readonly AgeCoefficients[] = Array.from({ length: ageCount }, (_, age) => {
  const rural = ruralAgeFactor[age] ?? 1;
  const workingAge = age >= 20 && age < 65;
  return {
    base: rural,
    slope: (urbanAgeFactor[age] ?? 1) - rural,
    maleBase: (maleShareByAge[age] ?? 0.5) + (workingAge ? 0.01 : 0),
    maleSlope: workingAge ? -0.02 : 0,
  };
});

const coefficientsOf = (age: number): AgeCoefficients =>
  ageCoefficients[age] ?? { base: 1, slope: 0, maleBase: 0.5, maleSlope: 0 };

/** Relative weight of an age at a given urbanity. */
export const ageFactor = (age: number, urbanity: number): number => {
  const c = coefficientsOf(age);
  return c.base + c.slope * urbanity;
};

export const maleShare = (age: number, urbanity: number): number => {
  const c = coefficientsOf(age);
  return c.maleBase + c.maleSlope * urbanity;
};

/** Expected residents per age and sex (groupCount entries) at a given urbanity, per 1 resident in total. */
export const ageSexProfile = (urbanity: number): Float64Array => {
  const profile = new Float64Array(groupCount);
  for (let age = 0; age < ageCount; age++) {
    const total = (nationalAgeProfile[age] ?? 0) * ageFactor(age, urbanity);
    const men = maleShare(age, urbanity);
    profile[age] = total * men;
    profile[ageCount + age] = total * (1 - men);
  }
  const sum = profile.reduce((a, b) => a + b, 0);
  return profile.map((value) => value / sum);
};

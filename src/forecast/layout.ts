import type { Sex } from '../model/index.js';

/**
 * A population vector holds one area's residents by sex and single-year age: men at [age], women at
 * [ageCount + age], age 100 standing for "100 and over". Many areas lie one after another in one typed
 * array, so that a whole county's projection is a few flat loops.
 */
export const oldestAge = 100;
export const ageCount = oldestAge + 1;
export const groupCount = 2 * ageCount;
export const male = 0;
export const female = 1;

export const sexes: readonly Sex[] = ['male', 'female'];

export const groupIndex = (sex: Sex | number, age: number): number =>
  (sex === 'female' || sex === female ? ageCount : 0) + Math.min(age, oldestAge);

export const sum = (values: ArrayLike<number>, from = 0, to = values.length): number => {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] ?? 0;
  return total;
};

/** a[i] += v, for typed arrays under noUncheckedIndexedAccess. */
export const addAt = (a: Float64Array, i: number, v: number): void => {
  a[i] = (a[i] as number) + v;
};

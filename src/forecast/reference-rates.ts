import { ageCount, female, groupCount, male } from './layout.js';

/**
 * Life-table-like rates for when the store holds no deaths or births, only residents by age and sex.
 *
 * Death probabilities follow Gompertz–Makeham curves fitted by eye to Statistics Finland's life
 * tables of the early 2020s (life expectancy at birth about 79 years for men and 84 for women, infant
 * mortality about 2 per 1 000). The county's own level is then estimated from how fast its old cohorts
 * thin out (see estimate.ts), so only the shape is taken from here.
 */
export const referenceYear = 2022;

export const referenceDeathProbability = (): Float64Array => {
  const q = new Float64Array(groupCount);
  for (let age = 0; age < ageCount; age++) {
    for (const sex of [male, female]) {
      let value: number;
      if (age === 0) value = sex === male ? 0.0021 : 0.0018;
      else if (age < 15) value = 0.00009;
      else if (sex === male)
        value = 0.0002 + 0.000036 * Math.exp(0.0935 * age) + (age >= 17 && age <= 35 ? 0.0005 : 0);
      else value = 0.0001 + 0.0000175 * Math.exp(0.0985 * age);
      q[sex * ageCount + age] = Math.min(0.65, value);
    }
  }
  return q;
};

/**
 * The shape of fertility by the mother's age (births per woman at a total fertility rate of 1): a
 * bell around 31 years, the mean age of Finnish mothers in the 2020s.
 */
export const referenceFertilityShape = (): Float64Array => {
  const shape = new Float64Array(ageCount);
  let total = 0;
  for (let age = 15; age <= 49; age++) {
    const value = Math.exp(-0.5 * ((age - 31) / 5.4) ** 2);
    shape[age] = value;
    total += value;
  }
  for (let age = 15; age <= 49; age++) shape[age] = (shape[age] ?? 0) / total;
  return shape;
};

/** Boys among newborns: about 105 boys to 100 girls. */
export const referenceBoyShare = 0.512;

/**
 * Who arrives when more people move in from abroad than usual: mostly young adults, with their
 * children. Shares by sex and age; they add up to 1.
 */
export const extraMigrationProfile = (): Float64Array => {
  const profile = new Float64Array(groupCount);
  let total = 0;
  for (const sex of [male, female]) {
    for (let age = 0; age < ageCount; age++) {
      const value = age <= 9 ? 0.4 : age >= 18 && age <= 39 ? 1 : age >= 40 && age <= 54 ? 0.3 : 0.05;
      profile[sex * ageCount + age] = value;
      total += value;
    }
  }
  for (let g = 0; g < groupCount; g++) profile[g] = (profile[g] ?? 0) / total;
  return profile;
};

import { ageCount, oldestAge } from './layout.js';
import { referenceDeathProbability, referenceYear } from './reference-rates.js';

/**
 * Two bands of old age whose cohort thinning tells the county's mortality: below 85 deaths dominate
 * the change and move steadily; above it mortality is higher, improves more slowly and the
 * reference shape fits less well, so it gets a level and an improvement of its own. Ages in between
 * blend the two on a log scale, so that no age has a step.
 */
const bands = [
  { from: 70, to: 84 },
  { from: 85, to: 92 },
] as const;
/**
 * Improvement fades out with age: the oldest-old have gained far less than the old (in Finland
 * 2001–2016 the probability of dying at 93–100 barely moved while it fell 2–3 % a year at 70–89).
 * The rate read for 85–92 holds to 88 and falls linearly to nothing at 100.
 */
const fadeFrom = 88;
const blendFrom = 80;
const blendTo = 90;

/** Years of changes needed before a trend is read from them: fewer would mostly fit noise. */
export const trendYears = 8;
/** Estimated yearly improvement is kept within this range (Finland's has been 1–3 % at 70–99). */
const improvementRange = [0, 0.04] as const;
/** Ages above the open group that the life table is closed out to. */
const closeOutAge = 130;

export interface MortalityInput {
  years: number[];
  /** years × groupCount: one area, or several added up. */
  population: Float64Array;
  firstIndex: number;
  baseYearIndex: number;
  /** The variant's yearly improvement; undefined: estimate it. */
  assumedImprovement: number | undefined;
  /** Used where the history is too short to estimate a trend. */
  defaultImprovement: number;
}

export interface MortalityEstimate {
  /** Death probability by sex × age in `year` (the open group's from the closed-out life table). */
  at: (year: number) => Float64Array;
  /** Yearly fall in death probabilities by age. */
  improvement: Float64Array;
  improvementSource: 'estimated' | 'assumed' | 'default';
  /** Level against the reference table in the first projected year, for the two bands. */
  levels: [number, number];
  /** Years of changes the level rests on. */
  years: number;
  /** Years of changes a trend needs. */
  trendYears: number;
}

const weight = (age: number) => Math.min(1, Math.max(0, (age - blendFrom) / (blendTo - blendFrom)));

/** Weighted least squares of log(level) on the year, by band: the level now and its yearly change. */
const fitBand = (points: { x: number; y: number; w: number }[]) => {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sw += p.w;
    sx += p.w * p.x;
    sy += p.w * p.y;
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += p.w * (p.x - mx) ** 2;
    sxy += p.w * (p.x - mx) * (p.y - my);
  }
  return { mean: my, meanX: mx, slope: sxx > 0 ? sxy / sxx : 0 };
};

/**
 * The probability of leaving the open group (100 and over) within a year, from a life table closed
 * out by a Gompertz hazard fitted to ages 85–99: one minus the person-years lived above 101 over those
 * lived above 100. Taking the single-year probability at 100 instead, as if everyone in the group were
 * exactly 100, understates deaths of a group that holds 101- to 110-year-olds.
 */
export const openGroupDeathProbability = (q: ArrayLike<number>, offset = 0): number => {
  let sx = 0;
  let sy = 0;
  let n = 0;
  const hazard = (age: number) => -Math.log(Math.max(1e-12, 1 - Math.min(0.999, q[offset + age] ?? 0)));
  for (let age = 85; age < oldestAge; age++) {
    sx += age;
    sy += Math.log(hazard(age));
    n++;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let age = 85; age < oldestAge; age++) {
    sxx += (age - mx) ** 2;
    sxy += (age - mx) * (Math.log(hazard(age)) - my);
  }
  // The hazard never falls below that at 99; it levels off at 1.1 a year (a probability of about
  // two thirds), as the mortality plateau observed among the oldest-old.
  const slope = Math.max(0, sxy / sxx);
  let alive = 1;
  let lived = 0;
  let livedAbove = 0;
  for (let age = oldestAge; age < closeOutAge; age++) {
    const mu = Math.max(hazard(oldestAge - 1), Math.min(1.1, Math.exp(my + slope * (age - mx))));
    const years = (alive * (1 - Math.exp(-mu))) / mu;
    lived += years;
    if (age > oldestAge) livedAbove += years;
    alive *= Math.exp(-mu);
  }
  return lived > 0 ? 1 - livedAbove / lived : 1;
};

/**
 * Death probabilities from residents alone: the reference table's shape, scaled band by band to how
 * fast the county's cohorts aged 70 and over thinned out year by year (nationally, and in most
 * counties, few people that old move). With `trendYears` or more years of changes the yearly
 * improvement is the slope of the log-level over them, and the level is where that line stands in
 * the first projected year; with fewer, the level is the mean over the years there are and the
 * improvement the variant's (or 1 %), which the assumptions then say.
 */
export const estimateMortality = (input: MortalityInput): MortalityEstimate => {
  const { years, population: pop, firstIndex, baseYearIndex } = input;
  const reference = referenceDeathProbability();
  const baseYear = years[baseYearIndex] ?? referenceYear;
  const size = 2 * ageCount;
  const points = bands.map(() => [] as { x: number; y: number; w: number }[]);
  for (let t = firstIndex; t < baseYearIndex; t++) {
    const x = (years[t + 1] ?? baseYear) - baseYear;
    bands.forEach((band, b) => {
      let observed = 0;
      let expected = 0;
      for (let sex = 0; sex < 2; sex++) {
        for (let age = band.from; age <= band.to; age++) {
          const p = pop[t * size + sex * ageCount + age] as number;
          observed += p - (pop[(t + 1) * size + sex * ageCount + age + 1] as number);
          expected += p * (reference[sex * ageCount + age] as number);
        }
      }
      if (observed > 0 && expected > 0) points[b]?.push({ x, y: Math.log(observed / expected), w: expected });
    });
  }
  const changes = baseYearIndex - firstIndex;
  const estimated = input.assumedImprovement === undefined && changes >= trendYears;
  const fits = points.map((p) => (p.length > 0 ? fitBand(p) : undefined));
  const fallback = input.assumedImprovement ?? input.defaultImprovement;
  const rates = fits.map((fit) =>
    estimated && fit ? Math.min(improvementRange[1], Math.max(improvementRange[0], -fit.slope)) : fallback,
  );
  const improvement = new Float64Array(ageCount);
  for (let age = 0; age < ageCount; age++) {
    const w = weight(age);
    const fade = Math.min(1, Math.max(0, (oldestAge - age) / (oldestAge - fadeFrom)));
    improvement[age] = ((1 - w) * (rates[0] as number) + w * (rates[1] as number)) * fade;
  }
  // log level by age at year offset x (x = 1: the first projected year): the bands' means, where the
  // fitted years centre, moved by each age's own improvement.
  const clamp = (v: number) => Math.min(Math.log(2), Math.max(Math.log(0.3), v));
  const logLevel = (age: number, x: number) => {
    const w = weight(age);
    const [young, old] = fits;
    const centre = young?.meanX ?? old?.meanX ?? 0;
    const mean = (1 - w) * (young?.mean ?? 0) + w * (old?.mean ?? young?.mean ?? 0);
    return clamp(mean + Math.log(1 - (improvement[age] as number)) * (x - centre));
  };
  const cache = new Map<number, Float64Array>();
  const shaped = (year: number): Float64Array => {
    const x = year - baseYear;
    const q = new Float64Array(size);
    for (let sex = 0; sex < 2; sex++) {
      for (let age = 0; age < oldestAge; age++) {
        const level = Math.exp(logLevel(age, x));
        q[sex * ageCount + age] = Math.min(0.999, (reference[sex * ageCount + age] as number) * level);
      }
      q[sex * ageCount + oldestAge] = openGroupDeathProbability(q, sex * ageCount);
    }
    return q;
  };
  const correction = oldAgeCorrection(input, shaped);
  const at = (year: number): Float64Array => {
    const hit = cache.get(year);
    if (hit) return hit;
    const q = shaped(year);
    for (let g = 0; g < size; g++) q[g] = Math.min(0.999, (q[g] as number) * (correction[g] as number));
    cache.set(year, q);
    return q;
  };
  return {
    at,
    improvement,
    improvementSource:
      input.assumedImprovement !== undefined ? 'assumed' : estimated ? 'estimated' : 'default',
    levels: [Math.exp(logLevel(70, 1)), Math.exp(logLevel(85, 1))],
    years: changes,
    trendYears,
  };
};

/** Expected deaths a single age's own observations count for before they move its probability. */
const correctionPrior = 50;
const correctionFrom = 85;

/**
 * From 85 on, the reference shape is corrected age by age (and the open group as a whole) to the
 * thinning the county's cohorts actually showed over the base period, each age's factor pulled toward
 * 1 as if `correctionPrior` expected deaths agreed with the shape. Few people this old move between
 * counties, so what the county's oldest lose is read as deaths, not as migration: otherwise a
 * misfit of the shape would be carried as moves that do not improve with mortality, and the open
 * group would drift. Municipalities keep their own moves relative to the county's.
 */
const oldAgeCorrection = (input: MortalityInput, shaped: (year: number) => Float64Array): Float64Array => {
  const { years, population: pop, firstIndex, baseYearIndex } = input;
  const size = 2 * ageCount;
  const observed = new Float64Array(size);
  const expected = new Float64Array(size);
  for (let t = firstIndex; t < baseYearIndex; t++) {
    const q = shaped(years[t + 1] ?? 0);
    for (let sex = 0; sex < 2; sex++) {
      const s = sex * ageCount;
      const from = t * size + s;
      const to = (t + 1) * size + s;
      for (let age = correctionFrom; age < oldestAge - 1; age++) {
        const p = pop[from + age] as number;
        observed[s + age] = (observed[s + age] as number) + p - (pop[to + age + 1] as number);
        expected[s + age] = (expected[s + age] as number) + p * (q[s + age] as number);
      }
    }
  }
  const factor = new Float64Array(size).fill(1);
  const ratio = (g: number) =>
    Math.min(
      2,
      Math.max(
        0.5,
        ((observed[g] as number) + correctionPrior) / ((expected[g] as number) + correctionPrior),
      ),
    );
  for (let sex = 0; sex < 2; sex++)
    for (let age = correctionFrom; age < oldestAge - 1; age++)
      factor[sex * ageCount + age] = ratio(sex * ageCount + age);
  // 99 and the open group are told apart only together: 99-year-olds take the factor of 98, and the
  // open group what is left of the loss into 100+ once they have been counted.
  for (let t = firstIndex; t < baseYearIndex; t++) {
    const q = shaped(years[t + 1] ?? 0);
    for (let sex = 0; sex < 2; sex++) {
      const s = sex * ageCount;
      const from = t * size + s;
      const to = (t + 1) * size + s;
      const q99 = Math.min(0.999, (q[s + oldestAge - 1] as number) * (factor[s + oldestAge - 2] as number));
      const open = pop[from + oldestAge] as number;
      const arrived = (pop[from + oldestAge - 1] as number) * (1 - q99);
      observed[s + oldestAge] =
        (observed[s + oldestAge] as number) + open + arrived - (pop[to + oldestAge] as number);
      expected[s + oldestAge] = (expected[s + oldestAge] as number) + open * (q[s + oldestAge] as number);
    }
  }
  for (let sex = 0; sex < 2; sex++) {
    factor[sex * ageCount + oldestAge - 1] = factor[sex * ageCount + oldestAge - 2] as number;
    factor[sex * ageCount + oldestAge] = ratio(sex * ageCount + oldestAge);
  }
  return factor;
};

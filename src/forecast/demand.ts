import type { DemandAssumptions } from '../model/index.js';
import { bandOf } from './grid.js';
import { addAt, groupCount } from './layout.js';

const bands = 42;

/** What the base year's events say about use, per service class. */
export interface UseBase {
  year: number;
  classes: string[];
  /** classes × bands: county volume per resident of the age band and sex. */
  rates: Float64Array;
  /** classes × areas: observed volume over the volume the county's rates predict (1 when none predicted). */
  areaFactors: Float64Array;
  /** classes × areas: observed volume by the residents' municipality. */
  volumes: Float64Array;
}

/**
 * Age-sex-specific use rates from one year's events and residents, in five-year bands (single years
 * are too thin for the rarer classes). Each municipality keeps its own level relative to what the
 * county's rates predict from its age structure, so the base year is reproduced exactly and only the
 * population's change moves the demand.
 */
export const estimateUse = ({
  year,
  classes,
  population,
  volume,
}: {
  year: number;
  classes: string[];
  /** areas × groupCount residents of the base year. */
  population: Float64Array;
  /** classes × areas × groupCount volumes. */
  volume: Float64Array;
}): UseBase => {
  const areaCount = population.length / groupCount;
  const residents = new Float64Array(bands);
  for (let i = 0; i < population.length; i++)
    addAt(residents, bandOf(i % groupCount), population[i] as number);
  const rates = new Float64Array(classes.length * bands);
  const volumes = new Float64Array(classes.length * areaCount);
  const areaFactors = new Float64Array(classes.length * areaCount);
  for (let c = 0; c < classes.length; c++) {
    const offset = c * areaCount * groupCount;
    for (let i = 0; i < areaCount * groupCount; i++) {
      const v = volume[offset + i] as number;
      addAt(rates, c * bands + bandOf(i % groupCount), v);
      addAt(volumes, c * areaCount + Math.floor(i / groupCount), v);
    }
    for (let b = 0; b < bands; b++) {
      const r = residents[b] as number;
      rates[c * bands + b] = r > 0 ? (rates[c * bands + b] as number) / r : 0;
    }
    for (let area = 0; area < areaCount; area++) {
      const predicted = expectedUse(rates, { serviceClass: c, population, area });
      const observed = volumes[c * areaCount + area] as number;
      areaFactors[c * areaCount + area] = predicted > 0 ? observed / predicted : 1;
    }
  }
  return { year, classes, rates, areaFactors, volumes };
};

/** The class's use in the area if its residents used services at the county's rates. */
const expectedUse = (
  rates: Float64Array,
  { serviceClass, population, area }: { serviceClass: number; population: Float64Array; area: number },
): number => {
  let total = 0;
  for (let g = 0; g < groupCount; g++)
    total +=
      (rates[serviceClass * bands + bandOf(g)] as number) * (population[area * groupCount + g] as number);
  return total;
};

/**
 * Demand by class and area in `year` for that year's residents: the base rates and the area's own
 * level, times the need trend compounded from the base year; then the policy shifts, reached linearly
 * between the base year and `shiftYear` (a shift of 30 % by 2045 is 15 % halfway).
 */
export const projectDemand = (
  use: UseBase,
  population: ArrayLike<number>,
  {
    year,
    assumptions,
    shiftYear,
  }: {
    year: number;
    assumptions: DemandAssumptions;
    shiftYear: number;
  },
): Float64Array => {
  const areaCount = population.length / groupCount;
  const demand = new Float64Array(use.classes.length * areaCount);
  const elapsed = year - use.year;
  // Residents by band first: the rates are by band, and a class then costs 42 products an area, not 202.
  const banded = new Float64Array(areaCount * bands);
  for (let area = 0; area < areaCount; area++)
    for (let g = 0; g < groupCount; g++)
      addAt(banded, area * bands + bandOf(g), population[area * groupCount + g] as number);
  use.classes.forEach((code, c) => {
    const trend = (1 + (assumptions.needTrend[code] ?? 0)) ** elapsed;
    for (let area = 0; area < areaCount; area++) {
      let expected = 0;
      for (let b = 0; b < bands; b++)
        expected += (use.rates[c * bands + b] as number) * (banded[area * bands + b] as number);
      demand[c * areaCount + area] = expected * (use.areaFactors[c * areaCount + area] as number) * trend;
    }
  });
  const progress = shiftYear > use.year ? Math.min(1, Math.max(0, elapsed / (shiftYear - use.year))) : 1;
  for (const shift of assumptions.shifts) {
    const from = use.classes.indexOf(shift.fromClass);
    const to = use.classes.indexOf(shift.toClass);
    if (from < 0 || to < 0 || from === to) continue;
    for (let area = 0; area < areaCount; area++) {
      const moved = (demand[from * areaCount + area] as number) * shift.share * progress;
      addAt(demand, from * areaCount + area, -moved);
      addAt(demand, to * areaCount + area, moved * shift.ratio);
    }
  }
  return demand;
};

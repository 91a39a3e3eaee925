import { ageCoefficients, ageCount, groupCount, oldestAge, sexCount } from './age-structure.js';
import { type Geography, isValidIn } from './geography.js';
import type { PopulationHistory } from './population-model.js';
import { hashUnit } from './random.js';

/**
 * One year's residents by 1 km grid cell, age and sex. Each municipality's figure for an age and sex
 * is split over its cells exactly, so the cells add up to the municipality's figures.
 */
export interface GridPopulation {
  year: number;
  /** The cells anyone could live in (not lakes, not empty forest), ascending; a slot is a position in it. */
  cells: Int32Array;
  /** Residents per slot and age-sex group: counts[slot * groupCount + group]. */
  counts: Int32Array;
  /** Index of the municipality version the slot belongs to in this year. */
  municipalityOf: Int16Array;
}

const fallbackCoefficients = { base: 1, slope: 0, maleBase: 0.5, maleSlope: 0 };

/** The cells with a residential weight, in ascending order: the same slots every year. */
export const habitableCells = (geography: Geography): Int32Array => {
  const cells: number[] = [];
  geography.settlement.weight.forEach((weight, cell) => {
    if (weight > 0) cells.push(cell);
  });
  return Int32Array.from(cells);
};

/**
 * Systematic sampling: N residents are N evenly spaced points along the cells' cumulative weight,
 * from a random offset. Each cell gets its expected share give or take one, and the offset depends
 * on the birth year, so a cohort stays in much the same cells from year to year.
 */
export const allocateToCells = (
  seed: number,
  geography: Geography,
  {
    history,
    year,
    cells = habitableCells(geography),
  }: { history: PopulationHistory; year: number; cells?: Int32Array },
): GridPopulation => {
  const yearIndex = history.years.indexOf(year);
  if (yearIndex < 0) throw new Error(`no population history for ${year}`);
  const slotOfCell = new Map<number, number>();
  cells.forEach((cell, slot) => {
    slotOfCell.set(cell, slot);
  });
  const counts = new Int32Array(cells.length * groupCount);
  const municipalityOf = new Int16Array(cells.length).fill(-1);
  const { weight, urbanity } = geography.settlement;
  geography.municipalities.forEach((municipality, m) => {
    const population = history.counts[m]?.[yearIndex];
    if (!isValidIn(municipality, year) || !population) return;
    const slots = municipality.cells.flatMap((cell) => {
      const slot = slotOfCell.get(cell);
      return slot === undefined ? [] : [slot];
    });
    for (const slot of slots) municipalityOf[slot] = m;
    const slotWeight = Float64Array.from(slots, (slot) => weight[cells[slot] ?? 0] ?? 0);
    const slotUrbanity = Float64Array.from(slots, (slot) => urbanity[cells[slot] ?? 0] ?? 0);
    const cumulative = new Float64Array(slots.length);
    for (let sex = 0; sex < sexCount; sex++) {
      for (let age = 0; age <= oldestAge; age++) {
        const group = sex * ageCount + age;
        const residents = population[group] ?? 0;
        if (residents === 0) continue;
        const { base, slope, maleBase, maleSlope } = ageCoefficients[age] ?? fallbackCoefficients;
        let sum = 0;
        for (let i = 0; i < slots.length; i++) {
          const u = slotUrbanity[i] ?? 0;
          const men = maleBase + maleSlope * u;
          sum += (slotWeight[i] ?? 0) * (base + slope * u) * (sex === 0 ? men : 1 - men);
          cumulative[i] = sum;
        }
        const step = sum / residents;
        const offset = hashUnit(seed, 701, m, sex, year - age) * step;
        let before = 0;
        for (let i = 0; i < slots.length; i++) {
          // Points offset + k·step lying below this slot's cumulative weight; the last slot takes the rest.
          const below =
            i === slots.length - 1
              ? residents
              : Math.min(residents, Math.max(0, Math.ceil(((cumulative[i] ?? 0) - offset) / step)));
          if (below > before) counts[(slots[i] ?? 0) * groupCount + group] = below - before;
          before = below;
        }
      }
    }
  });
  return { year, cells, counts, municipalityOf };
};

/** Residents of one slot in total. */
export const slotTotal = (grid: GridPopulation, slot: number): number => {
  let total = 0;
  for (let g = 0; g < groupCount; g++) total += grid.counts[slot * groupCount + g] ?? 0;
  return total;
};

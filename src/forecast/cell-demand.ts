import type { DemandAssumptions } from '../model/index.js';
import { projectDemand, type UseBase } from './demand.js';
import { groupCount } from './layout.js';

/**
 * Demand by 1 km cell: each cell's residents (by age and sex) times the use rates, its municipality's
 * own level, the need trend and the policy shifts, exactly as a municipality's demand is projected;
 * then each class is scaled within each municipality so that its cells add up to the municipality's
 * demand (the cells' residents are whole numbers, the municipality's projection is not, so the two
 * differ by a rounding). A municipality whose cells predict no use of a class, yet has demand for it
 * (a shift into a class nobody used), spreads it by residents, or evenly over cells without any.
 *
 * `cellPopulation`: cells × groupCount; `cellMunicipality`: each cell's index among the use's areas;
 * `municipalDemand`: classes × areas as projectDemand gives it. The answer: classes × cells. A
 * municipality without cells has nowhere to put its demand and is left out.
 */
export const distributeDemandToCells = (
  use: UseBase,
  {
    cellPopulation,
    cellMunicipality,
    municipalDemand,
    year,
    assumptions,
    shiftYear,
  }: {
    cellPopulation: ArrayLike<number>;
    cellMunicipality: Int32Array;
    municipalDemand: Float64Array;
    year: number;
    assumptions: DemandAssumptions;
    shiftYear: number;
  },
): Float64Array => {
  const cellCount = cellMunicipality.length;
  const classCount = use.classes.length;
  const areaCount = municipalDemand.length / Math.max(1, classCount);
  const areaFactors = new Float64Array(classCount * cellCount);
  for (let c = 0; c < classCount; c++)
    for (let cell = 0; cell < cellCount; cell++)
      areaFactors[c * cellCount + cell] = use.areaFactors[
        c * areaCount + (cellMunicipality[cell] as number)
      ] as number;
  const population = cellPopulation;
  const raw = projectDemand({ ...use, areaFactors }, population, { year, assumptions, shiftYear });

  const residents = new Float64Array(cellCount);
  const areaResidents = new Float64Array(areaCount);
  const areaCells = new Float64Array(areaCount);
  for (let cell = 0; cell < cellCount; cell++) {
    let total = 0;
    for (let g = 0; g < groupCount; g++) total += population[cell * groupCount + g] as number;
    const area = cellMunicipality[cell] as number;
    residents[cell] = total;
    areaResidents[area] = (areaResidents[area] as number) + total;
    areaCells[area] = (areaCells[area] as number) + 1;
  }
  const out = new Float64Array(classCount * cellCount);
  const areaRaw = new Float64Array(areaCount);
  for (let c = 0; c < classCount; c++) {
    areaRaw.fill(0);
    for (let cell = 0; cell < cellCount; cell++) {
      const area = cellMunicipality[cell] as number;
      areaRaw[area] = (areaRaw[area] as number) + (raw[c * cellCount + cell] as number);
    }
    for (let cell = 0; cell < cellCount; cell++) {
      const area = cellMunicipality[cell] as number;
      const target = municipalDemand[c * areaCount + area] as number;
      const predicted = areaRaw[area] as number;
      const share =
        predicted > 0
          ? (raw[c * cellCount + cell] as number) / predicted
          : (areaResidents[area] as number) > 0
            ? (residents[cell] as number) / (areaResidents[area] as number)
            : 1 / (areaCells[area] as number);
      out[c * cellCount + cell] = target * share;
    }
  }
  return out;
};

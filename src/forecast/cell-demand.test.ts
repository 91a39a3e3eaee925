import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemandAssumptions } from '../model/index.js';
import { distributeDemandToCells } from './cell-demand.js';
import { estimateUse, projectDemand } from './demand.js';
import { groupCount, groupIndex } from './layout.js';

const noAssumptions: DemandAssumptions = { needTrend: {}, shifts: [] };

/** Residents of the given ages (all men), as one area's population vector. */
const vector = (byAge: Record<number, number>): Float64Array => {
  const out = new Float64Array(groupCount);
  for (const [age, count] of Object.entries(byAge)) out[groupIndex('male', Number(age))] = count;
  return out;
};

describe('distributeDemandToCells', () => {
  it('gives an old cell more home care than a young one of the same size (hand-computed)', () => {
    // One municipality: 10 men aged 80 using 3 visits each, 10 aged 20 using 1 each: 40 visits.
    const population = vector({ 20: 10, 80: 10 });
    const volume = new Float64Array(groupCount);
    volume[groupIndex('male', 20)] = 10;
    volume[groupIndex('male', 80)] = 30;
    const use = estimateUse({ year: 2025, classes: ['HMC'], population, volume });
    // Ten years on, two cells: five 20-year-olds in each, eight 80-year-olds in one and two in the other;
    // the municipality as a whole has 10 + 10 as before.
    const cells = new Float64Array(2 * groupCount);
    cells.set(vector({ 20: 5, 80: 8 }), 0);
    cells.set(vector({ 20: 5, 80: 2 }), groupCount);
    const municipal = projectDemand(use, population, {
      year: 2035,
      assumptions: noAssumptions,
      shiftYear: 2045,
    });
    expect(municipal[0]).toBeCloseTo(40, 9);
    const out = distributeDemandToCells(use, {
      cellPopulation: cells,
      cellMunicipality: Int32Array.of(0, 0),
      municipalDemand: municipal,
      year: 2035,
      assumptions: noAssumptions,
      shiftYear: 2045,
    });
    // Cell 1: 5 × 1 + 8 × 3 = 29; cell 2: 5 × 1 + 2 × 3 = 11; they add up to 40 already.
    expect(out[0]).toBeCloseTo(29, 9);
    expect(out[1]).toBeCloseTo(11, 9);
  });

  it('adds cells up to their municipality, class by class, whatever the residents, rates and shifts', () => {
    const areaCount = 3;
    const classes = ['A', 'B', 'C'];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: areaCount - 1 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat({ max: 30 }), { minLength: groupCount, maxLength: groupCount }),
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.integer({ min: 2025, max: 2045 }),
        fc.nat(),
        (cellAreas, pattern, classRates, shiftShare, trend, year, seed) => {
          const cellCount = cellAreas.length;
          // Cells' residents: the pattern, shifted by each cell's position so that cells differ.
          const cells = new Float64Array(cellCount * groupCount);
          for (let cell = 0; cell < cellCount; cell++)
            for (let g = 0; g < groupCount; g++)
              cells[cell * groupCount + g] = pattern[(g + cell * 7 + seed) % groupCount] as number;
          const municipal = new Float64Array(areaCount * groupCount);
          for (let cell = 0; cell < cellCount; cell++)
            for (let g = 0; g < groupCount; g++) {
              const i = (cellAreas[cell] as number) * groupCount + g;
              municipal[i] = (municipal[i] as number) + (cells[cell * groupCount + g] as number);
            }
          // Base-year volumes: a rate per class times the residents, class C used by nobody.
          const volume = new Float64Array(classes.length * areaCount * groupCount);
          for (let c = 0; c < classes.length; c++)
            for (let i = 0; i < areaCount * groupCount; i++)
              volume[c * areaCount * groupCount + i] =
                (classRates[c] as number) * (c === 2 ? 0 : 1) * (municipal[i] as number) * (1 + (i % 5) / 10);
          const use = estimateUse({ year: 2025, classes, population: municipal, volume });
          const assumptions: DemandAssumptions = {
            needTrend: { A: trend },
            shifts: [{ fromClass: 'A', toClass: 'C', share: shiftShare, ratio: 2 }],
          };
          // The municipality's own (unrounded) projection a little off the cells', as in the store.
          const projected = municipal.map((v) => v * 1.01);
          const demand = projectDemand(use, projected, { year, assumptions, shiftYear: 2045 });
          const out = distributeDemandToCells(use, {
            cellPopulation: cells,
            cellMunicipality: Int32Array.from(cellAreas),
            municipalDemand: demand,
            year,
            assumptions,
            shiftYear: 2045,
          });
          for (let c = 0; c < classes.length; c++)
            for (let area = 0; area < areaCount; area++) {
              if (!cellAreas.includes(area)) continue;
              let sum = 0;
              for (let cell = 0; cell < cellCount; cell++)
                if (cellAreas[cell] === area) {
                  const value = out[c * cellCount + cell] as number;
                  expect(value).toBeGreaterThanOrEqual(0);
                  sum += value;
                }
              const target = demand[c * areaCount + area] as number;
              expect(Math.abs(sum - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, target));
            }
        },
      ),
      { numRuns: 60 },
    );
  });
});

import { ageCount, groupCount, oldestAge, sexCount } from '../age-structure.js';
import type { GridPopulation } from '../grid-allocation.js';
import type { TextSink } from '../text-sink.js';

export const populationGridHeader = 'alue;vuosi;ikä;sukupuoli;lukumäärä\n';

/**
 * Residents by grid cell, year, single-year age (100 = 100 and over) and sex (1 men, 2 women), one
 * row per non-zero count: a cell of a dozen residents would otherwise need 202 rows, most of them 0.
 * Returns the number of rows written.
 */
export const writePopulationGrid = async (
  sink: TextSink,
  grids: readonly GridPopulation[],
  cellCodes: readonly string[],
): Promise<number> => {
  sink.write(populationGridHeader);
  let rows = 0;
  for (const grid of grids) {
    for (let slot = 0; slot < grid.cells.length; slot++) {
      const prefix = `${cellCodes[slot]};${grid.year};`;
      for (let sex = 0; sex < sexCount; sex++) {
        for (let age = 0; age <= oldestAge; age++) {
          const count = grid.counts[slot * groupCount + sex * ageCount + age] ?? 0;
          if (count === 0) continue;
          sink.write(`${prefix}${age};${sex + 1};${count}\n`);
          rows++;
        }
      }
      if (sink.backedUp) await sink.waitForRoom();
    }
  }
  return rows;
};

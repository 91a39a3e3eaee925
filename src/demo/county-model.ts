import { groupCount } from './age-structure.js';
import { firstPopulationYear, lastFullYear, municipalityDefinitions } from './county-definition.js';
import { buildGeography, type Geography } from './geography.js';
import { cellCode } from './grid.js';
import { allocateToCells, type GridPopulation, habitableCells } from './grid-allocation.js';
import { type PopulationHistory, simulateHistory } from './population-model.js';

/** Everything the files are written from, except the events: land, people and their history. */
export interface CountyModel {
  seed: number;
  geography: Geography;
  history: PopulationHistory;
  eventYears: number[];
  /** Residents by cell for each event year, in the same order. */
  grids: GridPopulation[];
  /** Grid cell code of each slot. */
  cellCodes: string[];
  /** Cells with residents in at least one event year. */
  populatedCells: Set<number>;
}

export const eventYearsFor = (years: number): number[] =>
  Array.from({ length: years }, (_, i) => lastFullYear - years + 1 + i);

export const buildCountyModel = (seed: number, residents: number, years: number): CountyModel => {
  const eventYears = eventYearsFor(years);
  // The history starts at least ten years back, so that forecasts can be tested against it.
  const firstYear = Math.min(firstPopulationYear, eventYears[0] ?? lastFullYear);
  const geography = buildGeography(seed, firstYear);
  const history = simulateHistory(seed, geography, {
    residents,
    firstYear,
    lastYear: lastFullYear,
    residentShares: municipalityDefinitions.map((d) => d.residentShare),
  });
  const cells = habitableCells(geography);
  const grids = eventYears.map((year) => allocateToCells(seed, geography, { history, year, cells }));
  const populatedCells = new Set<number>();
  for (const grid of grids) {
    grid.cells.forEach((cell, slot) => {
      if (populatedCells.has(cell)) return;
      for (let g = 0; g < groupCount; g++) {
        if ((grid.counts[slot * groupCount + g] ?? 0) > 0) {
          populatedCells.add(cell);
          return;
        }
      }
    });
  }
  return {
    seed,
    geography,
    history,
    eventYears,
    grids,
    cellCodes: Array.from(cells, (cell) => cellCode(geography.window, cell)),
    populatedCells,
  };
};

/** Residents of the county on 31 December of the history's last year. */
export const residentsAtEnd = (model: CountyModel): number => {
  const last = model.history.years.length - 1;
  let total = 0;
  for (const counts of model.history.counts) total += counts[last]?.reduce((a, b) => a + b, 0) ?? 0;
  return total;
};

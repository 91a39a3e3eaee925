import { type AgeGroup, populationAgeGroups } from '../../model/index.js';
import { type CellPopulation, cellPopulationOf } from './context-data.js';

/** The oldest single year of age the population is kept by; the last group runs to it. */
export const oldestAge = 100;

/** One age group of a 1 km grid cell as Statistics Finland's grid layer gives it (both sexes). */
export interface GridAgeFigure {
  ageFrom: number;
  /** The group's last age; null for the open group (65 and over). */
  ageTo: number | null;
  /** Residents of the group; null where Statistics Finland withheld the figure (-1). */
  count: number | null;
}

/** A grid cell's residents and age groups (0–14, 15–64, 65+). */
export interface GridCellFigures {
  /** All residents of the cell; null where withheld. */
  total: number | null;
  groups: readonly GridAgeFigure[];
}

/**
 * A grid cell's residents by the network's age groups, from the grid's coarser ones (0–14, 15–64, 65+).
 * The grid's groups do not nest in the network's (7–17 straddles 0–14 and 15–64; 75+ lies inside 65+),
 * so each grid group's residents are spread over its single years of age as the municipality's
 * residents of those ages are, and summed back into the network's groups. A cell of 30 residents aged
 * 65+ in a municipality where half of those aged 65+ are 75 or older thus has 15 residents aged 75+,
 * wherever its total would have put the municipality's average share.
 *
 * A withheld group (a cell of few residents) shares the residents the given groups leave of the total,
 * spread the same way over the withheld groups' ages together. Ages the municipality has nobody of are
 * filled evenly. The answer adds up to the given groups plus what was withheld, never to more than the
 * cell's residents when its total is known. Pure.
 *
 * `municipalAges`: the municipality's residents by single year of age, 0 to `oldestAge`.
 */
export const cellResidentsByAgeGroup = (
  cell: GridCellFigures,
  municipalAges: ArrayLike<number>,
  groups: readonly AgeGroup[] = populationAgeGroups,
): Float64Array => {
  const byAge = new Float64Array(oldestAge + 1);
  const spread = (count: number, from: number, to: number, withheld?: readonly GridAgeFigure[]) => {
    const within = (age: number) =>
      withheld
        ? withheld.some((g) => age >= g.ageFrom && age <= (g.ageTo ?? oldestAge))
        : age >= from && age <= to;
    let weight = 0;
    let ages = 0;
    for (let age = from; age <= to; age++)
      if (within(age)) {
        weight += Math.max(0, municipalAges[age] ?? 0);
        ages++;
      }
    if (count <= 0 || ages === 0) return;
    for (let age = from; age <= to; age++)
      if (within(age)) {
        const share = weight > 0 ? Math.max(0, municipalAges[age] ?? 0) / weight : 1 / ages;
        byAge[age] = (byAge[age] as number) + count * share;
      }
  };
  let given = 0;
  const withheld: GridAgeFigure[] = [];
  for (const group of cell.groups) {
    if (group.count === null) {
      withheld.push(group);
      continue;
    }
    given += group.count;
    spread(group.count, group.ageFrom, Math.min(oldestAge, group.ageTo ?? oldestAge));
  }
  if (withheld.length > 0 && cell.total !== null)
    spread(Math.max(0, cell.total - given), 0, oldestAge, withheld);
  const out = new Float64Array(groups.length);
  groups.forEach((group, g) => {
    let sum = 0;
    for (let age = group.ageFrom; age <= Math.min(oldestAge, group.ageTo); age++) sum += byAge[age] as number;
    out[g] = sum;
  });
  return out;
};

/** A grid cell as the store keeps it: where it lies, its municipality and its figures. */
export interface GridCell extends GridCellFigures {
  code: string;
  x: number;
  y: number;
  municipality: string;
}

/**
 * The network's cells from the grid's figures: each populated cell's residents by the network's age
 * groups (cellResidentsByAgeGroup), split by its own municipality's ages, or the county's where the
 * municipality's are not known. Cells without residents are left out, as the network leaves them. Pure.
 */
export const cellsFromGridFigures = (
  cells: readonly GridCell[],
  municipalAges: ReadonlyMap<string, ArrayLike<number>>,
  countyAges: ArrayLike<number>,
): CellPopulation => {
  const kept = cells.filter((cell) => {
    const given = cell.groups.reduce((sum, g) => sum + (g.count ?? 0), 0);
    return (cell.total ?? given) > 0;
  });
  const byAgeGroup = populationAgeGroups.map(() => new Float64Array(kept.length));
  kept.forEach((cell, c) => {
    const residents = cellResidentsByAgeGroup(cell, municipalAges.get(cell.municipality) ?? countyAges);
    residents.forEach((n, g) => {
      (byAgeGroup[g] as Float64Array)[c] = n;
    });
  });
  return cellPopulationOf(
    kept.map((cell) => cell.code),
    Float64Array.from(kept, (cell) => cell.x),
    Float64Array.from(kept, (cell) => cell.y),
    byAgeGroup,
  );
};

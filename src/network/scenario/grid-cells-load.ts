import { gridCellCentre } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { CellPopulation } from './context-data.js';
import { cellsFromGridFigures, type GridAgeFigure, type GridCell, oldestAge } from './grid-age-groups.js';

/** The latest year of the 1 km grid's figures by age group at or before `year` (or the earliest after it). */
export const gridFiguresYear = async (store: Store, year: number): Promise<number | undefined> => {
  const [row] = await store.all<{ year: number | null }>(
    `SELECT coalesce(max(year) FILTER (WHERE year <= $year), min(year)) AS year FROM grid_population_groups`,
    { year },
  );
  return row?.year ?? undefined;
};

/**
 * The network's cells of a year from the 1 km grid's figures (Statistics Finland's grid layer: residents
 * 0–14, 15–64 and 65+ by cell), split into the network's age groups by the municipalities' residents by
 * age in the nearest year with them (cellsFromGridFigures).
 */
export const loadGridCells = async (store: Store, year: number): Promise<CellPopulation> => {
  const rows = await store.all<{
    code: string;
    municipality: string | null;
    x: number | null;
    y: number | null;
    ageFrom: number;
    ageTo: number | null;
    count: number | null;
  }>(
    `WITH cells AS (
       SELECT DISTINCT ON (code) code, parent_code AS municipality, x, y FROM areas
       WHERE level = 'gridCell' ORDER BY code, import_id DESC)
     SELECT g.code, c.municipality, c.x, c.y, g.age_from AS "ageFrom", g.age_to AS "ageTo", g.count
     FROM grid_population_groups g LEFT JOIN cells c ON c.code = g.code
     WHERE g.year = $year AND g.sex = 'total'
     ORDER BY g.code, g.age_from, g.age_to NULLS FIRST`,
    { year },
  );
  const cells: (GridCell & { groups: GridAgeFigure[] })[] = [];
  for (const row of rows) {
    let cell = cells.at(-1);
    if (cell?.code !== row.code) {
      const centre = row.x !== null && row.y !== null ? { x: row.x, y: row.y } : gridCellCentre(row.code);
      if (!centre) continue;
      cell = { code: row.code, municipality: row.municipality ?? '', ...centre, total: null, groups: [] };
      cells.push(cell);
    }
    // The cell's total is the group of every age; the others are its age groups.
    if (row.ageFrom === 0 && row.ageTo === null) cell.total = row.count;
    else cell.groups.push({ ageFrom: row.ageFrom, ageTo: row.ageTo, count: row.count });
  }
  const ages = await store.all<{ code: string; age: number; n: number }>(
    `WITH nearest AS (
       SELECT coalesce(max(year) FILTER (WHERE year <= $year), min(year)) AS year
       FROM population WHERE area_level = 'municipality')
     SELECT area_code AS code, least(age, ${oldestAge})::INTEGER AS age, sum(count)::DOUBLE AS n
     FROM population WHERE area_level = 'municipality' AND year = (SELECT year FROM nearest)
     GROUP BY ALL`,
    { year },
  );
  const municipalAges = new Map<string, Float64Array>();
  const countyAges = new Float64Array(oldestAge + 1);
  for (const row of ages) {
    let byAge = municipalAges.get(row.code);
    if (!byAge) {
      byAge = new Float64Array(oldestAge + 1);
      municipalAges.set(row.code, byAge);
    }
    byAge[row.age] = (byAge[row.age] as number) + row.n;
    countyAges[row.age] = (countyAges[row.age] as number) + row.n;
  }
  return cellsFromGridFigures(cells, municipalAges, countyAges);
};

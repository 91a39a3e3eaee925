import { AreaLevel, parentLevelOf } from '../model/index.js';
import { validInYearSql } from './area-validity.js';

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Levels from the coarsest to the finest; the enum is declared in that order. */
const levelRanks = AreaLevel.options.map((level, rank) => `(${quote(level)}, ${rank})`).join(', ');

const levelParents = AreaLevel.options
  .flatMap((level) => {
    const parent = parentLevelOf[level];
    return parent ? [`(${quote(level)}, ${quote(parent)})`] : [];
  })
  .join(', ');

/**
 * CTEs that say which population rows make up each area's figure in the year bound to `$year`.
 * `topsSql` selects the areas asked about as (level, code). An area's own rows are used when it has
 * any; otherwise the area sums its descendants (through the area hierarchy valid in that year) at the
 * nearest level below that has rows, so a county gets a figure when only municipalities, or only grid
 * cells, were imported. Only one level is ever summed: grid cells and postal-code areas count the same
 * residents twice over.
 *
 * Defines `population_sources(top_level, top_code, level, code)` and `area_population(level, code,
 * population)` for the query that follows. Population is summed per area before any join: joins then
 * meet thousands of rows instead of millions.
 */
export const populationSourcesSql = (topsSql: string): string => `
WITH RECURSIVE
  level_ranks(level, rank) AS (VALUES ${levelRanks}),
  level_parents(level, parent_level) AS (VALUES ${levelParents}),
  valid_areas AS (SELECT level, code, parent_code FROM areas WHERE ${validInYearSql('areas')}),
  area_population AS (
    SELECT area_level AS level, area_code AS code, sum(count) AS population
    FROM population WHERE year = $year
    GROUP BY ALL
  ),
  tops AS (${topsSql}),
  lineage(top_level, top_code, level, code) AS (
    SELECT level, code, level, code FROM tops
    UNION ALL
    SELECT l.top_level, l.top_code, v.level, v.code
    FROM lineage l
    JOIN level_parents lp ON lp.parent_level = l.level
    JOIN valid_areas v ON v.level = lp.level AND v.parent_code = l.code
  ),
  levels_with_rows AS (
    SELECT DISTINCT l.top_level, l.top_code, l.level
    FROM lineage l
    SEMI JOIN area_population p ON p.level = l.level AND p.code = l.code
  ),
  chosen_levels AS (
    SELECT top_level, top_code, arg_min(w.level, r.rank) AS level
    FROM levels_with_rows w JOIN level_ranks r ON r.level = w.level
    GROUP BY top_level, top_code
  ),
  population_sources AS (
    SELECT DISTINCT l.top_level, l.top_code, l.level, l.code
    FROM lineage l JOIN chosen_levels c USING (top_level, top_code, level)
  )`;

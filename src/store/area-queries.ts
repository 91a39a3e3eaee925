import {
  type AreaLevel,
  type AreaView,
  discloseCount,
  type PopulationSummaryRow,
  populationAgeGroups,
} from '../model/index.js';
import { validInYearSql } from './area-validity.js';
import { populationSourcesSql } from './population-sources.js';
import type { Store } from './store.js';

export interface AreaQuery {
  level?: AreaLevel;
  year: number;
}

type AreaRow = Omit<AreaView, 'populationSuppressed'> & { geometry?: string };

const selectAreas = async (store: Store, { level, year }: AreaQuery, withGeometry: boolean) => {
  const tops = level
    ? 'SELECT level, code FROM valid_areas WHERE level = $level'
    : 'SELECT level, code FROM valid_areas';
  const rows = await store.all<AreaRow>(
    `${populationSourcesSql(tops)},
    totals AS (
      SELECT s.top_level, s.top_code, sum(p.population) AS population
      FROM population_sources s
      JOIN area_population p ON p.level = s.level AND p.code = s.code
      GROUP BY ALL
    )
    SELECT a.level, a.code, a.name_fi AS "nameFi", a.name_sv AS "nameSv", a.parent_code AS "parentCode",
      a.valid_from_year AS "validFromYear", a.valid_to_year AS "validToYear", t.population
      ${withGeometry ? ', a.geometry' : ''}
    FROM areas a
    JOIN level_ranks r ON r.level = a.level
    LEFT JOIN totals t ON t.top_level = a.level AND t.top_code = a.code
    WHERE ${validInYearSql('a')}
      ${level ? 'AND a.level = $level' : ''}
      ${withGeometry ? 'AND a.geometry IS NOT NULL' : ''}
    ORDER BY r.rank, a.code`,
    level ? { year, level } : { year },
  );
  return rows.map((row) => {
    const { value, suppressed } = discloseCount(row.population);
    return { ...row, population: value, populationSuppressed: suppressed };
  });
};

/** The areas valid in `year` (of one level, or all), each with its population that year where known. */
export const listAreas = (store: Store, query: AreaQuery): Promise<AreaView[]> =>
  selectAreas(store, query, false);

/** As `listAreas`, for the areas that have a boundary, with the boundary as GeoJSON text in EPSG:3067. */
export const areaGeometries = (
  store: Store,
  query: AreaQuery & { level: AreaLevel },
): Promise<(AreaView & { geometry: string })[]> =>
  selectAreas(store, query, true) as Promise<(AreaView & { geometry: string })[]>;

const ageGroupValues = populationAgeGroups.map((g, rank) => `('${g.code}', ${rank})`).join(', ');

/** The rank of a single-year age's group, as an expression: cheaper than a range join on every row. */
const ageGroupRankSql = (age: string): string =>
  `CASE ${populationAgeGroups
    .map((g, rank) => `WHEN ${age} BETWEEN ${g.ageFrom} AND ${g.ageTo} THEN ${rank}`)
    .join(' ')} END`;

export interface PopulationQuery {
  level: AreaLevel;
  year: number;
  areaCode?: string;
}

/**
 * Residents by age group and sex for each area of a level (or one area) in a year. Every age group is
 * listed for every area that has population, zeros included. Counts of 1–4 are withheld.
 */
export const populationSummary = async (
  store: Store,
  { level, year, areaCode }: PopulationQuery,
): Promise<PopulationSummaryRow[]> => {
  const oneArea = areaCode !== undefined;
  // Codes that have population rows count too, so that a level without imported areas still has a summary.
  const tops = `SELECT level, code FROM valid_areas WHERE level = $level ${oneArea ? 'AND code = $areaCode' : ''}
    UNION
    SELECT area_level, area_code FROM population
    WHERE year = $year AND area_level = $level ${oneArea ? 'AND area_code = $areaCode' : ''}`;
  const rows = await store.all<{ areaCode: string; ageGroup: string; male: number; female: number }>(
    `${populationSourcesSql(tops)},
    age_groups(code, rank) AS (VALUES ${ageGroupValues}),
    area_counts AS (
      SELECT area_level AS level, area_code AS code, ${ageGroupRankSql('age')} AS age_group_rank,
        sum(count) FILTER (WHERE sex = 'male') AS male,
        sum(count) FILTER (WHERE sex = 'female') AS female
      FROM population WHERE year = $year AND area_level IN (SELECT level FROM chosen_levels)
      GROUP BY ALL
    ),
    counts AS (
      SELECT s.top_code, n.age_group_rank, sum(n.male) AS male, sum(n.female) AS female
      FROM population_sources s JOIN area_counts n ON n.level = s.level AND n.code = s.code
      GROUP BY ALL
    )
    SELECT c.top_code AS "areaCode", g.code AS "ageGroup",
      coalesce(n.male, 0)::BIGINT AS male, coalesce(n.female, 0)::BIGINT AS female
    FROM chosen_levels c
    CROSS JOIN age_groups g
    LEFT JOIN counts n ON n.top_code = c.top_code AND n.age_group_rank = g.rank
    ORDER BY c.top_code, g.rank`,
    oneArea ? { year, level, areaCode } : { year, level },
  );
  return rows.map((row) => {
    const male = discloseCount(row.male);
    const female = discloseCount(row.female);
    const total = discloseCount(row.male + row.female);
    return {
      areaCode: row.areaCode,
      year,
      ageGroup: row.ageGroup,
      male: male.value,
      female: female.value,
      total: total.value,
      suppressed: male.suppressed || female.suppressed || total.suppressed,
    };
  });
};

import type { IndicatorAreaLevel } from '../model/index.js';
import type { QueryPlan } from './compile-plan.js';
import { quote, validSql } from './compile-sql.js';

/**
 * The periods asked for (`per`), their years (`yrs`), the areas of the requested level valid in each
 * year (`lvl`) and the map from raw area codes to them (`amap`).
 */
export const periodAndAreaCtes = ({ input }: QueryPlan): string[] => {
  const periodValues = input.periods
    .map(
      (p) =>
        `(${quote(p.key)}, DATE '${p.start}', DATE '${p.end}', ${p.year}, DATE '${p.firstBucket}', DATE '${p.lastBucket}')`,
    )
    .join(',\n    ');
  return [
    `per(period, start_date, end_date, year, first_bucket, last_bucket) AS (VALUES
    ${periodValues})`,
    'yrs AS (SELECT DISTINCT year FROM per)',
    `lvl AS (
    SELECT y.year, a.code AS area_code, any_value(a.name_fi) AS area_name, any_value(a.parent_code) AS parent_code
    FROM areas a JOIN yrs y ON ${validSql('a', 'y.year')}
    WHERE a.level = ${quote(input.level)}
    GROUP BY ALL)`,
    areaMapSql(input.level),
  ];
};

/**
 * Raw area codes (municipality, or grid cell) mapped to the requested level in each year. A municipality
 * no longer valid in a year maps to its successor: the one its grid cells belong to that year.
 */
const areaMapSql = (level: IndicatorAreaLevel): string =>
  level === 'gridCell'
    ? `amap AS (SELECT DISTINCT a.code AS raw_code, y.year, a.code AS area_code FROM areas a, yrs y WHERE a.level = 'gridCell')`
    : level === 'county'
      ? `amap AS (
    SELECT m.code AS raw_code, y.year, any_value(m.parent_code) AS area_code
    FROM areas m, yrs y WHERE m.level = 'municipality' GROUP BY ALL)`
      : `successors AS (
    SELECT old.parent_code AS raw_code, y.year, mode(cur.parent_code) AS area_code
    FROM areas old
    JOIN areas cur ON cur.code = old.code AND cur.level = 'gridCell'
    JOIN yrs y ON ${validSql('cur', 'y.year')}
    WHERE old.level = 'gridCell' AND old.parent_code <> cur.parent_code
    GROUP BY ALL),
  amap AS (
    SELECT m.code AS raw_code, y.year,
      CASE WHEN bool_or(${validSql('m', 'y.year')}) THEN m.code ELSE coalesce(any_value(s.area_code), m.code) END AS area_code
    FROM areas m CROSS JOIN yrs y
    LEFT JOIN successors s ON s.raw_code = m.code AND s.year = y.year
    WHERE m.level = 'municipality'
    GROUP BY m.code, y.year)`;

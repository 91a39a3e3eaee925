import { mergerSuccessor } from '../importers/index.js';
import type { Store } from '../store/index.js';
import type { PopulationHistory } from './estimate.js';
import { groupCount, groupIndex } from './layout.js';

export interface ForecastGeography {
  /** The year whose municipalities the projection is made for: the latest with municipal population. */
  year: number;
  municipalities: { code: string; nameFi: string; countyCode: string | null }[];
  /** Municipalities that no longer exist, by the one their territory now belongs to. */
  successorOf: Map<string, string>;
}

const validIn = (alias: string) =>
  `${alias}.valid_from_year <= $year AND (${alias}.valid_to_year IS NULL OR ${alias}.valid_to_year >= $year)`;

/**
 * The municipalities of the latest year and where earlier ones went. A merged municipality's grid
 * cells belong to its successor afterwards, which is how the areas file versions a merger; where there
 * are no cells, the shipped list of mergers (importers' municipality reference) says it. History is
 * added up into the municipalities of today, so that every year is comparable.
 */
export const loadGeography = async (store: Store): Promise<ForecastGeography | undefined> => {
  const [latest] = await store.all<{ year: number | null }>(
    `SELECT max(year) AS year FROM population WHERE area_level = 'municipality'`,
  );
  const year = latest?.year;
  if (year === null || year === undefined) return undefined;
  const municipalities = await store.all<{ code: string; nameFi: string; countyCode: string | null }>(
    `SELECT DISTINCT ON (code) code, name_fi AS "nameFi", parent_code AS "countyCode"
     FROM areas a WHERE level = 'municipality' AND ${validIn('a')}
     ORDER BY code, import_id DESC`,
    { year },
  );
  const moves = await store.all<{ old: string; new: string }>(
    `SELECT DISTINCT a.parent_code AS old, b.parent_code AS new
     FROM areas a JOIN areas b ON a.code = b.code AND a.level = 'gridCell' AND b.level = 'gridCell'
     WHERE ${validIn('b')} AND a.parent_code <> b.parent_code AND a.valid_to_year < $year`,
    { year },
  );
  const codes = await store.all<{ code: string }>(
    `SELECT DISTINCT area_code AS code FROM population WHERE area_level = 'municipality' AND year = $year ORDER BY 1`,
    { year },
  );
  // Without any municipality rows the population's own codes stand for the geography. Statistics
  // Finland gives each year's population in the newest division, so a municipality still valid in the
  // hierarchy that year but without residents in it has already been merged (Valtimo's 2019
  // residents are Nurmes's in the table published in 2020).
  const populated = new Set(codes.map((c) => c.code));
  if (municipalities.length === 0)
    for (const { code } of codes) municipalities.push({ code, nameFi: code, countyCode: null });
  else if (municipalities.some((m) => populated.has(m.code)))
    municipalities.splice(0, municipalities.length, ...municipalities.filter((m) => populated.has(m.code)));
  const current = new Set(municipalities.map((m) => m.code));
  const successorOf = new Map<string, string>();
  for (const move of moves) if (!current.has(move.old)) successorOf.set(move.old, move.new);
  // Without grid cells, a municipality that no longer exists goes where Statistics Finland's list of
  // mergers sends it, followed to the end of a chain of mergers.
  const gone = await store.all<{ code: string }>(
    `SELECT DISTINCT area_code AS code FROM population WHERE area_level = 'municipality' AND year < $year
     UNION SELECT DISTINCT code FROM areas WHERE level = 'municipality'`,
    { year },
  );
  for (const { code } of gone) {
    if (current.has(code) || successorOf.has(code)) continue;
    const successor = mergerSuccessor(code)?.code;
    if (successor !== undefined && current.has(successor)) successorOf.set(code, successor);
  }
  return { year, municipalities, successorOf };
};

/** Municipal residents by year, age and sex, every year added up into the municipalities of `geography`. */
export const loadPopulationHistory = async (
  store: Store,
  geography: ForecastGeography,
): Promise<PopulationHistory> => {
  const rows = await store.all<{ code: string; year: number; age: number; sex: string; count: number }>(
    `SELECT area_code AS code, year, least(age, 100) AS age, sex, sum(count)::DOUBLE AS count
     FROM population WHERE area_level = 'municipality' AND year <= $year
     GROUP BY ALL`,
    { year: geography.year },
  );
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const first = years[0] ?? geography.year;
  const allYears = Array.from({ length: geography.year - first + 1 }, (_, i) => first + i);
  const areaCodes = geography.municipalities.map((m) => m.code);
  const areaIndex = new Map(areaCodes.map((code, i) => [code, i]));
  const size = areaCodes.length * groupCount;
  const population = new Float64Array(allYears.length * size);
  for (const row of rows) {
    let area = areaIndex.get(row.code);
    if (area === undefined) {
      const successor = geography.successorOf.get(row.code);
      area = successor === undefined ? undefined : areaIndex.get(successor);
    }
    if (area === undefined) continue;
    const i =
      (row.year - first) * size +
      area * groupCount +
      groupIndex(row.sex === 'female' ? 'female' : 'male', row.age);
    population[i] = (population[i] as number) + row.count;
  }
  return { years: allYears, areaCodes, population };
};

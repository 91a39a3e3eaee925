import type { Store } from '../../store/index.js';
import type { MunicipalityLanguages } from './language-access.js';

/**
 * Each municipality's residents by language in the latest year stored up to `year` (or the earliest
 * stored after it, when the figures begin later), with the year used; null when none are stored.
 */
export const municipalityLanguages = async (
  store: Store,
  year: number,
): Promise<{ year: number | null; languages: Map<string, MunicipalityLanguages> }> => {
  const [chosen] = await store.all<{ year: number | null }>(
    `SELECT coalesce(max(year) FILTER (WHERE year <= $year), min(year)) AS year
     FROM population_languages p
     WHERE p.area_code IN (SELECT code FROM areas WHERE level = 'municipality')`,
    { year },
  );
  const used = chosen?.year ?? null;
  if (used === null) return { year: null, languages: new Map() };
  const rows = await store.all<{ code: string; fi: number; sv: number; total: number }>(
    `SELECT area_code AS code,
       CAST(sum(count) FILTER (WHERE language = 'fi') AS DOUBLE) AS fi,
       CAST(sum(count) FILTER (WHERE language = 'sv') AS DOUBLE) AS sv,
       CAST(sum(count) AS DOUBLE) AS total
     FROM population_languages
     WHERE year = $year AND area_code IN (SELECT code FROM areas WHERE level = 'municipality')
     GROUP BY area_code`,
    { year: used },
  );
  return {
    year: Number(used),
    languages: new Map(rows.map((r) => [r.code, { fi: r.fi ?? 0, sv: r.sv ?? 0, total: r.total ?? 0 }])),
  };
};

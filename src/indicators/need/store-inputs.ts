import type { NeedSector, Sex } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { AgeSexStandardisationInput } from './age-sex.js';

/**
 * The latest year for which the store has municipal population, service events and net costs, the
 * three things a county's needs-standardised comparison needs; null when it has no such year.
 */
export const latestNeedYear = async (store: Store): Promise<number | null> => {
  const rows = await store.all<{ year: number | null }>(`
    SELECT max(p.year) AS year
    FROM (SELECT DISTINCT year FROM population WHERE area_level = 'municipality') p
    JOIN (SELECT DISTINCT year FROM costs) c USING (year)
    JOIN (SELECT DISTINCT year(event_date) AS year FROM events) e USING (year)`);
  return rows[0]?.year ?? null;
};

/**
 * What indirect age-sex standardisation needs from the store for one year: the county's municipalities
 * valid that year, their residents by age and sex, and the county's own cost of the service events by age,
 * sex and sector (the service class's service area), against which each municipality is compared.
 */
export const countyNeedInputs = async (
  store: Store,
  year: number,
): Promise<{ need: AgeSexStandardisationInput; costs: { areaCode: string; netCostEuros: number }[] }> => {
  const valid = 'valid_from_year <= $year AND (valid_to_year IS NULL OR valid_to_year >= $year)';
  const [county] = await store.all<{ code: string; name: string }>(
    `SELECT code, name_fi AS name FROM areas WHERE level = 'county' AND ${valid} ORDER BY code LIMIT 1`,
    { year },
  );
  const areas = await store.all<{ code: string; name: string }>(
    `SELECT DISTINCT code, name_fi AS name FROM areas WHERE level = 'municipality' AND ${valid} ORDER BY code`,
    { year },
  );
  const population = await store.all<{ areaCode: string; age: number; sex: Sex; count: number }>(
    `SELECT area_code AS "areaCode", age, sex, sum(count)::INTEGER AS count
     FROM population WHERE area_level = 'municipality' AND year = $year
     GROUP BY ALL ORDER BY ALL`,
    { year },
  );
  const costs = await store.all<{ age: number; sex: Sex; sector: NeedSector; costEuros: number }>(
    `SELECT e.age::INTEGER AS age, e.sex, s.service_area AS sector, sum(e.cost_euros) AS "costEuros"
     FROM events e JOIN service_classes s ON s.code = e.service_class
     WHERE year(e.event_date) = $year
     GROUP BY ALL ORDER BY ALL`,
    { year },
  );
  const netCosts = await store.all<{ areaCode: string; netCostEuros: number }>(
    `SELECT area_code AS "areaCode", sum(net_operating_cost_euros) AS "netCostEuros"
     FROM costs WHERE year = $year GROUP BY ALL ORDER BY ALL`,
    { year },
  );
  const known = new Set(areas.map((a) => a.code));
  const residents = population.filter((p) => known.has(p.areaCode));
  return {
    need: {
      year,
      areas,
      population: residents,
      reference: {
        level: 'county',
        code: county?.code ?? null,
        name: county?.name ?? 'county',
        population: residents,
        costs,
      },
    },
    costs: netCosts.filter((c) => known.has(c.areaCode)),
  };
};

import type { QueryPlan } from './compile-plan.js';
import {
  capacityDimensionSql,
  columnOf,
  costDimensionSql,
  dimensionColumnsSql,
  eventDimensionSql,
  filtered,
  groupingSql,
  inList,
  populationDimensionSql,
  thlBandSql,
} from './compile-sql.js';
import { bucketOf } from './periods.js';

/** One builder per source of the figures: each gives the CTEs that aggregate it by period and area. */

const producerFilterSql = (plan: QueryPlan, column: string) =>
  plan.input.producerCode === undefined ? '' : `AND ${column} = $producer`;

/**
 * Events in one scan (`ev`: by calendar bucket, raw area and breakdown), summed into the periods and
 * areas asked for (`eva`), and the periods the event data cover (`covered`).
 */
export const eventCtes = (plan: QueryPlan): string[] => {
  const { input, aggregates, place, dims, dateRange } = plan;
  if (!aggregates.has('events')) return [];
  const rawEventArea =
    place === 'unit'
      ? 'e.unit_code'
      : input.level === 'gridCell'
        ? 'e.grid_cell_code'
        : 'e.municipality_code';
  const eventKeys = ['bucket', 'raw'];
  // Only events some aggregate counts are read: the union of their conditions, so that an indicator
  // of one service class scans that class's events only.
  const prefilter = aggregates.eventConditions.has('')
    ? ''
    : `AND (${[...aggregates.eventConditions].map((c) => `(${c})`).join(' OR ')})`;
  // Years are grouped by their number, cheaper than truncating every date; buckets become dates after.
  const bucketKey =
    input.period === 'year'
      ? 'year(e.event_date)'
      : `date_trunc('${bucketOf(input.period)}', e.event_date)::DATE`;
  const bucketDate = input.period === 'year' ? 'make_date(ev.bucket, 1, 1)' : 'ev.bucket';
  // With one condition for all, the WHERE clause already applies it.
  const [onlyCondition] = aggregates.eventConditions.size === 1 ? [...aggregates.eventConditions] : [];
  const eventAggregates = onlyCondition
    ? aggregates.select('events').replaceAll(` FILTER (WHERE ${onlyCondition})`, '')
    : aggregates.select('events');
  const ctes = [
    `ev AS (
    SELECT ${bucketKey} AS bucket, ${rawEventArea} AS raw,
      ${dimensionColumnsSql(eventDimensionSql, input.breakdown)},
      ${eventAggregates}
    FROM ${plan.eventTable} e
    WHERE e.event_date BETWEEN ${dateRange} AND ${rawEventArea} IS NOT NULL ${producerFilterSql(plan, 'e.producer_code')} ${prefilter}
    ${groupingSql(eventKeys, dims)})`,
  ];
  if (place === 'unit')
    ctes.push(
      'umap AS (SELECT code AS unit_code, any_value(municipality_code) AS municipality_code FROM units GROUP BY code)',
    );
  const rawMunicipality = place === 'unit' ? 'um.municipality_code' : 'ev.raw';
  ctes.push(`eva AS (
    SELECT per.period, coalesce(am.area_code, ${rawMunicipality}) AS area_code, ${[...dims.map((d) => `ev.${d}`), 'ev.is_total'].join(', ')},
      ${aggregates
        .names('events')
        .map((n) => `sum(ev.${n}) AS ${n}`)
        .join(', ')}
    FROM ev JOIN per ON ${bucketDate} BETWEEN per.first_bucket AND per.last_bucket
    ${place === 'unit' ? 'LEFT JOIN umap um ON um.unit_code = ev.raw' : ''}
    LEFT JOIN amap am ON am.raw_code = ${rawMunicipality} AND am.year = per.year
    GROUP BY ALL)`);
  // The periods the event data cover: between the first and the last event of the years asked for.
  // Outside, a count is unknown (null); inside, no events is a real zero.
  ctes.push(`covered AS (
    SELECT per.period FROM per,
      (SELECT min(event_date) AS first, max(event_date) AS last FROM ${plan.coverageTable} WHERE event_date BETWEEN ${dateRange}) b
    WHERE per.end_date >= b.first AND per.start_date <= b.last)`);
  return ctes;
};

/** Residents by year and area (`pop`). */
export const populationCtes = ({ aggregates, popDims, sourceLevel }: QueryPlan): string[] =>
  aggregates.has('population')
    ? [
        `pop AS (
    SELECT p.year, coalesce(am.area_code, p.area_code) AS area_code,
      ${dimensionColumnsSql(populationDimensionSql, popDims)},
      ${aggregates.select('population')}
    FROM population p JOIN yrs y ON y.year = p.year
    LEFT JOIN amap am ON am.raw_code = p.area_code AND am.year = p.year
    WHERE p.area_level = '${sourceLevel}'
    ${groupingSql(['p.year', 'coalesce(am.area_code, p.area_code)'], popDims.map(columnOf))})`,
      ]
    : [];

/** Net operating costs by year and area (`cost`). */
export const costCtes = ({ aggregates, costDims }: QueryPlan): string[] =>
  aggregates.has('netCost')
    ? [
        `cost AS (
    SELECT c.year, coalesce(am.area_code, c.area_code) AS area_code,
      ${dimensionColumnsSql(costDimensionSql, costDims)},
      ${aggregates.select('netCost')}
    FROM costs c JOIN yrs y ON y.year = c.year
    LEFT JOIN amap am ON am.raw_code = c.area_code AND am.year = c.year
    ${groupingSql(['c.year', 'coalesce(am.area_code, c.area_code)'], costDims.map(columnOf))})`,
      ]
    : [];

/** Units' capacity by period and area, pro rata for the days each unit was open (`cap`). */
export const capacityCtes = (plan: QueryPlan): string[] => {
  const { aggregates, capDims } = plan;
  if (!aggregates.has('capacity')) return [];
  return [
    `cap AS (
    SELECT u.period, u.area_code,
      ${dimensionColumnsSql(capacityDimensionSql, capDims)},
      ${aggregates.select('capacity')}
    FROM (
      SELECT per.period, coalesce(am.area_code, u.municipality_code) AS area_code, u.code, u.producer_code,
        u.capacity_unit, u.service_classes,
        u.capacity_per_year
          * (datediff('day', greatest(per.start_date, u.valid_from), least(per.end_date, coalesce(u.valid_to, per.end_date))) + 1)
          / CASE WHEN u.capacity_unit = 'places' THEN 1
              ELSE datediff('day', make_date(per.year, 1, 1), make_date(per.year + 1, 1, 1)) END AS capacity_part
      FROM units u
      JOIN per ON u.valid_from <= per.end_date AND (u.valid_to IS NULL OR u.valid_to >= per.start_date)
      LEFT JOIN amap am ON am.raw_code = u.municipality_code AND am.year = per.year
      WHERE TRUE ${producerFilterSql(plan, 'u.producer_code')}
    ) u
    ${groupingSql(['u.period', 'u.area_code'], capDims.map(columnOf))})`,
  ];
};

/**
 * Indirect age-sex standardisation against the whole store (the county) in THL's 20 age bands: each
 * area's expected cost is its residents by band and sex times the county's cost per resident there
 * (`ref`: cost by band and sex, `popb`: residents by band and sex, `expct`: the expected costs).
 */
export const standardisedCtes = ({
  standardised,
  eventTable,
  dateRange,
  sourceLevel,
}: QueryPlan): string[] => {
  if (standardised.length === 0) return [];
  const band = thlBandSql('e.age');
  return [
    `ref AS (
    SELECT year(e.event_date) AS year, ${band} AS band, e.sex,
      ${standardised.map((s) => `${filtered('sum(e.cost_euros)', s.classes ? inList('e.service_class', s.classes) : '')} AS r_${s.column}`).join(', ')}
    FROM ${eventTable} e WHERE e.event_date BETWEEN ${dateRange}
    GROUP BY ALL)`,
    `popb AS (
    SELECT p.year, coalesce(am.area_code, p.area_code) AS area_code, ${thlBandSql('p.age')} AS band, p.sex, sum(p.count) AS n
    FROM population p JOIN yrs y ON y.year = p.year
    LEFT JOIN amap am ON am.raw_code = p.area_code AND am.year = p.year
    WHERE p.area_level = '${sourceLevel}'
    GROUP BY ALL)`,
    `expct AS (
    SELECT b.year, b.area_code,
      ${standardised.map((s) => `sum(b.n * r.r_${s.column} / nullif(t.n, 0)) AS ${s.column}`).join(', ')}
    FROM popb b
    JOIN (SELECT year, band, sex, sum(n) AS n FROM popb GROUP BY ALL) t USING (year, band, sex)
    JOIN ref r USING (year, band, sex)
    GROUP BY ALL)`,
  ];
};

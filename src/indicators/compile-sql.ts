import { type BreakdownDimension, populationAgeGroups } from '../model/index.js';
import { thlAgeBandStarts } from './need/index.js';

/** Small pieces of SQL text the indicator compiler's builders share. */

export const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const list = (items: readonly string[]): string => items.map(quote).join(', ');

export const inList = (column: string, items: readonly string[]): string =>
  items.length === 0 ? 'FALSE' : `${column} IN (${list(items)})`;

export const filtered = (aggregate: string, condition: string): string =>
  condition === '' ? aggregate : `${aggregate} FILTER (WHERE ${condition})`;

export const validSql = (alias: string, year: string): string =>
  `${alias}.valid_from_year <= ${year} AND (${alias}.valid_to_year IS NULL OR ${alias}.valid_to_year >= ${year})`;

/**
 * Groups by `keys` and, when there is a breakdown, also by `keys` alone, so that every area's total
 * over the categories comes from the same pass (distinct clients cannot be summed from the parts).
 */
export const groupingSql = (keys: readonly string[], dims: readonly string[]): string =>
  dims.length === 0
    ? `GROUP BY ${keys.join(', ')}`
    : `GROUP BY GROUPING SETS ((${[...keys, ...dims].join(', ')}), (${keys.join(', ')}))`;

export const totalFlagSql = (dims: readonly string[]): string =>
  dims.length === 0 ? 'TRUE' : `grouping(${dims[0]}) = 1`;

export const columnOf = (d: BreakdownDimension): string => `d_${d}`;

const ageBandSql = (column: string): string =>
  `CASE ${populationAgeGroups
    .map((g) => `WHEN ${column} <= ${g.ageTo} THEN ${quote(g.code)}`)
    .join(' ')} ELSE ${quote(populationAgeGroups.at(-1)?.code ?? '')} END`;

/** THL's 20 age bands of the county funding model's age-sex standardisation, numbered from 0. */
export const thlBandSql = (column: string): string =>
  `CASE ${thlAgeBandStarts
    .map((start, i) => ({ start, i }))
    .reverse()
    .map(({ start, i }) => `WHEN ${column} >= ${start} THEN ${i}`)
    .join(' ')} ELSE 0 END`;

/** Breakdown columns of each source; a source without a dimension is broadcast over its categories. */
export type DimensionSql = Partial<Record<BreakdownDimension, string>>;

export const eventDimensionSql: Record<BreakdownDimension, string> = {
  ageBand: ageBandSql('e.age'),
  sex: 'e.sex',
  serviceClass: 'e.service_class',
  producer: "coalesce(e.producer_code, '?')",
  unit: "coalesce(e.unit_code, '?')",
  channel: 'e.channel',
};
export const populationDimensionSql: DimensionSql = {
  ageBand: ageBandSql('p.age'),
  sex: 'p.sex',
};
export const costDimensionSql: DimensionSql = { serviceClass: 'c.service_class' };
export const capacityDimensionSql: DimensionSql = {
  unit: 'u.code',
  producer: 'u.producer_code',
};

/** A source's breakdown columns with its total flag: `d_sex AS …, grouping(d_sex) = 1 AS is_total`. */
export const dimensionColumnsSql = (sqlOf: DimensionSql, dims: readonly BreakdownDimension[]): string =>
  [
    ...dims.map((d) => `${sqlOf[d]} AS ${columnOf(d)}`),
    `${totalFlagSql(dims.map(columnOf))} AS is_total`,
  ].join(', ');

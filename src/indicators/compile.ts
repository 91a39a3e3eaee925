import type { BreakdownDimension } from '../model/index.js';
import { periodAndAreaCtes } from './compile-areas.js';
import { type CompileInput, type MeasureColumns, planQuery, type QueryPlan } from './compile-plan.js';
import { capacityCtes, costCtes, eventCtes, populationCtes, standardisedCtes } from './compile-sources.js';
import { columnOf } from './compile-sql.js';

export { clientTableServes, cubeServes, eventConditionSql } from './compile-measures.js';
export type { CompileInput, MeasureColumns } from './compile-plan.js';

/**
 * Compiles indicator definitions and one request into a single SQL statement over the store.
 *
 * Events are scanned once: every numerator and denominator over events becomes one filtered aggregate
 * (`count(*) FILTER (WHERE …)`) of the same scan, grouped by calendar bucket (year, quarter or month),
 * the raw area code and the breakdown. Buckets are then summed into the reported periods (a rolling
 * 12-month period sums twelve monthly buckets) and raw area codes mapped to the requested level.
 *
 * Areas change over time. Every period is computed on the area classification of its last day's year:
 * an event keeps the municipality code it was recorded with; a code no longer valid in that year is
 * mapped to its successor, found through the grid cells the two share in the versioned hierarchy (a
 * merged municipality's cells are re-parented to the new one), and population is that year's. So a
 * rolling 12-month period ending after a merger reports the merged municipality, with its predecessors'
 * earlier events in it, and calendar periods report the areas as they were.
 *
 * Each part of the statement has its builder, as a query builder compiles one node at a time: the
 * periods and areas (compile-areas.ts), one aggregate per source (compile-sources.ts), the categories,
 * then the select list and the joins of the frame below.
 */
export interface CompiledIndicators {
  sql: string;
  params: Record<string, string>;
  dimensions: BreakdownDimension[];
  columns: MeasureColumns[];
}

export const compileIndicators = (input: CompileInput): CompiledIndicators => {
  const plan = planQuery(input);
  const ctes = [
    ...periodAndAreaCtes(plan),
    ...eventCtes(plan),
    ...populationCtes(plan),
    ...costCtes(plan),
    ...capacityCtes(plan),
    ...standardisedCtes(plan),
    categoryCte(plan),
  ];
  const sql = `WITH
  ${ctes.join(',\n  ')},
  frame AS (
    SELECT per.period, per.start_date, per.end_date, per.year, lvl.area_code, lvl.area_name, lvl.parent_code, dimf.*
    FROM per JOIN lvl ON lvl.year = per.year CROSS JOIN dimf)
SELECT ${selectList(plan).join(',\n  ')}
FROM frame f
${joinList(plan).join('\n')}
ORDER BY f.start_date, f.area_code, f.is_total DESC${plan.dims.map((d) => `, f.${d}`).join('')}`;
  const params: Record<string, string> = {};
  if (input.producerCode !== undefined) params.producer = input.producerCode;
  // DuckDB refuses named parameters the statement does not use.
  const used = Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`$${name}`)));
  return { sql, params: used, dimensions: [...input.breakdown], columns: plan.columns };
};

/** The categories: those any source has, so that a category with residents but no events still shows. */
const categoryCte = ({ aggregates, dims, popDims, costDims, capDims }: QueryPlan): string => {
  const dimSources = [
    aggregates.has('events') ? 'eva' : undefined,
    aggregates.has('population') && popDims.length === dims.length ? 'pop' : undefined,
    aggregates.has('netCost') && costDims.length === dims.length ? 'cost' : undefined,
    aggregates.has('capacity') && capDims.length === dims.length ? 'cap' : undefined,
  ].filter((source): source is string => source !== undefined);
  const dimFrame =
    dims.length === 0
      ? 'SELECT TRUE AS is_total'
      : [
          ...dimSources.map((source) => `SELECT DISTINCT ${dims.join(', ')}, is_total FROM ${source}`),
          `SELECT ${dims.map(() => 'NULL').join(', ')}, TRUE`,
        ].join(' UNION ');
  return `dimf AS (${dimFrame})`;
};

/** The frame's period, area and category, then each source's figures. */
const selectList = ({ aggregates, dims, standardised }: QueryPlan): string[] => [
  'f.period',
  'f.start_date',
  'f.end_date',
  'f.year',
  'f.area_code',
  'f.area_name',
  'f.parent_code',
  'f.is_total',
  ...dims.map((d) => `f.${d}`),
  ...aggregates
    .names('events')
    .map((n) => `CASE WHEN cv.period IS NULL THEN NULL ELSE coalesce(ev.${n}, 0) END AS ${n}`),
  ...aggregates.names('population').map((n) => `pop.${n}`),
  ...aggregates.names('netCost').map((n) => `cost.${n}`),
  ...aggregates.names('capacity').map((n) => `coalesce(cap.${n}, 0) AS ${n}`),
  ...standardised.map((s) => `expct.${s.column}`),
];

/** A source joined to the frame on period (or year), area and the categories it has. */
const joinOn = (alias: string, sourceDimensions: readonly BreakdownDimension[], periodKey: string) => {
  const conditions = [periodKey, `${alias}.area_code = f.area_code`];
  if (sourceDimensions.length > 0) {
    conditions.push(`${alias}.is_total = f.is_total`);
    for (const d of sourceDimensions)
      conditions.push(`${alias}.${columnOf(d)} IS NOT DISTINCT FROM f.${columnOf(d)}`);
  }
  return conditions.join(' AND ');
};

const joinList = ({ input, aggregates, popDims, costDims, capDims, standardised }: QueryPlan): string[] =>
  [
    aggregates.has('events')
      ? `LEFT JOIN eva ev ON ${joinOn('ev', input.breakdown, 'ev.period = f.period')}
    LEFT JOIN covered cv ON cv.period = f.period`
      : '',
    aggregates.has('population') ? `LEFT JOIN pop ON ${joinOn('pop', popDims, 'pop.year = f.year')}` : '',
    aggregates.has('netCost') ? `LEFT JOIN cost ON ${joinOn('cost', costDims, 'cost.year = f.year')}` : '',
    aggregates.has('capacity') ? `LEFT JOIN cap ON ${joinOn('cap', capDims, 'cap.period = f.period')}` : '',
    standardised.length > 0
      ? 'LEFT JOIN expct ON expct.year = f.year AND expct.area_code = f.area_code AND f.is_total'
      : '',
  ].filter((j) => j !== '');

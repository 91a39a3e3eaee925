import { type ChainDefinition, type ChainEventMatch, populationAgeGroups } from '../model/index.js';
import { type ChainScope, type ChainStatement, chainDimensions } from './compile.js';

/** Small SQL text helpers: every value from a definition is quoted here, never spliced raw. */
const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const list = (items: readonly string[]): string => items.map(quote).join(', ');

const matchSql = (m: ChainEventMatch): string =>
  [
    `service_class IN (${list(m.serviceClasses)})`,
    `kind IN (${list(m.kinds)})`,
    ...(m.units ? [`unit_code IN (${list(m.units)})`] : []),
    ...(m.producers ? [`producer_code IN (${list(m.producers)})`] : []),
  ].join(' AND ');

const ageBandSql = (column: string): string =>
  `CASE ${populationAgeGroups.map((g) => `WHEN ${column} <= ${g.ageTo} THEN ${quote(g.code)}`).join(' ')} END`;

/**
 * The chain statement as it was first written, kept to check the faster one against: the same answers
 * on any events. It numbers every matching event per client, finds each next step with an ASOF join on
 * that number (one sort per step) and scans every client's events.
 *
 * One statement for one chain and year. Events that match any step or the return rule are numbered per
 * client in time order (a window function); entries are first-step events with no first-step event of
 * the same client within the washout before (`lag`); each next step is the client's first matching
 * event after the previous step (an ASOF join on the number), counted only within the step's time limit
 * and the end rule. Costs are a running sum per client, so a chain's cost is the difference of two of
 * them. The per-entry rows are then grouped by every breakdown at once (GROUPING SETS), and the clients
 * at each step by the step's producer, so that one disclosure pattern covers all of them.
 *
 * Output: one row per (dim, category) with entered, r1…rn, h1…h(n-1) handovers, returns, cost and
 * g1…g(n-1), the days from step k to the next as a histogram, and gt, the days from entry to the last step; dim is '*' for the total,
 * a breakdown name, or `step{k}` (k ≥ 2) for the entries grouped by the producer of step k, where rk
 * counts those reaching step k there (the group of no producer also holds those who never got there).
 */
export const referenceChainStatement = (
  chain: ChainDefinition,
  year: number,
  scope: ChainScope = {},
): ChainStatement => {
  const steps = chain.steps;
  const n = steps.length;
  const idx = Array.from({ length: n }, (_, i) => i + 1);
  const periodStart = `DATE '${year}-01-01'`;
  const periodEnd = `DATE '${year}-12-31'`;
  const scanFrom = `${periodStart} - INTERVAL ${chain.entry.washoutDays} DAY`;
  const scanTo = `${periodEnd} + INTERVAL ${chain.end.withinDaysOfEntry + chain.returns.withinDays} DAY`;
  const flags = [
    ...steps.map((s, i) => `(${matchSql(s)}) AS s${i + 1}`),
    `(${matchSql(chain.returns)}) AS sr`,
  ];
  const anyFlag = [...steps.map((s) => `(${matchSql(s)})`), `(${matchSql(chain.returns)})`].join(' OR ');
  const limit = (k: number) => steps[k - 1]?.maxDaysToNext ?? 0;

  const ctes: string[] = [
    `ev AS (SELECT client_key AS k, event_date AS d, producer_code AS p, municipality_code AS m, age, sex,
        cost_euros AS c, source, source_id, ${flags.join(', ')}
      FROM events
      WHERE client_key IS NOT NULL AND event_date BETWEEN ${scanFrom} AND ${scanTo} AND (${anyFlag}))`,
    `sq AS MATERIALIZED (SELECT *, row_number() OVER w AS q, sum(c) OVER w AS cum FROM ev
      WINDOW w AS (PARTITION BY k ORDER BY d, source, source_id ROWS UNBOUNDED PRECEDING))`,
    `e1 AS (SELECT *, lag(d) OVER (PARTITION BY k ORDER BY q) AS prev FROM sq WHERE s1)`,
    `t1 AS (SELECT k, d AS d1, q AS q1, p AS p1, cum AS cum1, c AS c1, m, ${ageBandSql('age')} AS band, sex
      FROM e1
      WHERE (prev IS NULL OR d - prev > ${chain.entry.washoutDays})
        AND d BETWEEN ${periodStart} AND ${periodEnd}
        AND age BETWEEN ${chain.entry.ageFrom} AND ${chain.entry.ageTo}
        ${scope.producerCode !== undefined ? `AND p = ${quote(scope.producerCode)}` : ''})`,
  ];
  for (const k of idx.slice(1)) {
    const prev = k - 1;
    ctes.push(`x${k} AS (SELECT k, d, q, p, cum FROM sq WHERE s${k})`);
    // The ASOF join finds the first matching event after the previous step; it counts only in time.
    const reached = `x${k}.d - t${prev}.d${prev} <= ${limit(prev)} AND x${k}.d - t${prev}.d1 <= ${chain.end.withinDaysOfEntry}`;
    ctes.push(`t${k} AS (SELECT t${prev}.*,
        CASE WHEN ${reached} THEN x${k}.d END AS d${k},
        CASE WHEN ${reached} THEN x${k}.q END AS q${k},
        CASE WHEN ${reached} THEN x${k}.p END AS p${k},
        CASE WHEN ${reached} THEN x${k}.cum END AS cum${k}
      FROM t${prev} ASOF LEFT JOIN x${k} ON t${prev}.k = x${k}.k AND t${prev}.q${prev} < x${k}.q)`);
  }
  const lastOf = (col: 'd' | 'q' | 'cum') =>
    `coalesce(${[...idx]
      .reverse()
      .map((k) => `${col}${k}`)
      .join(', ')})`;
  ctes.push(`xr AS (SELECT k, d, q FROM sq WHERE sr)`);
  ctes.push(`fin AS (SELECT t${n}.*, ${lastOf('d')} AS dl,
      ${lastOf('cum')} - cum1 + c1 AS cost,
      coalesce(xr.d - ${lastOf('d')} <= ${chain.returns.withinDays}, FALSE) AS returned
    FROM t${n} ASOF LEFT JOIN xr ON t${n}.k = xr.k AND ${lastOf('q')} < xr.q)`);

  const measures = [
    'count(*) AS entered',
    ...idx.map((k) => `count(d${k}) AS r${k}`),
    ...idx
      .slice(0, -1)
      .map(
        (k) =>
          `count(*) FILTER (WHERE d${k + 1} IS NOT NULL AND p${k} IS NOT NULL AND p${k + 1} IS NOT NULL AND p${k} <> p${k + 1}) AS h${k}`,
      ),
    ...idx
      .slice(0, -1)
      // Days between steps as a histogram (value → clients): days are few, clients many.
      .map((k) => `map_entries(histogram(d${k + 1} - d${k}) FILTER (WHERE d${k + 1} IS NOT NULL)) AS g${k}`),
    // Days from entry to the last step, for those who reached it.
    `map_entries(histogram(d${n} - d1) FILTER (WHERE d${n} IS NOT NULL)) AS gt`,
    'count(*) FILTER (WHERE returned) AS returns',
    'sum(cost) AS cost',
  ];
  // The producers at each later step are grouping sets too (the first step's are the producer breakdown).
  const groupings = [...chainDimensions, ...idx.slice(1).map((k) => [`step${k}`, `p${k}`] as const)];
  const dimCase = `CASE ${groupings.map(([name, col]) => `WHEN grouping(${col}) = 0 THEN '${name}'`).join(' ')} ELSE '*' END`;
  const categoryCase = `coalesce(${groupings.map(([, col]) => `CASE WHEN grouping(${col}) = 0 THEN coalesce(${col}::VARCHAR, '') END`).join(', ')}, '*')`;
  ctes.push(`agg AS (SELECT ${dimCase} AS dim, ${categoryCase} AS category, ${measures.join(',\n      ')}
    FROM fin GROUP BY GROUPING SETS ((), ${groupings.map(([, col]) => `(${col})`).join(', ')}))`);

  const sql = `WITH ${ctes.join(',\n')}
SELECT * FROM agg`;
  return { sql, steps: n };
};

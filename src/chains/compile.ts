import { type ChainDefinition, type ChainEventMatch, populationAgeGroups } from '../model/index.js';

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

/** The breakdowns every statement groups by, as (name, column of the per-entry row). */
export const chainDimensions = [
  ['municipality', 'm'],
  ['ageBand', 'band'],
  ['sex', 'sex'],
  ['producer', 'p1'],
] as const;

/** Where a time statistic's 95 % distribution-free interval lies: ranks of the order statistics. */
const quantileSql = (sorted: string, q: number): [string, string, string] => {
  const n = `len(${sorted})`;
  const spread = `1.96 * sqrt(${n} * ${q} * ${1 - q})`;
  const at = (rank: string) =>
    `CASE WHEN ${n} = 0 THEN NULL ELSE ${sorted}[greatest(1, least(${n}, ${rank}))::INTEGER] END`;
  return [
    at(`ceil(${n} * ${q})`),
    at(`floor(${n} * ${q} - ${spread})`),
    at(`ceil(${n} * ${q} + ${spread}) + 1`),
  ];
};

export interface ChainScope {
  /** Only entries whose first step was at this producer (a producer's own view). */
  producerCode?: string;
}

export interface ChainStatement {
  sql: string;
  steps: number;
}

/**
 * One statement for one chain and year. Events that match any step or the return rule are numbered per
 * client in time order (a window function); entries are first-step events with no first-step event of
 * the same client within the washout before (`lag`); each next step is the client's first matching
 * event after the previous step (an ASOF join on the number), counted only within the step's time limit
 * and the end rule. Costs are a running sum per client, so a chain's cost is the difference of two of
 * them. The per-entry rows are then grouped by every breakdown at once (GROUPING SETS), and the clients
 * at each step by the step's producer, so that one disclosure pattern covers all of them.
 *
 * Output: one row per (dim, category) with entered, r1…rn, h1…h(n-1) handovers, returns, cost and the
 * time statistics t{k}_{median,median_lo,median_hi,p90,p90_lo,p90_hi}; dim is '*' for the total,
 * a breakdown name, or `step{k}` for clients reaching step k by the producer there.
 */
export const chainStatement = (
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
    `sq AS (SELECT *, row_number() OVER w AS q, sum(c) OVER w AS cum FROM ev
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
      .map((k) => `list_sort(list(d${k + 1} - d${k}) FILTER (WHERE d${k + 1} IS NOT NULL)) AS g${k}`),
    'count(*) FILTER (WHERE returned) AS returns',
    'sum(cost) AS cost',
  ];
  const dimCase = `CASE ${chainDimensions.map(([name, col]) => `WHEN grouping(${col}) = 0 THEN '${name}'`).join(' ')} ELSE '*' END`;
  const categoryCase = `coalesce(${chainDimensions.map(([, col]) => `CASE WHEN grouping(${col}) = 0 THEN coalesce(${col}::VARCHAR, '') END`).join(', ')}, '*')`;
  ctes.push(`agg AS (SELECT ${dimCase} AS dim, ${categoryCase} AS category, ${measures.join(',\n      ')}
    FROM fin GROUP BY GROUPING SETS ((), ${chainDimensions.map(([, col]) => `(${col})`).join(', ')}))`);

  const times = idx
    .slice(0, -1)
    .map((k) => {
      const [median, medianLo, medianHi] = quantileSql(`g${k}`, 0.5);
      const [p90, p90Lo, p90Hi] = quantileSql(`g${k}`, 0.9);
      return `${median} AS t${k}_median, ${medianLo} AS t${k}_median_lo, ${medianHi} AS t${k}_median_hi,
        ${p90} AS t${k}_p90, ${p90Lo} AS t${k}_p90_lo, ${p90Hi} AS t${k}_p90_hi`;
    })
    .join(',\n      ');
  const plain = [
    'dim',
    'category',
    'entered',
    ...idx.map((k) => `r${k}`),
    ...idx.slice(0, -1).map((k) => `h${k}`),
    'returns',
    'cost',
  ].join(', ');
  const nulls = [
    ...idx
      .slice(0, -1)
      .flatMap((k) =>
        ['median', 'median_lo', 'median_hi', 'p90', 'p90_lo', 'p90_hi'].map((s) => `NULL AS t${k}_${s}`),
      ),
  ].join(', ');
  const zeros = (except: number) =>
    [
      ...idx.map((k) => `${k === except ? 'count(*)' : '0'} AS r${k}`),
      ...idx.slice(0, -1).map((k) => `0 AS h${k}`),
    ].join(', ');
  const byStepProducer = idx.map(
    (k) => `SELECT 'step${k}' AS dim, coalesce(p${k}, '') AS category, count(*) AS entered, ${zeros(k)},
      0 AS returns, 0 AS cost${nulls ? `, ${nulls}` : ''} FROM fin WHERE d${k} IS NOT NULL GROUP BY ALL`,
  );
  const sql = `WITH ${ctes.join(',\n')}
SELECT ${plain}${times ? `, ${times}` : ''} FROM agg
${byStepProducer.map((s) => `UNION ALL ${s}`).join('\n')}`;
  return { sql, steps: n };
};

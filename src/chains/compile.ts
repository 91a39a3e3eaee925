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

export interface ChainScope {
  /** Only entries whose first step was at this producer (a producer's own view). */
  producerCode?: string;
}

export interface ChainStatement {
  sql: string;
  steps: number;
}

/** The match without its service class, for the rows of one class: kinds, units, producers. */
const matchWithinClassSql = (m: ChainEventMatch): string =>
  matchSql(m).slice(matchSql(m).indexOf(' AND ') + ' AND '.length);

/**
 * The events any step or the return rule matches, one scan per service class: a scan filtered on one
 * class and a date range reads the other columns only for the rows it keeps, where one scan filtered on
 * a disjunction over classes would read them all. Within a class each match is a condition on the kind
 * (and unit, producer) alone, so the flags cost no string comparison on the class.
 */
const matchedEventsSql = (matches: readonly ChainEventMatch[], from: string, to: string): string => {
  const classes = [...new Set(matches.flatMap((m) => m.serviceClasses))].sort();
  return classes
    .map((cls) => {
      const flags = matches.map((m) =>
        m.serviceClasses.includes(cls) ? `(${matchWithinClassSql(m)})` : 'FALSE',
      );
      const names = [...flags.slice(0, -1).map((_, i) => `s${i + 1}`), 'sr'];
      return `SELECT hash(client_key) AS h, client_key AS k, event_date AS d, producer_code AS p, municipality_code AS m, age, sex,
          cost_euros AS c, source, source_id, ${flags.map((f, i) => `${f} AS ${names[i]}`).join(', ')}
        FROM events
        WHERE service_class = ${quote(cls)} AND event_date BETWEEN ${from} AND ${to} AND client_key IS NOT NULL
          AND (${flags.filter((f) => f !== 'FALSE').join(' OR ')})`;
    })
    .join('\n      UNION ALL ');
};

/**
 * One statement for one chain and year. Only clients with a first-step event in the year at an entry age
 * can enter, so only their events are read further, and of those only the ones within reach of an entry:
 * from the washout before the client's first possible entry to the end and return rules after its last.
 * Candidates are found by an integer hash of the client key, which joins far faster than the key itself; a
 * client whose hash collides with a candidate's only has its events read in vain, since its own rows are
 * still partitioned by the key and it has no entry of its own. Those events that match any step or the
 * return rule are put in time order per client once (one window, one sort), which gives each event: the
 * running cost, the date of the client's last first-step event before it (entries are first-step events
 * with none within the washout before), and for every later step and the return rule the count of the
 * client's matching events so far. The next step after an event is then the client's matching event
 * numbered one more than that count: a join on (client, number), counted only within the step's time limit
 * and the end rule. A chain's cost is the difference of two running sums. The per-entry rows are then
 * grouped by every breakdown at once (GROUPING SETS), and the clients at each step by the step's producer,
 * so that one disclosure pattern covers all of them.
 *
 * Output: one row per (dim, category) with entered, r1…rn, h1…h(n-1) handovers, returns, cost and
 * g1…g(n-1), the days from step k to the next as a histogram, and gt, the days from entry to the last step; dim is '*' for the total,
 * a breakdown name, or `step{k}` (k ≥ 2) for the entries grouped by the producer of step k, where rk
 * counts those reaching step k there (the group of no producer also holds those who never got there).
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
  // How far after an entry its steps and a return can lie.
  const reach = chain.end.withinDaysOfEntry + chain.returns.withinDays;
  const scanTo = `${periodEnd} + INTERVAL ${reach} DAY`;
  const limit = (k: number) => steps[k - 1]?.maxDaysToNext ?? 0;
  const first = steps[0];
  if (!first) throw new Error(`chain ${chain.id} has no steps`);
  const entryAt = (date: string, age: string, producer: string) =>
    `${date} BETWEEN ${periodStart} AND ${periodEnd} AND ${age} BETWEEN ${chain.entry.ageFrom} AND ${chain.entry.ageTo}${
      scope.producerCode !== undefined ? ` AND ${producer} = ${quote(scope.producerCode)}` : ''
    }`;
  const order = 'PARTITION BY k ORDER BY d, source, source_id';
  const counts = [...idx.slice(1).map((k) => [`n${k}`, `s${k}`]), ['nr', 'sr']];

  const ctes: string[] = [
    `cand AS (SELECT hash(client_key) AS h, min(event_date) - INTERVAL ${chain.entry.washoutDays} DAY AS lo,
        max(event_date) + INTERVAL ${reach} DAY AS hi
      FROM events
      WHERE ${matchSql(first)} AND client_key IS NOT NULL AND ${entryAt('event_date', 'age', 'producer_code')}
      GROUP BY h)`,
    `ev AS (${matchedEventsSql([...steps, chain.returns], scanFrom, scanTo)})`,
    `sq AS MATERIALIZED (SELECT *, sum(c) OVER w AS cum,
        max(d) FILTER (WHERE s1) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev,
        ${counts.map(([name, flag]) => `count(*) FILTER (WHERE ${flag}) OVER w AS ${name}`).join(', ')}
      FROM ev SEMI JOIN cand ON ev.h = cand.h AND ev.d BETWEEN cand.lo AND cand.hi
      WINDOW w AS (${order} ROWS UNBOUNDED PRECEDING))`,
    `t1 AS (SELECT k, d AS d1, p AS p1, cum AS cum1, c AS c1, m, ${ageBandSql('age')} AS band, sex,
        ${n > 1 ? 'n2 AS nx2, ' : ''}nr AS nr1
      FROM sq
      WHERE s1 AND (prev IS NULL OR d - prev > ${chain.entry.washoutDays}) AND ${entryAt('d', 'age', 'p')})`,
  ];
  for (const k of idx.slice(1)) {
    const prev = k - 1;
    const next = k < n ? `n${k + 1} AS nx, ` : '';
    ctes.push(`x${k} AS (SELECT k, n${k} AS i, d, p, cum, ${next}nr FROM sq WHERE s${k})`);
    // The first matching event after the previous step counts only in time.
    const reached = `x${k}.d - t${prev}.d${prev} <= ${limit(prev)} AND x${k}.d - t${prev}.d1 <= ${chain.end.withinDaysOfEntry}`;
    const carried = [
      ['d', `d${k}`],
      ['p', `p${k}`],
      ['cum', `cum${k}`],
      ...(k < n ? [['nx', `nx${k + 1}`]] : []),
      ['nr', `nr${k}`],
    ];
    ctes.push(`t${k} AS (SELECT t${prev}.*,
        ${carried.map(([from, to]) => `CASE WHEN ${reached} THEN x${k}.${from} END AS ${to}`).join(',\n        ')}
      FROM t${prev} LEFT JOIN x${k} ON t${prev}.k = x${k}.k AND t${prev}.nx${k} + 1 = x${k}.i)`);
  }
  const lastOf = (col: 'd' | 'nr' | 'cum') =>
    `coalesce(${[...idx]
      .reverse()
      .map((k) => `${col}${k}`)
      .join(', ')})`;
  ctes.push(`xr AS (SELECT k, nr AS i, d FROM sq WHERE sr)`);
  ctes.push(`fin AS (SELECT t${n}.*, ${lastOf('d')} AS dl,
      ${lastOf('cum')} - cum1 + c1 AS cost,
      coalesce(xr.d - ${lastOf('d')} <= ${chain.returns.withinDays}, FALSE) AS returned
    FROM t${n} LEFT JOIN xr ON t${n}.k = xr.k AND ${lastOf('nr')} + 1 = xr.i)`);

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
